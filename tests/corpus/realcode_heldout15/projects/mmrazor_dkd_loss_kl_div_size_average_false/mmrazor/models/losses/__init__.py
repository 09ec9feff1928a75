"""part of positive project [LG010]: the losses package re-exports the decoupled KD loss."""
# Source: open-mmlab/mmrazor at 90c7af1f, mmrazor/models/losses/__init__.py; re-typed, cut to one loss.
from .decoupled_kd import DKDLoss

__all__ = ['DKDLoss']
