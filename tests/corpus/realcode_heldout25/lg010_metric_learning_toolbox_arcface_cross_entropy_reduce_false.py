"""positive [LG010]: a training toolbox's ArcFace loss builds nn.CrossEntropyLoss(reduce=False) three times (an unused attribute and two losses inside the margin helper, one on the margin-adjusted scaled cosines and one on the raw cosines) and averages the per-sample losses itself."""
# Source: klu1211/pytorch-toolbox at 90d478ad (read as is), pytorch_toolbox/losses/arcface_loss.py; re-typed,
# identifiers renamed; the BaseLoss properties shortened. BaseLoss, to_numpy and default_hardware are the package's own
# helpers, not included.
import math

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from pytorch_toolbox.defaults import default_hardware
from pytorch_toolbox.losses import BaseLoss
from pytorch_toolbox.utils import to_numpy


class AngularMarginLoss(BaseLoss):
    def __init__(self, scale=30.0, margin=0.5):
        super().__init__()
        self.classify_loss = nn.CrossEntropyLoss(reduce=False)  # expect: LG010
        self.scale = scale
        self.cos_m = math.cos(margin)
        self.sin_m = math.sin(margin)
        self.th = math.cos(math.pi - margin)
        self.mm = math.sin(math.pi - margin) * margin

    @property
    def per_sample_loss(self):
        return self._per_sample_loss

    def __call__(self, out, *yb):
        cosine = out
        labels = yb[0]
        loss = angular_margin_loss(cosine, labels, self.cos_m, self.sin_m, self.th, self.mm, self.scale)
        self._per_sample_loss = loss
        self._reduced_loss = self._per_sample_loss.mean()
        return self._reduced_loss


def angular_margin_loss(cosine, labels, cos_m, sin_m, th, mm, scale):
    sine = torch.sqrt(1.0 - torch.pow(cosine, 2))
    with_margin = cosine * cos_m - sine * sin_m
    with_margin = torch.where(cosine > th, with_margin, cosine - mm)
    one_hot = labels
    logits = (one_hot * with_margin) + ((1.0 - one_hot) * cosine)
    logits *= scale
    labels = torch.from_numpy(np.where(to_numpy(labels) == 1)[1]).to(default_hardware.device)
    loss_margin = nn.CrossEntropyLoss(reduce=False)(logits, labels)  # expect: LG010
    loss_plain = nn.CrossEntropyLoss(reduce=False)(cosine, labels)  # expect: LG010
    gamma = 1
    return (loss_margin + gamma * loss_plain) / (1 + gamma)


class CosineMarginHead(nn.Module):
    def __init__(self, in_features, out_features):
        super().__init__()
        self.weight = nn.Parameter(torch.FloatTensor(out_features, in_features))
        stdv = 1.0 / math.sqrt(self.weight.size(1))
        self.weight.data.uniform_(-stdv, stdv)

    def forward(self, features):
        return F.linear(F.normalize(features), F.normalize(self.weight.cuda()))
