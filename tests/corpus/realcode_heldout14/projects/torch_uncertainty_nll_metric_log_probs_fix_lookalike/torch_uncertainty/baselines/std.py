"""part of look-alike project [LG007]: the ResNet baseline picks its architecture from the config and returns the loss class it was given as criterion."""
# Source: ENSTA-U2IS-AI/torch-uncertainty at the fix 7692f1ce ("Fix bug in ClassificationSingle routine", which
# stores torch.log(probs) and calls F.nll_loss on the log-probabilities), torch_uncertainty/baselines/standard/std.py; re-typed; argument parsing cut.
from argparse import Namespace
from typing import Dict, Union

import torch
import torch.nn as nn

from torch_uncertainty.models.resnet.std import ResNet18, ResNet34, ResNet50
from torch_uncertainty.routines.classification import ClassificationSingle

archs = [ResNet18, ResNet34, ResNet50]
choices = [18, 34, 50]


class ResNet(ClassificationSingle):
    def __init__(self, loss, optimization_procedure, num_classes: int, in_channels: int, config: Union[Dict, Namespace]) -> None:
        if isinstance(config, Namespace):
            config = vars(config)
        super().__init__(num_classes, config)
        self.save_hyperparameters(config)
        self.loss = loss
        self.optimization_procedure = optimization_procedure
        self.model = archs[choices.index(config["arch"])](in_channels=in_channels, num_classes=num_classes, groups=config["groups"])
        self.example_input_array = torch.randn(1, in_channels, 32, 32)

    def configure_optimizers(self) -> dict:
        return self.optimization_procedure(self)

    @property
    def criterion(self) -> nn.Module:
        return self.loss()

    def forward(self, input: torch.Tensor) -> torch.Tensor:
        return self.model.forward(input)
