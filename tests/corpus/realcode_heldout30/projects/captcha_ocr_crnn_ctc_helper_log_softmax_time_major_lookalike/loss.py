"""part of look-alike project [LG006, LG012, LG014]: the CTC helper takes the model's time-major scores, applies F.log_softmax over dim 2 (the classes) and calls nn.CTCLoss(blank=0) on the log-probabilities with lengths built by torch.full."""
# Source: manhph2211/OCR-Pytorch at b127ba04, loss.py; re-typed, identifiers renamed; kept as in the source (tab indentation written as spaces).
import torch
from torch.nn import functional as F
import torch.nn as nn


def ctc_loss(x, targets):
    bs = x.shape[1]
    log_probs = F.log_softmax(x, 2)
    input_lengths = torch.full(size=(bs,), fill_value=log_probs.size(1), dtype=torch.int32)
    target_lengths = torch.full(size=(bs,), fill_value=targets.size(1), dtype=torch.int32)
    loss = nn.CTCLoss(blank=0)(log_probs, targets, input_lengths, target_lengths)
    return loss
