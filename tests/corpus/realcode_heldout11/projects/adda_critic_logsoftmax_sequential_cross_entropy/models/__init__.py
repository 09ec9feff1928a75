"""part of positive project [LG001, LG011]: the models package re-exports the discriminator and the LeNet parts."""
# Source: corenel/pytorch-adda@96f2689dd418ef275fcd0b057e5dff89be5762c5 models/__init__.py (read as is; its issue #19 asks about the critic's zero_grad; re-typed)
from .discriminator import Discriminator
from .lenet import LeNetClassifier, LeNetEncoder

__all__ = (LeNetClassifier, LeNetEncoder, Discriminator)
