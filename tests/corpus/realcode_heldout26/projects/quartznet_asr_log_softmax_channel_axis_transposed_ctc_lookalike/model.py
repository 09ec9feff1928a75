"""part of look-alike project [LG006, LG011, LG012]: QuartzNet's 1-D convolution stack returns (N, C, T) class scores from a conv + BatchNorm + ReLU block."""
# Source: Kirili4ik/QuartzNet-ASR-pytorch at ec6073ef, model.py; re-typed, identifiers renamed.
import torch
import torch.nn as nn
import torch.nn.functional as F


def conv_bn_relu(in_size, out_size, kernel_size, stride=1, dilation=1):
    return nn.Sequential(
        nn.Conv1d(in_size, out_size, kernel_size, stride, dilation=dilation),
        nn.BatchNorm1d(out_size),
        nn.ReLU()
    )


def sepconv_bn(in_size, out_size, kernel_size, stride=1, dilation=1, padding=None):
    if padding is None:
        padding = (kernel_size - 1) // 2
    return nn.Sequential(
        torch.nn.Conv1d(in_size, in_size, kernel_size, stride=stride, dilation=dilation, groups=in_size, padding=padding),
        torch.nn.Conv1d(in_size, out_size, kernel_size=1),
        nn.BatchNorm1d(out_size)
    )


class QBlock(nn.Module):
    def __init__(self, in_size, out_size, kernel_size, stride=1, R=5):
        super().__init__()
        layers = nn.ModuleList(sepconv_bn(in_size, out_size, kernel_size, stride))
        for i in range(R - 1):
            layers.append(nn.ReLU())
            layers.append(sepconv_bn(out_size, out_size, kernel_size, stride))
        self.layers = nn.Sequential(*layers)
        self.residual = nn.Sequential(torch.nn.Conv1d(in_size, out_size, kernel_size=1), torch.nn.BatchNorm1d(out_size))

    def forward(self, x):
        return F.relu(self.residual(x) + self.layers(x))


class QuartzNet(nn.Module):
    def __init__(self, n_mels, num_classes):
        super().__init__()
        self.c1 = sepconv_bn(n_mels, 256, kernel_size=33, stride=2)
        self.blocks = nn.Sequential(
            QBlock(256, 256, 33, 1, R=5),
            QBlock(256, 256, 39, 1, R=5),
            QBlock(256, 512, 51, 1, R=5),
            QBlock(512, 512, 63, 1, R=5),
            QBlock(512, 512, 75, 1, R=5)
        )
        self.c2 = sepconv_bn(512, 512, kernel_size=87, dilation=2, padding=86)
        self.c3 = conv_bn_relu(512, 1024, kernel_size=1)
        self.c4 = conv_bn_relu(1024, num_classes, kernel_size=1)

    def forward(self, x):
        h = F.relu(self.c1(x))
        h = self.blocks(h)
        h = F.relu(self.c2(h))
        h = self.c3(h)
        return self.c4(h)
