"""part of positive project [LG003]: ERFNet returns the decoder's segmentation scores and the lane-existence head's output; that head ends in F.sigmoid(linear2(...)), so its four values are already probabilities."""
# Source: cardwing/Codes-for-Lane-Detection at a224eb4d (read as is), ERFNet-CULane-PyTorch/models/erfnet.py;
# re-typed, identifiers renamed; the factorised residual block shortened to one pair of convolutions, the encoder's
# dilated stack written as a loop, get_optim_policies cut. Issue #289 of the repository (2020-06-11, by its
# maintainer: "BCEWITHLOGITSLOSS has a Sigmoid layer in its class") says the sigmoid should run only at test time.
import torch
import torch.nn as nn
import torch.nn.functional as F


class Down(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.conv = nn.Conv2d(cin, cout - cin, (3, 3), stride=2, padding=1, bias=True)
        self.pool = nn.MaxPool2d(2, stride=2)
        self.bn = nn.BatchNorm2d(cout, eps=1e-3)

    def forward(self, x):
        y = torch.cat([self.conv(x), self.pool(x)], 1)
        return F.relu(self.bn(y))


class Res1d(nn.Module):
    def __init__(self, ch, drop, dil):
        super().__init__()
        self.c31 = nn.Conv2d(ch, ch, (3, 1), stride=1, padding=(1 * dil, 0), dilation=(dil, 1), bias=True)
        self.c13 = nn.Conv2d(ch, ch, (1, 3), stride=1, padding=(0, 1 * dil), dilation=(1, dil), bias=True)
        self.bn = nn.BatchNorm2d(ch, eps=1e-03)
        self.drop = nn.Dropout2d(drop)

    def forward(self, x):
        y = F.relu(self.c31(x))
        y = self.bn(self.c13(y))
        if self.drop.p != 0:
            y = self.drop(y)
        return F.relu(y + x)


class Encoder(nn.Module):
    def __init__(self, n_cls):
        super().__init__()
        self.first = Down(3, 16)
        self.blocks = nn.ModuleList()
        self.blocks.append(Down(16, 64))
        for _ in range(5):
            self.blocks.append(Res1d(64, 0.1, 1))
        self.blocks.append(Down(64, 128))
        for _ in range(2):
            for d in (2, 4, 8, 16):
                self.blocks.append(Res1d(128, 0.1, d))
        self.head = nn.Conv2d(128, n_cls, 1, stride=1, padding=0, bias=True)

    def forward(self, x, predict=False):
        y = self.first(x)
        for blk in self.blocks:
            y = blk(y)
        if predict:
            y = self.head(y)
        return y


class Up(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.conv = nn.ConvTranspose2d(cin, cout, 3, stride=2, padding=1, output_padding=1, bias=True)
        self.bn = nn.BatchNorm2d(cout, eps=1e-3, track_running_stats=True)

    def forward(self, x):
        return F.relu(self.bn(self.conv(x)))


class Decoder(nn.Module):
    def __init__(self, n_cls):
        super().__init__()
        self.blocks = nn.ModuleList([Up(128, 64), Res1d(64, 0, 1), Res1d(64, 0, 1),
                                     Up(64, 16), Res1d(16, 0, 1), Res1d(16, 0, 1)])
        self.head = nn.ConvTranspose2d(16, n_cls, 2, stride=2, padding=0, output_padding=0, bias=True)

    def forward(self, x):
        y = x
        for blk in self.blocks:
            y = blk(y)
        return self.head(y)


class LaneExist(nn.Module):
    def __init__(self, n_out):
        super().__init__()
        self.pre = nn.ModuleList()
        self.pre.append(nn.Conv2d(128, 32, (3, 3), stride=1, padding=(4, 4), bias=False, dilation=(4, 4)))
        self.pre.append(nn.BatchNorm2d(32, eps=1e-03))
        self.post = nn.ModuleList()
        self.post.append(nn.Dropout2d(0.1))
        self.post.append(nn.Conv2d(32, 5, (1, 1), stride=1, padding=(0, 0), bias=True))
        self.pool = nn.MaxPool2d(2, stride=2)
        self.fc1 = nn.Linear(3965, 128)
        self.fc2 = nn.Linear(128, 4)

    def forward(self, x):
        y = x
        for layer in self.pre:
            y = layer(y)
        y = F.relu(y)
        for layer in self.post:
            y = layer(y)
        y = F.softmax(y, dim=1)
        y = self.pool(y)
        y = y.view(-1, 3965)
        y = F.relu(self.fc1(y))
        y = self.fc2(y)
        y = F.sigmoid(y)
        return y


class ERFNet(nn.Module):
    def __init__(self, n_cls, encoder=None):
        super().__init__()
        if encoder == None:
            self.encoder = Encoder(n_cls)
        else:
            self.encoder = encoder
        self.decoder = Decoder(n_cls)
        self.lane_exist = LaneExist(4)
        self.input_mean = [103.939, 116.779, 123.68]
        self.input_std = [1, 1, 1]

    def forward(self, x, only_encode=False):
        feats = self.encoder(x)
        return self.decoder.forward(feats), self.lane_exist(feats)
