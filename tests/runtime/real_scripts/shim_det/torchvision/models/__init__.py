"""``resnet50``/``resnet18``: conv1, bn1, relu, maxpool, layer1-4 (one basic block each, widths 16-64),
avgpool, fc; ``norm_layer`` builds every normalisation (DETR passes its FrozenBatchNorm2d)."""

import torch.nn as nn

from . import _utils  # noqa: F401


class _Block(nn.Module):
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
        self.conv1 = nn.Conv2d(3, 16, 7, stride=2, padding=3, bias=False)
        self.bn1 = norm(16)
        self.relu = nn.ReLU(inplace=True)
        self.maxpool = nn.MaxPool2d(3, stride=2, padding=1)
        self.layer1 = _Block(16, widths[0], 1, norm)
        self.layer2 = _Block(widths[0], widths[1], 2, norm)
        self.layer3 = _Block(widths[1], widths[2], 2, norm)
        self.layer4 = _Block(widths[2], widths[3], 2, norm)
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(widths[3], num_classes)

    def forward(self, x):
        x = self.maxpool(self.relu(self.bn1(self.conv1(x))))
        x = self.layer4(self.layer3(self.layer2(self.layer1(x))))
        return self.fc(self.avgpool(x).flatten(1))


def resnet50(replace_stride_with_dilation=None, pretrained=False, norm_layer=None, **kwargs):
    return ResNet(norm_layer=norm_layer)


resnet18 = resnet34 = resnet101 = resnet50
