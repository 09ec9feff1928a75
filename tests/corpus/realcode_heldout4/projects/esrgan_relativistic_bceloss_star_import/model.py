"""part of positive project [LG002]: the VGG-style discriminator ends in nn.Sequential(Linear, LeakyReLU, Linear(100, 1)) and returns that score; ContentLoss compares VGG19 features with F.l1_loss."""
# Source: https://github.com/Lornatang/ESRGAN-PyTorch model.py at b3e1d1f6391c32eff869e0668d9300cc330d0136; re-typed, names changed, reduced (the discriminator's conv stack
# shortened, the RRDB generator reduced to a stub).
import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision.models as models
from torch import Tensor


class Discriminator(nn.Module):
    def __init__(self) -> None:
        super(Discriminator, self).__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 64, (3, 3), (1, 1), (1, 1), bias=True),
            nn.LeakyReLU(0.2, True),
            nn.Conv2d(64, 128, (4, 4), (4, 4), (0, 0), bias=False),
            nn.BatchNorm2d(128),
            nn.LeakyReLU(0.2, True),
            nn.Conv2d(128, 512, (4, 4), (8, 8), (0, 0), bias=False),
            nn.BatchNorm2d(512),
            nn.LeakyReLU(0.2, True),
        )
        self.classifier = nn.Sequential(
            nn.Linear(512 * 4 * 4, 100),
            nn.LeakyReLU(0.2, True),
            nn.Linear(100, 1),
        )

    def forward(self, x: Tensor) -> Tensor:
        out = self.features(x)
        out = torch.flatten(out, 1)
        out = self.classifier(out)
        return out


class Generator(nn.Module):
    def __init__(self) -> None:
        super(Generator, self).__init__()
        self.conv_block1 = nn.Conv2d(3, 64, (3, 3), (1, 1), (1, 1))
        self.upsampling = nn.Upsample(scale_factor=4, mode="nearest")
        self.conv_block2 = nn.Conv2d(64, 3, (3, 3), (1, 1), (1, 1))

    def forward(self, x: Tensor) -> Tensor:
        out = self.conv_block1(x)
        out = self.upsampling(out)
        return torch.clamp_(self.conv_block2(out), 0.0, 1.0)


class ContentLoss(nn.Module):
    def __init__(self) -> None:
        super(ContentLoss, self).__init__()
        vgg19 = models.vgg19(pretrained=True, num_classes=1000).eval()
        self.feature_extractor = nn.Sequential(*list(vgg19.features.children())[:35])
        for parameters in self.feature_extractor.parameters():
            parameters.requires_grad = False
        self.register_buffer("mean", torch.Tensor([0.485, 0.456, 0.406]).view(1, 3, 1, 1))
        self.register_buffer("std", torch.Tensor([0.229, 0.224, 0.225]).view(1, 3, 1, 1))

    def forward(self, sr: Tensor, hr: Tensor) -> Tensor:
        sr = (sr - self.mean) / self.std
        hr = (hr - self.mean) / self.std
        return F.l1_loss(self.feature_extractor(sr), self.feature_extractor(hr))
