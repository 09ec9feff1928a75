"""part of positive project [LG002]: a pairwise ranking loss written by hand, the fourth task's option."""

# Source: CIDARLAB/knoxAI@2b712fd158 app/utils/ranking_loss.py (RankingLossWithTies, re-typed and shortened)
import torch
import torch.nn as nn


class RankingLossWithTies(nn.Module):
    def __init__(self, margin=1.0):
        super().__init__()
        self.margin = margin

    def forward(self, y_pred, y_true):
        diff_pred = y_pred.view(-1, 1) - y_pred.view(1, -1)
        diff_true = torch.sign(y_true.view(-1, 1) - y_true.view(1, -1))
        return torch.relu(self.margin - diff_true * diff_pred).mean()
