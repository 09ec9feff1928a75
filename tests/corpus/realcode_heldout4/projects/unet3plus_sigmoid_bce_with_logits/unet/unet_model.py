"""part of positive project [LG003, LG010]: the plain UNet ends in a 1x1 convolution and returns logits."""
# Source: https://github.com/avBuffer/UNet3plus_pth unet/unet_model.py at 263534e4a48964e907324622b14b90f1c3b4270d;
# re-typed, names changed, the building blocks (unet_parts) reduced to two.
import torch
import torch.nn as nn
import torch.nn.functional as F


class DoubleConv(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv2d(cin, cout, 3, padding=1), nn.BatchNorm2d(cout), nn.ReLU(inplace=True),
            nn.Conv2d(cout, cout, 3, padding=1), nn.BatchNorm2d(cout), nn.ReLU(inplace=True),
        )

    def forward(self, x):
        return self.body(x)


class OutConv(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.conv = nn.Conv2d(cin, cout, kernel_size=1)

    def forward(self, x):
        return self.conv(x)


class UNet(nn.Module):
    def __init__(self, n_channels, n_classes, bilinear=True):
        super(UNet, self).__init__()
        self.n_channels = n_channels
        self.n_classes = n_classes
        self.bilinear = bilinear
        self.inc = DoubleConv(n_channels, 64)
        self.down = nn.Sequential(nn.MaxPool2d(2), DoubleConv(64, 128))
        self.up = nn.Upsample(scale_factor=2, mode="bilinear", align_corners=True)
        self.fuse = DoubleConv(192, 64)
        self.outc = OutConv(64, n_classes)

    def forward(self, x):
        x1 = self.inc(x)
        x2 = self.down(x1)
        x = self.fuse(torch.cat([self.up(x2), x1], dim=1))
        logits = self.outc(x)
        return logits
