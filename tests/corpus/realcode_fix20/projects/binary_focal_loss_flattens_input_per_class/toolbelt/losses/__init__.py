"""part of positive project [LG005, LG010]: the losses package exports the focal losses."""

# Source: BloodAxe/pytorch-toolbelt@3825a8f209 pytorch_toolbelt/losses/__init__.py, fixed in a6cd0865d9 (cut, renamed)
from .focal import BinaryFocalLoss, FocalLoss  # noqa: F401
