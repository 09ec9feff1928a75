"""part of positive project [LG001]: MobileNet2.forward ends in F.log_softmax(x, dim=1) (with a "#TODO not needed(?)" comment) after the Linear classifier."""
# Source: https://github.com/Randl/MobileNetV2-pytorch model.py at 3518846c69971c10cae89b6b29497a502200da65
# (issue #5 "Duplicate log_softmax", open); re-typed, names changed, reduced (the bottleneck stages are built in one helper).
from collections import OrderedDict

import torch.nn as nn
import torch.nn.functional as F
from torch.nn import init


class LinearBottleneck(nn.Module):
    def __init__(self, inplanes, outplanes, stride=1, t=6, activation=nn.ReLU6):
        super(LinearBottleneck, self).__init__()
        self.conv1 = nn.Conv2d(inplanes, inplanes * t, kernel_size=1, bias=False)
        self.bn1 = nn.BatchNorm2d(inplanes * t)
        self.conv3 = nn.Conv2d(inplanes * t, outplanes, kernel_size=1, bias=False)
        self.bn3 = nn.BatchNorm2d(outplanes)
        self.activation = activation(inplace=True)

    def forward(self, x):
        out = self.activation(self.bn1(self.conv1(x)))
        return self.bn3(self.conv3(out))


class MobileNet2(nn.Module):
    def __init__(self, scale=1.0, input_size=224, t=6, in_channels=3, num_classes=1000, activation=nn.ReLU6):
        super(MobileNet2, self).__init__()
        self.scale = scale
        self.t = t
        self.activation = activation(inplace=True)
        self.num_classes = num_classes
        self.conv1 = nn.Conv2d(in_channels, 32, kernel_size=3, bias=False, stride=2, padding=1)
        self.bn1 = nn.BatchNorm2d(32)
        self.bottlenecks = self._make_bottlenecks()
        self.last_conv_out_ch = 1280
        self.conv_last = nn.Conv2d(320, self.last_conv_out_ch, kernel_size=1, bias=False)
        self.bn_last = nn.BatchNorm2d(self.last_conv_out_ch)
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        self.dropout = nn.Dropout(p=0.2, inplace=True)
        self.fc = nn.Linear(self.last_conv_out_ch, self.num_classes)
        self.init_params()

    def init_params(self):
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                init.kaiming_normal_(m.weight, mode='fan_out')
            elif isinstance(m, nn.Linear):
                init.normal_(m.weight, std=0.001)

    def _make_bottlenecks(self):
        modules = OrderedDict()
        modules["Bottlenecks_0"] = LinearBottleneck(inplanes=32, outplanes=320, stride=1, t=1)
        return nn.Sequential(modules)

    def forward(self, x):
        x = self.conv1(x)
        x = self.bn1(x)
        x = self.activation(x)
        x = self.bottlenecks(x)
        x = self.conv_last(x)
        x = self.bn_last(x)
        x = self.activation(x)
        x = self.avgpool(x)
        x = self.dropout(x)
        x = x.view(x.size(0), -1)
        x = self.fc(x)
        return F.log_softmax(x, dim=1)  # TODO not needed(?)
