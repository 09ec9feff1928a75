"""part of look-alike project [LG008, LG009]: re-exports the loss functions."""
from .loss import KLDivergence, LocalizedContrastiveEstimation, LossFunction, RankNet

__all__ = ["KLDivergence", "LocalizedContrastiveEstimation", "LossFunction", "RankNet"]
