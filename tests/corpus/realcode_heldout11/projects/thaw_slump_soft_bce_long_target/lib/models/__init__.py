"""part of positive project [LG004]: create_loss picks a loss class by its lowercased name from the config; 'softbcewithlogitsloss' gives SoftBCEWithLogitsLoss(mode='binary') with its default smooth_factor=None, 'bceloss' a plain nn.BCELoss()."""
# Source: initze/thaw-slump-segmentation@9707c577b0a31d187e101232b7147b1f295888a7 lib/models/__init__.py (the parent of 026c795 "Fix Soft BCE Loss", pull request #21, which adds y_true = y_true.float(); re-typed, identifiers renamed, the model classes other than Unet left out of create_model's table)
from typing import Optional

import torch
import torch.nn as nn

from .unet import Unet
from . import losses


def create_model(
    arch: str,
    encoder_name: str = "resnet34",
    encoder_weights: Optional[str] = "imagenet",
    in_channels: int = 3,
    classes: int = 1,
    **kwargs,
) -> torch.nn.Module:
    table = {a.__name__.lower(): a for a in [Unet]}
    try:
        cls = table[arch.lower()]
    except KeyError:
        raise KeyError("Wrong architecture type `{}`. Avalibale options are: {}".format(arch, list(table.keys())))
    return cls(encoder_name=encoder_name, encoder_weights=encoder_weights,
               in_channels=in_channels, classes=classes, **kwargs)


def create_loss(
    name: str,
) -> torch.nn.Module:
    ours = [
        losses.SoftBCEWithLogitsLoss,
    ]
    ours_by_name = {c.__name__.lower(): c for c in ours}
    torch_losses = [nn.BCELoss]
    torch_by_name = {c.__name__.lower(): c for c in torch_losses}
    name = name.lower()
    if name in ours_by_name:
        return ours_by_name[name](mode=losses.BINARY_MODE)
    elif name in torch_by_name:
        return torch_by_name[name]()
    raise KeyError("Wrong loss type `{}`. Available options are: {}".format(
        name, list(torch_by_name.keys()) + list(ours_by_name.keys()),
    ))
