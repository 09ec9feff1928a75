"""part of look-alike project [LG003, LG004, LG005]: the loss kinds a training config can name."""
# Source: twitter/the-algorithm-ml at b8521086, core/loss_type.py (read as is); re-typed.
from enum import Enum


class LossType(str, Enum):
    CROSS_ENTROPY = "cross_entropy"
    BCE_WITH_LOGITS = "bce_with_logits"
