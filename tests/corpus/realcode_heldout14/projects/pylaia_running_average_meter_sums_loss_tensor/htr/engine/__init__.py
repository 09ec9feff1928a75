"""part of positive project [LG006]: re-exports the trainer and the hook points."""
from htr.engine.trainer import EPOCH_END, EPOCH_START, ITER_END, Trainer

__all__ = ["Trainer", "EPOCH_START", "EPOCH_END", "ITER_END"]
