"""positive [LG010]: the relational distillation losses call F.smooth_l1_loss with reduction='elementwise_mean', the deprecated spelling of 'mean'."""

# Source: lenscloth/RKD@0a6c3c0 metric/loss.py (re-typed, renamed, cut to the two RKD terms)
import torch
import torch.nn as nn
import torch.nn.functional as F


def pairwise_distance(e, eps=1e-12):
    sq = e.pow(2).sum(dim=1)
    prod = e @ e.t()
    d = (sq.unsqueeze(1) + sq.unsqueeze(0) - 2 * prod).clamp(min=eps).sqrt()
    d = d.clone()
    d[range(len(e)), range(len(e))] = 0
    return d


class AngleTerm(nn.Module):
    def forward(self, student, teacher):
        with torch.no_grad():
            td = teacher.unsqueeze(0) - teacher.unsqueeze(1)
            t_angle = torch.bmm(F.normalize(td, p=2, dim=2), F.normalize(td, p=2, dim=2).transpose(1, 2)).view(-1)
        sd = student.unsqueeze(0) - student.unsqueeze(1)
        s_angle = torch.bmm(F.normalize(sd, p=2, dim=2), F.normalize(sd, p=2, dim=2).transpose(1, 2)).view(-1)
        return F.smooth_l1_loss(s_angle, t_angle, reduction="elementwise_mean")  # expect: LG010


class DistanceTerm(nn.Module):
    def forward(self, student, teacher):
        with torch.no_grad():
            t_d = pairwise_distance(teacher)
            t_d = t_d / t_d[t_d > 0].mean()
        d = pairwise_distance(student)
        d = d / d[d > 0].mean()
        return F.smooth_l1_loss(d, t_d, reduction="elementwise_mean")  # expect: LG010
