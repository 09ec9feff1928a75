"""part of look-alike project [LG007]: an all-convolutional net whose last block's ReLU output is averaged over positions and flattened."""

# Source: omihub777/image-classification-pytorch@4d3083415d model/allcnnc.py (AllCNNC, re-typed; the summary under
# __main__ cut). It imports its sibling module through sys.path, as the original does.
import os
import sys

import torch.nn as nn

sys.path.append(os.path.abspath("model"))
from layers import ConvUnit


class AllConvC(nn.Module):
    def __init__(self, in_c, num_classes):
        super().__init__()
        self.stage1 = nn.Sequential(ConvUnit(in_c, 96), ConvUnit(96, 96), ConvUnit(96, 96, s=2))
        self.stage2 = nn.Sequential(ConvUnit(96, 192), ConvUnit(192, 192), ConvUnit(192, 192, s=2))
        self.mix = ConvUnit(192, 192)
        self.squeeze = ConvUnit(192, 192, k=1, p=0)
        self.classes = ConvUnit(192, num_classes, k=1, p=0)
        self.gap = nn.AdaptiveAvgPool2d(1)

    def forward(self, x):
        out = self.stage2(self.stage1(x))
        out = self.classes(self.squeeze(self.mix(out)))
        out = self.gap(out)
        return out.flatten(1)
