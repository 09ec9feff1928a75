"""part of positive project [LG009]: re-exports the loss functions."""
from .loss import KLDivergence, LocalizedContrastiveEstimation, LossFunction, RankNet

__all__ = ["KLDivergence", "LocalizedContrastiveEstimation", "LossFunction", "RankNet"]
