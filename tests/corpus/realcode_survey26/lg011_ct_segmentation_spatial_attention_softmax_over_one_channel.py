"""positive [LG011]: a CT segmentation network ends its channel- and spatial-attention branches in nn.Softmax() without dim; on the 5-D maps the implicit axis is 1, which for the one-channel spatial map makes every weight 1."""

# Source: ariel415el/CTSegmentation-Pytorch@9584c20 models/DARN/net.py (re-typed, renamed, cut to the attention blocks)
import torch
import torch.nn as nn


class ChannelRefine(nn.Module):
    def __init__(self, low_in_channels, high_in_channels, bias=False):
        super().__init__()
        self.conv_in = nn.Sequential(
            nn.Conv3d(low_in_channels, low_in_channels, kernel_size=3, padding=1, bias=bias),
            nn.InstanceNorm3d(low_in_channels),
            nn.LeakyReLU(inplace=True),
        )
        self.conv_1x1 = nn.Sequential(
            nn.Conv3d(low_in_channels + high_in_channels, low_in_channels, kernel_size=1, padding=0, bias=bias),
            nn.Softmax(),  # expect: LG011
        )

    def forward(self, low, high):
        both = torch.cat([low, high], dim=1)
        weights = self.conv_1x1(torch.mean(both, dim=[-2, -1], keepdim=True))
        return low + self.conv_in(low) * weights


class SpatialRefine(nn.Module):
    def __init__(self, low_in_channels, high_in_channels, bias=False):
        super().__init__()
        self.conv_1 = nn.Sequential(
            nn.Conv3d(low_in_channels + high_in_channels, high_in_channels, kernel_size=3, padding=1, bias=bias),
            nn.InstanceNorm3d(high_in_channels),
            nn.LeakyReLU(inplace=True),
        )
        self.conv_2 = nn.Sequential(
            nn.Conv3d(high_in_channels, 1, kernel_size=3, padding=1, bias=bias),
            nn.Softmax(),  # expect: LG011
        )

    def forward(self, low, high):
        attention = self.conv_2(self.conv_1(torch.cat([low, high], dim=1)))
        return high + high * attention
