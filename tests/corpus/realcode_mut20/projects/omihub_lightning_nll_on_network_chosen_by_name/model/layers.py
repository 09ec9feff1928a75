"""part of positive project [LG007]: a convolution block ending in a ReLU."""

# Source: omihub777/image-classification-pytorch@4d3083415d model/layers.py (ConvBlock, re-typed; the residual and SE
# blocks cut)
import torch.nn as nn
import torch.nn.functional as F


class ConvUnit(nn.Module):
    def __init__(self, in_c, out_c, k=3, s=1, p=1, bias=False):
        super().__init__()
        self.conv = nn.Conv2d(in_c, out_c, kernel_size=k, stride=s, padding=p, bias=bias)
        self.bn = nn.BatchNorm2d(out_c)

    def forward(self, x):
        return F.relu(self.bn(self.conv(x)))
