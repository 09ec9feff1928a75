"""part of look-alike project [LG006, LG007, LG010, LG014]: the trainer package re-exports SupervisedTrainer."""
# Source: i-machine-think/machine at 170e4372 ("BUG: Some Pytorch 1.0 warning fixes", after 72086898 and 3c21c2df moved
# NLLLoss to reduction=), machine/trainer/__init__.py; re-typed.
from .supervised_trainer import SupervisedTrainer
