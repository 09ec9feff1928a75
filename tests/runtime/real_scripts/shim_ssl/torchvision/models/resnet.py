"""``resnet18``: conv1, bn1, relu, maxpool, layer1-4 (one basic block each), avgpool, fc, as torchvision
names them, with ``norm_layer`` building every normalisation (the MoCo notebook passes its SplitBatchNorm and
swaps conv1 for a 3x3 convolution with 64 channels, so bn1 has 64). Widths 16-64 after the stem instead of
64-512, and layer1 strided: a CPU step takes a tenth of a second."""

import torch.nn as nn


class BasicBlock(nn.Module):
    def __init__(self, cin, cout, stride, norm):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride=stride, padding=1, bias=False)
        self.bn1 = norm(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, padding=1, bias=False)
        self.bn2 = norm(cout)
        self.relu = nn.ReLU(inplace=True)
        self.downsample = None
        if stride != 1 or cin != cout:
            self.downsample = nn.Sequential(nn.Conv2d(cin, cout, 1, stride=stride, bias=False), norm(cout))

    def forward(self, x):
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        return self.relu(out + (x if self.downsample is None else self.downsample(x)))


class ResNet(nn.Module):
    def __init__(self, num_classes=1000, widths=(16, 32, 32, 64), norm_layer=None):
        super().__init__()
        norm = norm_layer or nn.BatchNorm2d
        self.conv1 = nn.Conv2d(3, 64, 7, stride=2, padding=3, bias=False)
        self.bn1 = norm(64)
        self.relu = nn.ReLU(inplace=True)
        self.maxpool = nn.MaxPool2d(3, stride=2, padding=1)
        self.layer1 = BasicBlock(64, widths[0], 2, norm)
        self.layer2 = BasicBlock(widths[0], widths[1], 2, norm)
        self.layer3 = BasicBlock(widths[1], widths[2], 2, norm)
        self.layer4 = BasicBlock(widths[2], widths[3], 2, norm)
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(widths[3], num_classes)

    def forward(self, x):
        x = self.maxpool(self.relu(self.bn1(self.conv1(x))))
        x = self.layer4(self.layer3(self.layer2(self.layer1(x))))
        return self.fc(self.avgpool(x).flatten(1))


def resnet18(weights=None, num_classes=1000, norm_layer=None, **kwargs):
    return ResNet(num_classes=num_classes, norm_layer=norm_layer)
