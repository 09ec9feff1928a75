"""part of look-alike project [LG003, LG006, LG015, LG016]: the 3-D detection head returns raw class scores from a Conv3d (its bias starts at -4, a low prior) and tanh offsets scaled by the stride; ObjectDetectionOutput carries the per-stride logits and offsets with the model's own loss."""
# Source: BloodAxe/Kaggle-2024-CryoET at f422874b, cryoet/modelling/detection/detection_head.py; re-typed, identifiers renamed.
import dataclasses
from typing import Dict, List, Optional

import torch
from torch import Tensor, nn


@dataclasses.dataclass
class ObjectDetectionOutput:
    logits: List[Tensor]
    offsets: List[Tensor]
    strides: List[int]
    loss: Optional[Tensor]
    loss_dict: Optional[Dict]


class ObjectDetectionHead(nn.Module):
    def __init__(self, in_channels: int, num_classes: int, stride: int, intermediate_channels: int = 64,
                 offset_intermediate_channels: int = 32, use_offset_head: bool = True):
        super().__init__()
        self.use_offset_head = use_offset_head
        self.cls_stem = nn.Sequential(
            nn.Conv3d(in_channels, intermediate_channels, kernel_size=3, padding=1), nn.SiLU(inplace=True),
            nn.InstanceNorm3d(intermediate_channels),
            nn.Conv3d(intermediate_channels, intermediate_channels, kernel_size=3, padding=1), nn.SiLU(inplace=True),
            nn.InstanceNorm3d(intermediate_channels))
        self.cls_head = nn.Conv3d(intermediate_channels, num_classes, kernel_size=1, padding=0)
        if use_offset_head:
            self.offset_stem = nn.Sequential(
                nn.Conv3d(in_channels, offset_intermediate_channels, kernel_size=3, padding=1), nn.SiLU(inplace=True),
                nn.InstanceNorm3d(offset_intermediate_channels))
            self.offset_head = nn.Conv3d(offset_intermediate_channels, 3, kernel_size=1, padding=0)
            torch.nn.init.zeros_(self.offset_head.weight)
            torch.nn.init.constant_(self.offset_head.bias, 0)
        self.stride = stride
        torch.nn.init.zeros_(self.cls_head.weight)
        torch.nn.init.constant_(self.cls_head.bias, -4)

    def forward(self, features):
        logits = self.cls_head(self.cls_stem(features))
        if self.use_offset_head:
            offsets = self.offset_head(self.offset_stem(features)).tanh() * self.stride
        else:
            offsets = torch.zeros_like(logits[:, 0:3, ...])
        return logits, offsets
