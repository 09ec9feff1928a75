"""positive [LG010, LG009]: IS-Net's model module builds its BCE, feature-MSE, KL, L1 and SmoothL1 losses at module level with the deprecated size_average=True (the KL one therefore averages over every element) and sums them over the side outputs in two helpers."""
# Source: https://github.com/xuebinqin/DIS IS-Net/models/isnet.py at b6764e20381f6f42a70f83fa3324181529ed1403
# (issue #35 "keep getting this when run your code": the size_average deprecation warning, open); re-typed, names
# changed, reduced (the network's RSU blocks left out).
import torch
import torch.nn as nn
import torch.nn.functional as F
from torchvision import models

bce_loss = nn.BCELoss(size_average=True)  # expect: LG010


def muti_loss_fusion(preds, target):
    loss0 = 0.0
    loss = 0.0
    for i in range(0, len(preds)):
        if preds[i].shape[2] != target.shape[2] or preds[i].shape[3] != target.shape[3]:
            tmp_target = F.interpolate(target, size=preds[i].size()[2:], mode="bilinear", align_corners=True)
            loss = loss + bce_loss(preds[i], tmp_target)
        else:
            loss = loss + bce_loss(preds[i], target)
        if i == 0:
            loss0 = loss
    return loss0, loss


fea_loss = nn.MSELoss(size_average=True)  # expect: LG010
kl_loss = nn.KLDivLoss(size_average=True)  # expect: LG009, LG010
l1_loss = nn.L1Loss(size_average=True)  # expect: LG010
smooth_l1_loss = nn.SmoothL1Loss(size_average=True)  # expect: LG010


def muti_loss_fusion_kl(preds, target, dfs, fs, mode="MSE"):
    loss0 = 0.0
    loss = 0.0
    for i in range(0, len(preds)):
        if preds[i].shape[2] != target.shape[2] or preds[i].shape[3] != target.shape[3]:
            tmp_target = F.interpolate(target, size=preds[i].size()[2:], mode="bilinear", align_corners=True)
            loss = loss + bce_loss(preds[i], tmp_target)
        else:
            loss = loss + bce_loss(preds[i], target)
        if i == 0:
            loss0 = loss

    for i in range(0, len(dfs)):
        if mode == "MSE":
            loss = loss + fea_loss(dfs[i], fs[i])
        elif mode == "KL":
            loss = loss + kl_loss(F.log_softmax(dfs[i], dim=1), F.softmax(fs[i], dim=1))
        elif mode == "MAE":
            loss = loss + l1_loss(dfs[i], fs[i])
        elif mode == "SmoothL1":
            loss = loss + smooth_l1_loss(dfs[i], fs[i])
    return loss0, loss


class REBNCONV(nn.Module):
    def __init__(self, in_ch=3, out_ch=3, dirate=1, stride=1):
        super(REBNCONV, self).__init__()
        self.conv_s1 = nn.Conv2d(in_ch, out_ch, 3, padding=1 * dirate, dilation=1 * dirate, stride=stride)
        self.bn_s1 = nn.BatchNorm2d(out_ch)
        self.relu_s1 = nn.ReLU(inplace=True)

    def forward(self, x):
        return self.relu_s1(self.bn_s1(self.conv_s1(x)))
