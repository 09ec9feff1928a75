"""part of look-alike project [LG007]: re-exports the metrics."""
from .nll import NegativeLogLikelihood

__all__ = ["NegativeLogLikelihood"]
