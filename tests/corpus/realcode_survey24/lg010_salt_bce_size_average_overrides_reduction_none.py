"""positive [LG010]: the salt segmenter's pixel loss passes both `size_average=True` and `reduction='none'`; the deprecated flag wins, so the loss is the mean, not the per-pixel map the focal term beside it is added to."""

# Source: liaopeiyuan/ml-arsenal-public@fbad753 projects/TGS_salt/training/train6_SAN.py, models/TGS_salt/se_resnet34.py (re-typed, renamed, cut to the loss)
import torch
import torch.nn as nn
import torch.nn.functional as F


def focal_loss(logit, truth, gamma=1.0, alpha=0.25):
    prob = torch.sigmoid(logit)
    pt = torch.where(truth > 0.5, prob, 1 - prob)
    return (-alpha * (1 - pt) ** gamma * torch.log(pt.clamp(min=1e-6))).mean()


def train_step(net, images, truth, optimizer):
    refined = net(images)
    pixel_bce = torch.nn.BCEWithLogitsLoss(size_average=True, reduction="none")  # expect: LG010
    loss = focal_loss(refined, truth) + pixel_bce(refined.squeeze(1), truth.squeeze(1))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()


class CrossEntropyLoss2d(nn.Module):
    def __init__(self, weight=None, size_average=True, ignore_index=255):
        super().__init__()
        self.nll = nn.NLLLoss(weight, size_average, ignore_index)  # expect: LG010

    def forward(self, inputs, targets):
        return self.nll(F.log_softmax(inputs, dim=1), targets)
