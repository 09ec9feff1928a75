"""look-alike [LG002, LG016]: sigmoid-ending model whose output is clamped before F.binary_cross_entropy; focal weighting, reduced before backward."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Detector(nn.Module):
    def __init__(self, in_ch=256, n_anchors=9):
        super().__init__()
        self.tower = nn.Sequential(*[nn.Sequential(nn.Conv2d(in_ch, in_ch, 3, padding=1), nn.ReLU()) for _ in range(4)])
        self.cls = nn.Conv2d(in_ch, n_anchors, 3, padding=1)

    def forward(self, feat):
        return self.cls(self.tower(feat)).sigmoid()


def focal_bce(p, t, gamma=2.0, eps=1e-6):
    p = p.clamp(eps, 1 - eps)
    bce = F.binary_cross_entropy(p, t, reduction="none")
    p_t = p * t + (1 - p) * (1 - t)
    return ((1 - p_t) ** gamma * bce).mean()


model = Detector()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)


def train(loader):
    for feat, targets in loader:
        optimizer.zero_grad()
        loss = focal_bce(model(feat), targets)
        loss.backward()
        optimizer.step()
