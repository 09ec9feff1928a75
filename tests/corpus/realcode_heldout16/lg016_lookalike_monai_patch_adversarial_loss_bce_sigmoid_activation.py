"""look-alike [LG016, LG002, LG004, LG003]: the medical-imaging library's patch adversarial loss, for criterion "bce", applies its own nn.Sigmoid activation to the raw discriminator output in forward and scores it with torch.nn.BCELoss against a float label tensor in a separate method."""
# Source: Project-MONAI/MONAI at d388d1c6f (read as is), monai/losses/adversarial_loss.py; re-typed, identifiers
# renamed; docstrings and the StrEnum cut (criterion names are plain strings here).
from __future__ import annotations

import warnings

import torch
from torch.nn.modules.loss import _Loss

from monai.networks.layers.utils import get_act_layer
from monai.utils import LossReduction


class PatchGANLoss(_Loss):
    def __init__(self, reduction: str = "mean", criterion: str = "least_squares",
                 no_activation_leastsq: bool = False) -> None:
        super().__init__(reduction=LossReduction(reduction))
        if criterion.lower() not in ("bce", "hinge", "least_squares"):
            raise ValueError("Unrecognised criterion entered for Adversarial Loss.")
        self.real_label = 1.0
        self.fake_label = 0.0
        self.loss_fct: _Loss
        if criterion == "bce":
            self.activation = get_act_layer("SIGMOID")
            self.loss_fct = torch.nn.BCELoss(reduction=reduction)
        elif criterion == "hinge":
            self.activation = get_act_layer("TANH")
            self.fake_label = -1.0
        elif criterion == "least_squares":
            if no_activation_leastsq:
                self.activation = None
            else:
                self.activation = get_act_layer(name=("LEAKYRELU", {"negative_slope": 0.05}))
            self.loss_fct = torch.nn.MSELoss(reduction=reduction)
        self.criterion = criterion
        self.reduction = reduction

    def get_target_tensor(self, disc_out: torch.Tensor, target_is_real: bool) -> torch.Tensor:
        fill = self.real_label if target_is_real else self.fake_label
        label = torch.tensor(1).fill_(fill).type(disc_out.type()).to(disc_out[0].device)
        label.requires_grad_(False)
        return label.expand_as(disc_out)

    def get_zero_tensor(self, disc_out: torch.Tensor) -> torch.Tensor:
        zero = torch.tensor(0).type(disc_out[0].type()).to(disc_out[0].device)
        zero.requires_grad_(False)
        return zero.expand_as(disc_out)

    def forward(self, outputs, target_is_real: bool, for_discriminator: bool):
        if not for_discriminator and not target_is_real:
            target_is_real = True
            warnings.warn("target_is_real set to True for the generator loss.")
        if not isinstance(outputs, list):
            outputs = [outputs]
        targets = []
        for out in outputs:
            if self.criterion != "hinge":
                targets.append(self.get_target_tensor(out, target_is_real))
            else:
                targets.append(self.get_zero_tensor(out))
        per_scale = []
        for k, out in enumerate(outputs):
            if self.activation is not None:
                out = self.activation(out)
            if self.criterion == "hinge" and not target_is_real:
                per_scale.append(self._single(-out, targets[k]))
            else:
                per_scale.append(self._single(out, targets[k]))
        if self.reduction == "mean":
            return torch.mean(torch.stack(per_scale))
        if self.reduction == "sum":
            return torch.sum(torch.stack(per_scale))
        return per_scale

    def _single(self, pred: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
        if self.criterion == "bce" or self.criterion == "least_squares":
            return self.loss_fct(pred, target)
        floor = torch.min(pred - 1, self.get_zero_tensor(pred))
        return -torch.mean(floor)
