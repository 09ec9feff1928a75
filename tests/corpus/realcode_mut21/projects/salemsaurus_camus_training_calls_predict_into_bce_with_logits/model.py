"""part of positive project [LG003]: the U-Net's predict() applies a sigmoid (one channel) or a softmax to forward()."""

# Source: salemsaurus/camus-segmentation-pytorch@affeb723fd model.py (double_conv, UpBlock, CamusUnet1; re-typed; the
# encoder and decoder cut to three levels)
import torch
import torch.nn as nn
import torch.nn.functional as F


def double_conv(in_channels, out_channels):
    return nn.Sequential(
        nn.Conv2d(in_channels, out_channels, kernel_size=3, padding=1),
        nn.ReLU(inplace=True),
        nn.Conv2d(out_channels, out_channels, kernel_size=3, padding=1),
        nn.ReLU(inplace=True),
    )


class UpBlock(nn.Module):
    def __init__(self, in_channels, out_channels):
        super().__init__()
        self.up = nn.UpsamplingBilinear2d(scale_factor=2)
        self.conv = nn.Conv2d(in_channels, out_channels, kernel_size=1)

    def forward(self, x):
        return self.conv(self.up(x))


class EchoUnet(nn.Module):
    def __init__(self, num_classes=4, dropout=0.0):
        super().__init__()
        self.binary = num_classes == 1
        self.pool = nn.MaxPool2d(kernel_size=2, stride=2)
        self.enc1 = double_conv(1, 32)
        self.enc2 = double_conv(32, 64)
        self.enc3 = double_conv(64, 128)
        self.up1 = UpBlock(128, 64)
        self.up2 = UpBlock(64, 32)
        self.dec1 = double_conv(128, 64)
        self.dec2 = double_conv(64, 16)
        self.dropout = nn.Dropout2d(p=dropout) if dropout > 0 else nn.Identity()
        self.out = nn.Conv2d(16, num_classes, kernel_size=1)

    @staticmethod
    def _match(up, skip):
        if up.shape[2:] != skip.shape[2:]:
            return F.interpolate(up, size=skip.shape[2:], mode="bilinear", align_corners=False)
        return up

    def forward(self, x):
        e1 = self.enc1(x)
        e2 = self.enc2(self.pool(e1))
        e3 = self.enc3(self.pool(e2))
        d1 = self.dec1(torch.cat([e2, self._match(self.up1(e3), e2)], dim=1))
        d2 = self.dropout(self.dec2(torch.cat([e1, self._match(self.up2(d1), e1)], dim=1)))
        return self.out(d2)

    def predict(self, x):
        logits = self.forward(x)
        if self.binary:
            return torch.sigmoid(logits)
        return torch.softmax(logits, dim=1)
