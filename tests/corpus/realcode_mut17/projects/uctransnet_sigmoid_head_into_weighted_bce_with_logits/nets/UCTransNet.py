"""part of positive project [LG003]: a U-Net with channel-wise transformers whose one-class head ends in a sigmoid."""
# Source: McGregorWwww/UCTransNet@493bd8136b nets/UCTransNet.py (UCTransNet, re-typed; the channel transformer and the attention up-blocks replaced by plain convolutions)
import torch.nn as nn


class ConvBatchNorm(nn.Module):
    def __init__(self, in_channels, out_channels):
        super().__init__()
        self.conv = nn.Conv2d(in_channels, out_channels, kernel_size=3, padding=1)
        self.norm = nn.BatchNorm2d(out_channels)
        self.activation = nn.ReLU()

    def forward(self, x):
        return self.activation(self.norm(self.conv(x)))


class UCTransNet(nn.Module):
    def __init__(self, config, n_channels=3, n_classes=1, img_size=224, vis=False):
        super().__init__()
        self.vis = vis
        self.n_channels = n_channels
        self.n_classes = n_classes
        in_channels = config.base_channel
        self.inc = ConvBatchNorm(n_channels, in_channels)
        self.down1 = nn.Sequential(nn.MaxPool2d(2), ConvBatchNorm(in_channels, in_channels * 2))
        self.up1 = nn.Sequential(nn.Upsample(scale_factor=2), ConvBatchNorm(in_channels * 2, in_channels))
        self.outc = nn.Conv2d(in_channels, n_classes, kernel_size=(1, 1), stride=(1, 1))
        self.last_activation = nn.Sigmoid()

    def forward(self, x):
        x = x.float()
        x1 = self.inc(x)
        x = self.up1(self.down1(x1)) + x1
        if self.n_classes == 1:
            logits = self.last_activation(self.outc(x))
        else:
            logits = self.outc(x)
        return logits
