"""part of positive project [LG001, LG005]: the Discriminator returns a tuple: torch.sigmoid of an nn.Linear(..., 1) (shape (N, 1)), F.softmax of the font head, F.softmax of the character head, and its intermediate features."""
# Source: Arctanxy/W-Net-PyTorch@3af8212356a591d9555da7193c07af1e12841599 src/model.py (read as is; its issue #15 reports "Using a target size (torch.Size([64])) that is different to the input size (torch.Size([64, 1]))" at the BCELoss call of loss_func.py; re-typed, identifiers renamed, cut at class boundaries: the generator WNet, its encoders and the two classifier heads left out)
import torch
import torch.nn as nn
import torch.nn.functional as F


class ConvBNRelu(nn.Module):
    def __init__(self, in_c, out_c, ks=5, pad=2, s=2, bn=False):
        super(ConvBNRelu, self).__init__()
        conv = nn.Conv2d(in_c, out_c, kernel_size=ks, padding=pad, stride=s)
        relu = nn.ReLU(inplace=False)
        self.module = nn.Sequential()
        if bn:
            self.module.add_module("conv", conv)
            self.module.add_module("bn", nn.BatchNorm2d(out_c))
            self.module.add_module("relu", relu)
        else:
            self.module.add_module("conv", conv)
            self.module.add_module("relu", relu)

    def forward(self, x):
        return self.module(x)


class Discriminator(nn.Module):
    def __init__(self, num_fonts=80, num_characters=3500 + 1):
        super(Discriminator, self).__init__()
        self.conv1 = ConvBNRelu(3, 64, ks=5, pad=2, s=2, bn=False)
        self.conv2 = ConvBNRelu(64, 64 * 2, ks=5, pad=2, s=2, bn=True)
        self.conv3 = ConvBNRelu(64 * 2, 64 * 4, ks=5, pad=2, s=2, bn=True)
        self.conv4 = ConvBNRelu(64 * 4, 64 * 8, ks=5, pad=2, s=1, bn=True)
        self.fc1 = nn.Linear(512 * 8 * 8, 1)
        self.fc2 = nn.Linear(512 * 8 * 8, num_fonts)
        self.fc3 = nn.Linear(512 * 8 * 8, num_characters)

    def forward(self, a, b, c):
        x = torch.cat([a, b, c], dim=1)
        feats = []
        x = self.conv1(x)
        feats.append(x)
        x = self.conv2(x)
        feats.append(x)
        x = self.conv3(x)
        feats.append(x)
        x = self.conv4(x)
        feats.append(x)
        x = x.view(-1, 512 * 8 * 8)
        real_fake = torch.sigmoid(self.fc1(x))
        font = F.softmax(self.fc2(x), dim=1)
        char = F.softmax(self.fc3(x), dim=1)
        return real_fake, font, char, feats
