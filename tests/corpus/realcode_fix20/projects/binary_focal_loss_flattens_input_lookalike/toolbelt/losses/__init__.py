"""part of look-alike project [LG005, LG010]: the losses package exports the focal losses."""

# Source: BloodAxe/pytorch-toolbelt@a6cd0865d9 pytorch_toolbelt/losses/__init__.py (the fix commit; cut, renamed)
from .focal import BinaryFocalLoss, FocalLoss  # noqa: F401
