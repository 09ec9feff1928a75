"""part of look-alike project [LG003, LG016]: the SRGAN discriminator, whose forward returns torch.sigmoid of its last 1x1 convolution."""

# Source: goldhuang/SRGAN-PyTorch@8a81ec5aaa model.py (the fix commit, unchanged; cut, renamed)
import torch
import torch.nn as nn


class Critic(nn.Module):
    def __init__(self, slope=0.2):
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv2d(3, 64, kernel_size=3, padding=1),
            nn.LeakyReLU(slope),
            nn.Conv2d(64, 64, kernel_size=3, stride=2, padding=1),
            nn.BatchNorm2d(64),
            nn.LeakyReLU(slope),
            nn.Conv2d(64, 128, kernel_size=3, padding=1),
            nn.BatchNorm2d(128),
            nn.LeakyReLU(slope),
            nn.AdaptiveAvgPool2d(1),
            nn.Conv2d(128, 1024, kernel_size=1),
            nn.LeakyReLU(0.2),
            nn.Conv2d(1024, 1, kernel_size=1),
        )

    def forward(self, x):
        return torch.sigmoid(self.body(x))
