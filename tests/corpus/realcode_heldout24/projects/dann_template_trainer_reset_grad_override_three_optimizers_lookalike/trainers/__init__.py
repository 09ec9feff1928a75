"""part of look-alike project [LG001, LG006, LG014]: the trainers package re-exports the trainer classes."""
# Source: YannLeo/Pytorch-Template at 889b40b6 (read as is), trainers/__init__.py; cut to the DANN trainer.
from .dann_trainer import DANNTrainer
