"""part of look-alike project [LG003]: the three models a configuration picks from, each returning its raw scores with its feature maps."""

# Source: TWAnnoyingKid/materialistic_fine_gained@c3bfc4d6b2 src/models/transformer.py, transformer_vit16.py, transformer_dinov2_vitb14.py (forward, re-typed; the backbones and cross-attention cut to a convolution)
import torch
import torch.nn as nn


class Transformer(nn.Module):
    def __init__(self):
        super().__init__()
        self.fusion = nn.Conv2d(3, 64, 3, padding=1)
        self.out_conv = nn.Conv2d(64, 1, 1)

    def forward(self, x, reference_locations):
        path1 = self.fusion(x)
        prediction = self.out_conv(path1).squeeze(1)
        return prediction, path1, reference_locations


class TransformerViT16(Transformer):
    def forward(self, x, reference_locations):
        path1 = torch.relu(self.fusion(x))
        prediction = self.out_conv(path1).squeeze(1)
        return prediction, path1, reference_locations


class TransformerDINOv2(nn.Module):
    def __init__(self):
        super().__init__()
        self.fusion = nn.Conv2d(3, 64, 3, padding=1)
        self.head = nn.Conv2d(64, 1, 1)

    def forward(self, x, reference_locations):
        path1 = self.fusion(x)
        scores = self.head(path1).squeeze(1)
        return scores, path1, reference_locations
