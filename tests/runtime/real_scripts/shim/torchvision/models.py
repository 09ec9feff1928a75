"""A small stand-in for torchvision's resnet18 with the real one's child layout (conv1, bn1, relu,
maxpool, layer1-4, avgpool, fc): scripts replace ``conv1`` for one channel, drop the last child,
or read ``fc.in_features``. The stem is the real one (64 channels: a replaced ``conv1`` keeps
``bn1`` fitting); one basic block per stage, widths 16-64 (the real one takes about a second a step
on this CPU)."""

import torch.nn as nn


class _Block(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride=stride, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.relu = nn.ReLU(inplace=True)
        self.downsample = None
        if stride != 1 or cin != cout:
            self.downsample = nn.Sequential(nn.Conv2d(cin, cout, 1, stride=stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        return self.relu(out + (x if self.downsample is None else self.downsample(x)))


class ResNet(nn.Module):
    def __init__(self, num_classes=1000, widths=(16, 32, 32, 64)):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 64, 7, stride=2, padding=3, bias=False)
        self.bn1 = nn.BatchNorm2d(64)
        self.relu = nn.ReLU(inplace=True)
        self.maxpool = nn.MaxPool2d(3, stride=2, padding=1)
        self.layer1 = _Block(64, widths[0], 1)
        self.layer2 = _Block(widths[0], widths[1], 2)
        self.layer3 = _Block(widths[1], widths[2], 2)
        self.layer4 = _Block(widths[2], widths[3], 2)
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(widths[3], num_classes)

    def forward(self, x):
        x = self.maxpool(self.relu(self.bn1(self.conv1(x))))
        x = self.layer4(self.layer3(self.layer2(self.layer1(x))))
        return self.fc(self.avgpool(x).flatten(1))


def resnet18(weights=None, num_classes=1000, **kwargs):
    return ResNet(num_classes)
