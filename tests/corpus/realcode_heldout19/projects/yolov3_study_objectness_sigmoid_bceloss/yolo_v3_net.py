"""part of positive project [LG016]: the study repository's YOLOv3 network; each of the three detection heads ends in a plain Conv2d, so the objectness channel the loss reads is a raw score."""
# Source: 117XinyuLi/pytorch-learning at 99050090 (read as is), test15-YOLO/yolov3/yolo_v3_net.py; re-typed,
# identifiers renamed; the stacks of residual blocks shortened to one block per stage and the shape-check main cut.
import torch
import torch.nn as nn
import torch.nn.functional as F


class ConvBlock(nn.Module):
    def __init__(self, c_in, c_out, k, s, p, bias=False):
        super(ConvBlock, self).__init__()
        self.conv = nn.Sequential(
            nn.Conv2d(c_in, c_out, k, s, p, bias=bias),
            nn.BatchNorm2d(c_out),
            nn.LeakyReLU(0.1, inplace=True),
        )

    def forward(self, x):
        return self.conv(x)


class Residual(nn.Module):
    def __init__(self, c_in, c_mid):
        super(Residual, self).__init__()
        self.conv = nn.Sequential(
            ConvBlock(c_in, c_mid, 1, 1, 0),
            ConvBlock(c_mid, c_in, 3, 1, 1)
        )

    def forward(self, x):
        return self.conv(x) + x


class ConvSet(nn.Module):
    def __init__(self, c_in, c_out):
        super(ConvSet, self).__init__()
        self.conv = nn.Sequential(
            ConvBlock(c_in, c_out, 1, 1, 0),
            ConvBlock(c_out, c_in, 3, 1, 1),
            ConvBlock(c_in, c_out, 1, 1, 0),
            ConvBlock(c_out, c_in, 3, 1, 1),
            ConvBlock(c_in, c_out, 1, 1, 0),
        )

    def forward(self, x):
        return self.conv(x)


class Down(nn.Module):
    def __init__(self, c_in, c_out):
        super(Down, self).__init__()
        self.layer = nn.Sequential(ConvBlock(c_in, c_out, 3, 2, 1))

    def forward(self, x):
        return self.layer(x)


class Up(nn.Module):
    def __init__(self):
        super(Up, self).__init__()

    def forward(self, x):
        return F.interpolate(x, scale_factor=2, mode='nearest')


class YoloV3Net(nn.Module):
    def __init__(self, num_classes):
        super(YoloV3Net, self).__init__()
        self.trunk_52 = nn.Sequential(
            ConvBlock(3, 32, 3, 1, 1),
            Down(32, 64),
            Residual(64, 32),
            Down(64, 128),
            Residual(128, 64),
            Down(128, 256),
            Residual(256, 128),
        )
        self.trunk_26 = nn.Sequential(
            Down(256, 512),
            Residual(512, 256),
        )
        self.trunk_13 = nn.Sequential(
            Down(512, 1024),
            Residual(1024, 512),
        )
        self.set_13 = nn.Sequential(ConvSet(1024, 512))
        self.head_13 = nn.Sequential(
            ConvBlock(512, 1024, 3, 1, 1),
            nn.Conv2d(1024, 3 * (5 + num_classes), 1, 1, 0)
        )
        self.up_13 = nn.Sequential(ConvBlock(512, 256, 3, 1, 1), Up())
        self.set_26 = nn.Sequential(ConvSet(768, 256))
        self.head_26 = nn.Sequential(
            ConvBlock(256, 512, 3, 1, 1),
            nn.Conv2d(512, 3 * (5 + num_classes), 1, 1, 0)
        )
        self.up_26 = nn.Sequential(ConvBlock(256, 128, 3, 1, 1), Up())
        self.set_52 = nn.Sequential(ConvSet(384, 128))
        self.head_52 = nn.Sequential(
            ConvBlock(128, 256, 3, 1, 1),
            nn.Conv2d(256, 3 * (5 + num_classes), 1, 1, 0)
        )

    def forward(self, x):
        f52 = self.trunk_52(x)
        f26 = self.trunk_26(f52)
        f13 = self.trunk_13(f26)
        s13 = self.set_13(f13)
        d13 = self.head_13(s13)
        u13 = self.up_13(s13)
        s26 = self.set_26(torch.cat([u13, f26], dim=1))
        d26 = self.head_26(s26)
        u26 = self.up_26(s26)
        s52 = self.set_52(torch.cat([u26, f52], dim=1))
        d52 = self.head_52(s52)
        return d13, d26, d52
