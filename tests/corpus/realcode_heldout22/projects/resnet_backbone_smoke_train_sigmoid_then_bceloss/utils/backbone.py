"""part of positive project [LG016]: the backbone wraps torchvision's ResNet-50 without its pooling and fc layers and returns the feature maps of the last four stages as a list."""
# Source: zlfclzt1/pytorch_practice at dea58bc7 (read as is), utils/backbone.py;
# re-typed, identifiers renamed; the module's own __main__ shape check cut.
import torch
import torch.nn as nn
from torchvision import models


class Resnet50(nn.Module):
    def __init__(self):
        super(Resnet50, self).__init__()
        self.stages = nn.ModuleList(list(models.resnet50().children())[:-2])
        self.out_channels = [256, 512, 1024, 2048]

    def forward(self, x):
        feats = []
        for idx, layer in enumerate(self.stages):
            x = layer(x)
            if idx > 3:
                feats.append(x)
        return feats
