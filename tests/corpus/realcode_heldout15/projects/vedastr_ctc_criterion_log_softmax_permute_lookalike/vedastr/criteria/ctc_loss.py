"""part of look-alike project [LG012, LG014, LG006]: the registered CTC criterion of a scene-text-recognition toolbox takes log_softmax over the class dimension of the (N, T, C) prediction and permutes it to (T, N, C) before nn.CTCLoss."""
# Source: Media-Smart/vedastr at f3844604 (read as is; the same since 68da79c "ctc"), vedastr/criteria/ctc_loss.py;
# re-typed, identifiers renamed.
import torch
import torch.nn as nn

from .registry import CRITERIA


@CRITERIA.register_module
class CTCLoss(nn.Module):
    def __init__(self, zero_infinity=False, blank=0, reduction='mean'):
        super(CTCLoss, self).__init__()
        self.criterion = nn.CTCLoss(zero_infinity=zero_infinity, blank=blank, reduction=reduction)

    def forward(self, pred, target, target_length, batch_size):
        pred = pred.log_softmax(2)
        input_lengths = torch.full(size=(batch_size,), fill_value=pred.size(1), dtype=torch.long)
        pred_tnc = pred.permute(1, 0, 2)
        cost = self.criterion(log_probs=pred_tnc,
                              targets=target.to(pred.device),
                              input_lengths=input_lengths.to(pred.device),
                              target_lengths=target_length.to(pred.device))
        return cost
