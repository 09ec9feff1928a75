"""part of positive project [LG007, LG010, LG011]: the trainer package re-exports the trainer."""
# Source: https://github.com/jamesli1618/Obj-GAN box_generation/seq2seq/trainer/__init__.py at 44b442ff1a1588bcf7c4855aaca2e6a4c26b10ed
from .supervised_trainer import SupervisedTrainer
