"""part of positive project [LG006]: the trainers package re-exports the base and LTR trainers."""
# Source: VISION-SJTU/DiffusionTrack at 1910ff52 (read as is), lib/train/trainers/__init__.py. base_trainer.py is
# not included.
from .base_trainer import BaseTrainer
from .ltr_trainer import LTRTrainer
