"""positive [LG008]: a ranking-distillation loss module passes scores.softmax(-1) (probabilities, not log-probabilities) as KLDivLoss's input."""
# Source: issue https://github.com/sebastian-hofstaetter/matchmaker/issues/18 (code posted in the
# thread, class KLDivTeacherList); re-typed with names changed.
import torch
import torch.nn as nn


class KLDivTeacherScores(nn.Module):
    def __init__(self):
        super().__init__()
        self.kl = torch.nn.KLDivLoss(reduction="batchmean")

    def forward(self, scores, labels):
        loss = self.kl(scores.softmax(-1), labels.softmax(-1))  # expect: LG008
        return loss
