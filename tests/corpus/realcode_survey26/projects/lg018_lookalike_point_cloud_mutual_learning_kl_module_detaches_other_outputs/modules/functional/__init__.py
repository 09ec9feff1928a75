"""part of look-alike project [LG018]: the package of the functional losses."""

# Source: mit-han-lab/pvcnn@476715b modules/functional/__init__.py (re-typed, cut to the loss export)
from modules.functional.loss import kl_loss

__all__ = ["kl_loss"]
