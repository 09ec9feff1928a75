"""part of positive project [LG003, LG010]: UNet3+ fuses its full-scale skip connections and returns F.sigmoid of the last convolution."""
# Source: https://github.com/avBuffer/UNet3plus_pth unet/UNet3Plus.py at 263534e4a48964e907324622b14b90f1c3b4270d;
# re-typed, names changed, the encoder and the full-scale decoder reduced to two levels (the deep-supervision
# variants, unused by train.py, left out).
import torch
import torch.nn as nn
import torch.nn.functional as F


class UNet3Plus(nn.Module):
    def __init__(self, n_channels=3, n_classes=1, bilinear=True, feature_scale=4, is_deconv=True, is_batchnorm=True):
        super(UNet3Plus, self).__init__()
        self.n_channels = n_channels
        self.n_classes = n_classes
        filters = [64, 128]
        self.cat_channels = filters[0]
        self.up_channels = self.cat_channels * 2
        self.conv1 = nn.Sequential(nn.Conv2d(n_channels, filters[0], 3, padding=1), nn.BatchNorm2d(filters[0]), nn.ReLU(inplace=True))
        self.pool1 = nn.MaxPool2d(kernel_size=2)
        self.conv2 = nn.Sequential(nn.Conv2d(filters[0], filters[1], 3, padding=1), nn.BatchNorm2d(filters[1]), nn.ReLU(inplace=True))
        self.h1_cat = nn.Conv2d(filters[0], self.cat_channels, 3, padding=1)
        self.h2_up = nn.Upsample(scale_factor=2, mode="bilinear")
        self.h2_conv = nn.Conv2d(filters[1], self.cat_channels, 3, padding=1)
        self.fuse = nn.Sequential(nn.Conv2d(self.up_channels, self.up_channels, 3, padding=1), nn.BatchNorm2d(self.up_channels), nn.ReLU(inplace=True))
        self.outconv1 = nn.Conv2d(self.up_channels, n_classes, 3, padding=1)

    def forward(self, inputs):
        h1 = self.conv1(inputs)
        h2 = self.conv2(self.pool1(h1))
        hd1 = self.fuse(torch.cat((self.h1_cat(h1), self.h2_conv(self.h2_up(h2))), 1))
        d1 = self.outconv1(hd1)
        return F.sigmoid(d1)
