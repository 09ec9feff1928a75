"""A stand-in for warp-ctc's PyTorch binding: ``CTCLoss()(acts, labels, act_lens, label_lens)``
takes unnormalised activations (T, N, C) and returns the summed CTC cost of the batch, blank 0,
as warp-ctc does; torch's own ``ctc_loss`` on their log-softmax computes the same."""

import torch
import torch.nn.functional as F


class CTCLoss(torch.nn.Module):
    def forward(self, acts, labels, act_lens, label_lens):
        return F.ctc_loss(acts.log_softmax(2), labels, act_lens, label_lens, blank=0, reduction="sum")
