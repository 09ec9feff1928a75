"""part of look-alike project [LG001]: package re-export of a Linear-headed classifier."""
from .classifier import Classifier, softmax_confidence

__all__ = ["Classifier", "softmax_confidence"]
