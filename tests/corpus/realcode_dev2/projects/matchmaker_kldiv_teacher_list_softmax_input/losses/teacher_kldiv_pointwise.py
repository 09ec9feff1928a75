"""part of positive project [LG008, LG009]: KLDivTeacherPointwise builds torch.nn.KLDivLoss() with the default reduction and applies it to raw scores and teacher scores."""
# Source: https://github.com/sebastian-hofstaetter/matchmaker matchmaker/losses/teacher_kldiv_pointwise.py at 210b9da0c46ee6b672f59ffbf8603e0f75edb2b6; re-typed, names changed.
import torch
import torch.nn as nn


class KLDivTeacherPointwise(nn.Module):
    def __init__(self):
        super(KLDivTeacherPointwise, self).__init__()
        self.kl = torch.nn.KLDivLoss()  # expect: LG009

    def forward(self, scores_pos, scores_neg, label_pos, label_neg):
        loss = self.kl(scores_pos, label_pos) + self.kl(scores_neg, label_neg)
        return loss / 2
