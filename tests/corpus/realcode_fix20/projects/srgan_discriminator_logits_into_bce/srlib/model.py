"""part of positive project [LG002]: the VGG-style discriminator ends in nn.Linear(1024, 1); the commit before dropped the nn.Sigmoid after it."""

# Source: Lornatang/SSRGAN-PyTorch@3a8f4bc4e6 ssrgan_pytorch/model.py, fixed in b05feccbb6 (cut, renamed)
import torch
import torch.nn as nn
from torch import Tensor


class VGGStyleDiscriminator(nn.Module):
    def __init__(self):
        super(VGGStyleDiscriminator, self).__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 64, kernel_size=3, stride=1, padding=1),
            nn.LeakyReLU(negative_slope=0.2, inplace=True),
            nn.Conv2d(64, 64, kernel_size=4, stride=2, padding=1, bias=False),
            nn.BatchNorm2d(64),
            nn.LeakyReLU(negative_slope=0.2, inplace=True),
            nn.Conv2d(64, 512, kernel_size=4, stride=2, padding=1, bias=False),
            nn.BatchNorm2d(512),
            nn.LeakyReLU(negative_slope=0.2, inplace=True)
        )
        self.avgpool = nn.AdaptiveAvgPool2d((7, 7))
        self.classifier = nn.Sequential(
            nn.Linear(512 * 7 * 7, 1024),
            nn.LeakyReLU(negative_slope=0.2, inplace=True),
            nn.Linear(1024, 1),
        )

    def forward(self, input: Tensor) -> Tensor:
        out = self.features(input)
        out = self.avgpool(out)
        out = torch.flatten(out, 1)
        out = self.classifier(out)
        return out
