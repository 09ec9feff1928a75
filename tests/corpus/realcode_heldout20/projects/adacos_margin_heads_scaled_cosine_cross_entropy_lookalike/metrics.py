"""part of look-alike project [LG001, LG006, LG013]: the margin heads (AdaCos, ArcFace, CosFace) return scaled cosine logits, with the margin applied to the target class through a one-hot built from label.long(); no softmax anywhere."""
# Source: 4uiiurz1/pytorch-adacos at 35c086cc (read as is), metrics.py; re-typed, identifiers renamed; SphereFace
# (the same shape as ArcFace) cut. Issue #14 of the repository ("softmax activation on very last layer", 2020-05-28)
# asks why no softmax ends the network; the answer given is that CrossEntropyLoss applies it.
import math

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn import Parameter


class AdaCos(nn.Module):
    def __init__(self, num_features, num_classes, m=0.50):
        super(AdaCos, self).__init__()
        self.s = math.sqrt(2) * math.log(num_classes - 1)
        self.m = m
        self.W = Parameter(torch.FloatTensor(num_classes, num_features))
        nn.init.xavier_uniform_(self.W)

    def forward(self, x, label=None):
        cos = F.linear(F.normalize(x), F.normalize(self.W))
        if label is None:
            return cos
        theta = torch.acos(torch.clamp(cos, -1.0 + 1e-7, 1.0 - 1e-7))
        one_hot = torch.zeros_like(cos)
        one_hot.scatter_(1, label.view(-1, 1).long(), 1)
        with torch.no_grad():
            b_avg = torch.where(one_hot < 1, torch.exp(self.s * cos), torch.zeros_like(cos))
            b_avg = torch.sum(b_avg) / x.size(0)
            theta_med = torch.median(theta[one_hot == 1])
            self.s = torch.log(b_avg) / torch.cos(torch.min(math.pi / 4 * torch.ones_like(theta_med), theta_med))
        return self.s * cos


class ArcFace(nn.Module):
    def __init__(self, num_features, num_classes, s=30.0, m=0.50):
        super(ArcFace, self).__init__()
        self.s = s
        self.m = m
        self.W = Parameter(torch.FloatTensor(num_classes, num_features))
        nn.init.xavier_uniform_(self.W)

    def forward(self, x, label=None):
        cos = F.linear(F.normalize(x), F.normalize(self.W))
        if label is None:
            return cos
        theta = torch.acos(torch.clamp(cos, -1.0 + 1e-7, 1.0 - 1e-7))
        target = torch.cos(theta + self.m)
        one_hot = torch.zeros_like(cos)
        one_hot.scatter_(1, label.view(-1, 1).long(), 1)
        out = cos * (1 - one_hot) + target * one_hot
        out *= self.s
        return out


class CosFace(nn.Module):
    def __init__(self, num_features, num_classes, s=30.0, m=0.35):
        super(CosFace, self).__init__()
        self.s = s
        self.m = m
        self.W = Parameter(torch.FloatTensor(num_classes, num_features))
        nn.init.xavier_uniform_(self.W)

    def forward(self, x, label=None):
        cos = F.linear(F.normalize(x), F.normalize(self.W))
        if label is None:
            return cos
        one_hot = torch.zeros_like(cos)
        one_hot.scatter_(1, label.view(-1, 1).long(), 1)
        out = cos * (1 - one_hot) + (cos - self.m) * one_hot
        out *= self.s
        return out
