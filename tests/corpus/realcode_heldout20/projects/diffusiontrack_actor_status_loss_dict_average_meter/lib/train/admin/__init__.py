"""part of positive project [LG006]: the admin package re-exports the statistics meters."""
# Source: VISION-SJTU/DiffusionTrack at 1910ff52 (read as is), lib/train/admin/__init__.py; the environment and
# tensorboard exports cut.
from .stats import AverageMeter, StatValue
