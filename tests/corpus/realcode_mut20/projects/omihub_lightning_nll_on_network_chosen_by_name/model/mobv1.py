"""part of positive project [LG007]: a MobileNet-style net ending in a Linear layer."""

# Source: omihub777/image-classification-pytorch@4d3083415d model/mobv1.py (MobileNetV1, re-typed; the depthwise blocks
# cut to plain convolution units)
import os
import sys

import torch.nn as nn

sys.path.append(os.path.abspath("model"))
from layers import ConvUnit


class MobileNetOne(nn.Module):
    def __init__(self, in_c, num_classes):
        super().__init__()
        self.blocks = nn.Sequential(ConvUnit(in_c, 32, s=2), ConvUnit(32, 64), ConvUnit(64, 128, s=2), ConvUnit(128, 256))
        self.gap = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(256, num_classes)

    def forward(self, x):
        out = self.blocks(x)
        out = self.gap(out).flatten(1)
        return self.fc(out)
