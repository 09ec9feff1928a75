"""part of positive project [LG004]: the DCGAN discriminator: four strided convolutions with LeakyReLU, a last 4x4 convolution to one channel, nn.Sigmoid, flattened to one probability per image, (N,)."""
# Source: iArunava/DCGAN at 159c4122, models/Discriminator.py; re-typed, identifiers renamed; the docstrings and out_shape helper cut.
import torch.nn as nn


class Discriminator(nn.Module):
    def __init__(self, inhw, c1_channels=64, c2_channels=128, c3_channels=256, c4_channels=512, double_channels=True):
        super(Discriminator, self).__init__()
        self.c1 = c1_channels
        if double_channels:
            self.c2 = self.c1 * 2
            self.c3 = self.c2 * 2
            self.c4 = self.c3 * 2
        else:
            self.c2, self.c3, self.c4 = c2_channels, c3_channels, c4_channels
        self.conv1 = nn.Conv2d(3, self.c1, kernel_size=4, stride=2, padding=1, bias=False)
        self.conv2 = nn.Conv2d(self.c1, self.c2, kernel_size=4, stride=2, padding=1, bias=False)
        self.bnorm2 = nn.BatchNorm2d(self.c2)
        self.conv3 = nn.Conv2d(self.c2, self.c3, kernel_size=4, stride=2, padding=1, bias=False)
        self.bnorm3 = nn.BatchNorm2d(self.c3)
        self.conv4 = nn.Conv2d(self.c3, self.c4, kernel_size=4, stride=2, padding=1, bias=False)
        self.bnorm4 = nn.BatchNorm2d(self.c4)
        self.conv5 = nn.Conv2d(self.c4, 1, kernel_size=4, padding=0, stride=1, bias=False)
        self.lrelu = nn.LeakyReLU(negative_slope=0.2)
        self.sigmoid = nn.Sigmoid()

    def forward(self, img):
        x = self.lrelu(self.conv1(img))
        x = self.lrelu(self.bnorm2(self.conv2(x)))
        x = self.lrelu(self.bnorm3(self.conv3(x)))
        x = self.lrelu(self.bnorm4(self.conv4(x)))
        x = self.conv5(x)
        x = self.sigmoid(x)
        return x.view(-1, 1).squeeze()
