"""part of positive project [LG001]: two discriminator classes, both ending in softmax over real/fake classes."""
import torch.nn as nn
import torch.nn.functional as F


class PatchDiscriminator(nn.Module):
    def __init__(self, in_ch=3):
        super().__init__()
        self.conv = nn.Conv2d(in_ch, 64, 4, 2, 1)
        self.head = nn.Linear(64, 2)

    def forward(self, x):
        h = F.adaptive_avg_pool2d(F.leaky_relu(self.conv(x), 0.2), 1).flatten(1)
        return F.softmax(self.head(h), dim=1)


class GlobalDiscriminator(nn.Module):
    def __init__(self, in_ch=3):
        super().__init__()
        self.net = nn.Sequential(nn.Flatten(), nn.Linear(in_ch * 32 * 32, 256), nn.LeakyReLU(0.2), nn.Linear(256, 2), nn.Softmax(dim=1))

    def forward(self, x):
        return self.net(x)
