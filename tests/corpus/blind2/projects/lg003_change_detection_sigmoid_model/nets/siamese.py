"""part of positive project [LG003]: the Siamese change detector returns a sigmoid change map from forward."""
import torch
import torch.nn as nn


def double_conv(c_in, c_out):
    return nn.Sequential(
        nn.Conv2d(c_in, c_out, 3, padding=1), nn.BatchNorm2d(c_out), nn.ReLU(inplace=True),
        nn.Conv2d(c_out, c_out, 3, padding=1), nn.BatchNorm2d(c_out), nn.ReLU(inplace=True),
    )


class SiameseUNet(nn.Module):
    def __init__(self, in_ch=3, base=32):
        super().__init__()
        self.enc1 = double_conv(in_ch, base)
        self.enc2 = double_conv(base, base * 2)
        self.pool = nn.MaxPool2d(2)
        self.up = nn.ConvTranspose2d(base * 4, base * 2, 2, stride=2)
        self.dec = double_conv(base * 2 + base * 2, base * 2)
        self.head = nn.Conv2d(base * 2, 1, kernel_size=1)

    def encode(self, x):
        f1 = self.enc1(x)
        f2 = self.enc2(self.pool(f1))
        return f1, f2

    def forward(self, before, after):
        _, a2 = self.encode(before)
        _, b2 = self.encode(after)
        diff = torch.cat([a2, b2], dim=1)
        up = self.up(self.pool(diff))
        x = self.dec(torch.cat([up, torch.abs(a2 - b2)], dim=1))
        return torch.sigmoid(self.head(x))
