"""scipy (not installed) as LightGCN-PyTorch's dataloader uses it: ``sparse`` as dense numpy matrices."""

from . import sparse  # noqa: F401
