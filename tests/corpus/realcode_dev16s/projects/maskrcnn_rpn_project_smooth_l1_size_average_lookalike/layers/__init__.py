"""part of look-alike project [LG010]: the package re-exports the project's own smooth_l1_loss."""

# Source: facebookresearch/maskrcnn-benchmark@57eec25 maskrcnn_benchmark/layers/__init__.py (cut)
from .smooth_l1_loss import smooth_l1_loss

__all__ = ["smooth_l1_loss"]
