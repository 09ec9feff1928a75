"""part of positive project [LG010]: re-exports the trainer."""
# Source: https://github.com/IBM/pytorch-seq2seq seq2seq/trainer/__init__.py at f146087a9a271e9b50f46561e090324764b081fb
from .supervised_trainer import SupervisedTrainer
