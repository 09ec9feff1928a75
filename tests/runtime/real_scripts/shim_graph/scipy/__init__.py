"""scipy (not installed) as zfjsail/gae-pytorch uses it: ``sparse`` as dense numpy matrices."""

from . import sparse  # noqa: F401
