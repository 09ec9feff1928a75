"""part of positive project [LG008, LG009]: KLDivTeacherList feeds scores.softmax(-1) (probabilities, not log-probabilities) as the input of KLDivLoss(reduction="batchmean")."""
# Source: https://github.com/sebastian-hofstaetter/matchmaker matchmaker/losses/teacher_kldiv_list.py at
# 210b9da0c46ee6b672f59ffbf8603e0f75edb2b6 (issue #18 "typo in KLDivTeacherList?"); re-typed, names changed.
import torch
from torch import nn


class KLDivTeacherList(nn.Module):
    def __init__(self):
        super(KLDivTeacherList, self).__init__()
        self.kl = torch.nn.KLDivLoss(reduction="batchmean")

    def forward(self, scores, labels):
        loss = self.kl(scores.softmax(-1), labels.softmax(-1))  # expect: LG008
        return loss
