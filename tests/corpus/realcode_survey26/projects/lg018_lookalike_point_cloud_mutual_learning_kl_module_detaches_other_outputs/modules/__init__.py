"""part of look-alike project [LG018]: the package of the point-cloud network's modules, exporting the KL module."""

# Source: mit-han-lab/pvcnn@476715b modules/__init__.py (re-typed, cut to the loss export)
from modules.loss import KLLoss

__all__ = ["KLLoss"]
