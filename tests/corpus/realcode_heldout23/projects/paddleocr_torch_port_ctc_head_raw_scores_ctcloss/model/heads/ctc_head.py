"""part of positive project [LG012]: the recognition head of a PyTorch port of PaddleOCR returns the Linear scores over the character set, (batch, time, classes), and applies F.softmax(dim=2) only when not training (for the CTC label decoder)."""
# Source: ttjjmm/PaddleOCR at 1216d812 (read as is), model/heads/ctc_head.py; re-typed, identifiers renamed.
import torch
import torch.nn as nn
import torch.nn.functional as F


class CTCHead(nn.Module):
    def __init__(self, in_channels, out_channels=6625, fc_decay=0.0004, mid_channels=None, **kwargs):
        super(CTCHead, self).__init__()
        if mid_channels is None:
            self.fc = nn.Linear(in_channels, out_channels, bias=True)
        else:
            self.fc1 = nn.Linear(in_channels, mid_channels, bias=True)
            self.fc2 = nn.Linear(mid_channels, out_channels, bias=True)
        self.out_channels = out_channels
        self.mid_channels = mid_channels

    def forward(self, x):
        if self.mid_channels is None:
            predicts = self.fc(x)
        else:
            predicts = self.fc1(x)
            predicts = self.fc2(predicts)
        if not self.training:
            predicts = F.softmax(predicts, dim=2)
        return predicts
