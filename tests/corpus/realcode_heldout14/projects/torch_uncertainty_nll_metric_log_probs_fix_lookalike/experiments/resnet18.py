"""part of look-alike project [LG007]: the experiment hands the ResNet baseline nn.CrossEntropyLoss through the command-line entry point."""
# Source: ENSTA-U2IS-AI/torch-uncertainty at the fix 7692f1ce ("Fix bug in ClassificationSingle routine", which
# stores torch.log(probs) and calls F.nll_loss on the log-probabilities), experiments/standard/resnet18.py; re-typed.
from pathlib import Path

import torch.nn as nn

from torch_uncertainty import cli_main
from torch_uncertainty.baselines.std import ResNet
from torch_uncertainty.datamodules import CIFAR10DataModule
from torch_uncertainty.optimization_procedures import optim_cifar10_resnet18

if __name__ == "__main__":
    root = Path(__file__).parent.absolute().parents[1]
    cli_main(ResNet, CIFAR10DataModule, nn.CrossEntropyLoss, optim_cifar10_resnet18, root, "std")
