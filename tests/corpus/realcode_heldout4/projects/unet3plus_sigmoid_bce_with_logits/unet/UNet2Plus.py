"""part of positive project [LG003, LG010]: UNet++ averages its deep-supervision heads and returns F.sigmoid of them."""
# Source: https://github.com/avBuffer/UNet3plus_pth unet/UNet2Plus.py at 263534e4a48964e907324622b14b90f1c3b4270d;
# re-typed, names changed, the nested decoder reduced to two columns.
import torch
import torch.nn as nn
import torch.nn.functional as F


class UNet2Plus(nn.Module):
    def __init__(self, n_channels=3, n_classes=1, bilinear=True, feature_scale=4, is_deconv=True, is_batchnorm=True, is_ds=True):
        super(UNet2Plus, self).__init__()
        self.n_channels = n_channels
        self.n_classes = n_classes
        self.is_ds = is_ds
        self.conv00 = nn.Conv2d(n_channels, 64, 3, padding=1)
        self.conv10 = nn.Sequential(nn.MaxPool2d(2), nn.Conv2d(64, 128, 3, padding=1))
        self.up01 = nn.ConvTranspose2d(128, 64, 2, stride=2)
        self.final_1 = nn.Conv2d(64, n_classes, 1)
        self.final_2 = nn.Conv2d(64, n_classes, 1)

    def forward(self, inputs):
        x00 = self.conv00(inputs)
        x10 = self.conv10(x00)
        x01 = self.up01(x10) + x00
        final_1 = self.final_1(x01)
        final_2 = self.final_2(x00 + x01)
        final = (final_1 + final_2) / 2
        if self.is_ds:
            return F.sigmoid(final)
        else:
            return F.sigmoid(final_2)
