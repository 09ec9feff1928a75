"""part of positive project [LG012]: re-exports the CTC cost module."""
from htr.losses.ctc_cost import CTCCost

__all__ = ["CTCCost"]
