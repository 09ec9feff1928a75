"""part of look-alike project [LG012]: re-exports the trainer."""
from htr.engine.trainer import Trainer

__all__ = ["Trainer"]
