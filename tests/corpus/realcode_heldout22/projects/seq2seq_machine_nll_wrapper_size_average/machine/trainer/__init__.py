"""part of positive project [LG010]: the trainer package re-exports SupervisedTrainer."""
# Source: i-machine-think/machine at e7313c42 (the parent of 72086898, "BUG: Torch v.0.4.0 deprecation fix for NLLLoss
# size_average"), machine/trainer/__init__.py; re-typed.
from .supervised_trainer import SupervisedTrainer
