"""part of look-alike project [LG002, LG004, LG006, LG016]: the networks: a residual generator, and a patch discriminator whose tail is a 3x3 conv to one channel wrapped in torch.sigmoid inside forward (probabilities, one per patch); the perception net is a frozen VGG19."""
# Source: kushalchordiya216/DPSRGAN at 2114a357, src/networks.py; re-typed, identifiers renamed; the generator's residual blocks and
# pixel-shuffle upsampling shortened to their layers' shapes.
import torch
import torch.nn as nn
from torch import Tensor
from torchvision import models


class ResBlock(nn.Module):
    def __init__(self):
        super(ResBlock, self).__init__()
        self.conv1 = nn.Conv2d(64, 64, kernel_size=3, stride=1, padding=1)
        self.bn1 = nn.BatchNorm2d(64)
        self.conv2 = nn.Conv2d(64, 64, kernel_size=3, stride=1, padding=1)
        self.bn2 = nn.BatchNorm2d(64)
        self.act = nn.PReLU(64)

    def forward(self, inp: Tensor):
        x = self.act(self.bn1(self.conv1(inp)))
        x = self.bn2(self.conv2(x))
        return x.add(inp)


class Generator(nn.Module):
    def __init__(self):
        super(Generator, self).__init__()
        self.head = nn.Sequential(nn.Conv2d(3, 64, kernel_size=9, stride=1, padding=4), nn.PReLU(64))
        self.blocks = nn.Sequential(*[ResBlock() for _ in range(16)])
        self.conv = nn.Conv2d(64, 64, kernel_size=3, stride=1, padding=1)
        self.bn = nn.BatchNorm2d(64)
        self.tail = nn.Sequential(nn.Conv2d(64, 256, 3, 1, 1), nn.PixelShuffle(2), nn.PReLU(),
                                  nn.Conv2d(64, 256, 3, 1, 1), nn.PixelShuffle(2), nn.PReLU(),
                                  nn.Conv2d(64, 3, kernel_size=9, stride=1, padding=4))

    def forward(self, inp: Tensor) -> Tensor:
        pre = self.head(inp)
        x = self.blocks(pre)
        x = self.bn(self.conv(x))
        x = x.add(pre)
        return self.tail(x)


class DiscriminatorHead(nn.Module):
    def __init__(self, concat: bool = True):
        super(DiscriminatorHead, self).__init__()
        self.concat = concat
        self.conv = nn.Conv2d(in_channels=6, out_channels=64, kernel_size=3, stride=1)
        self.lrelu = nn.LeakyReLU(negative_slope=0.2)

    def forward(self, inp: Tensor, target: Tensor = torch.empty(1, 1)):
        if self.concat:
            inp = torch.cat((inp, target), 1)
        return self.lrelu(self.conv(inp))


class DiscriminatorConvBlock(nn.Module):
    def __init__(self, in_channels: int, out_channels: int, stride: int):
        super(DiscriminatorConvBlock, self).__init__()
        self.main = nn.Sequential(nn.Conv2d(in_channels, out_channels, kernel_size=3, stride=stride),
                                  nn.BatchNorm2d(num_features=out_channels),
                                  nn.LeakyReLU(negative_slope=0.2))

    def forward(self, inp: Tensor):
        return self.main(inp)


class Flatten(nn.Module):
    def forward(self, x: Tensor):
        return x.view(x.size(0), -1)


class DiscriminatorTail(nn.Module):
    def __init__(self, patch: bool = True):
        super(DiscriminatorTail, self).__init__()
        if not patch:
            self.main = nn.Sequential(Flatten(), nn.Linear(12800, 1024), nn.LeakyReLU(negative_slope=0.2),
                                      nn.Linear(1024, 1), nn.LeakyReLU(negative_slope=0.2))
        else:
            self.main = nn.Sequential(nn.Conv2d(in_channels=512, out_channels=1, kernel_size=3, stride=1, padding=1))

    def forward(self, inp: Tensor):
        return torch.sigmoid(self.main(inp))


class Discriminator(nn.Module):
    def __init__(self, patch: bool = True, concat: bool = True):
        super(Discriminator, self).__init__()
        self.head = DiscriminatorHead(concat=concat)
        self.body = nn.Sequential(DiscriminatorConvBlock(64, 64, 2), DiscriminatorConvBlock(64, 128, 1),
                                  DiscriminatorConvBlock(128, 128, 2), DiscriminatorConvBlock(128, 256, 1),
                                  DiscriminatorConvBlock(256, 256, 2), DiscriminatorConvBlock(256, 512, 1),
                                  DiscriminatorConvBlock(512, 512, 2))
        self.tail = DiscriminatorTail(patch=True)

    def forward(self, inp: Tensor, target: Tensor) -> Tensor:
        x = self.head(inp, target)
        x = self.body(x)
        return self.tail(x)


class PerceptionNet(nn.Module):
    def __init__(self):
        super(PerceptionNet, self).__init__()
        modules = list(models.vgg19(pretrained=True).children())[0]
        self.main = nn.Sequential(*modules)
        for param in self.main.parameters():
            param.requires_grad = False

    def forward(self, inp):
        return self.main(inp)
