"""A stand-in for scipy (not installed): ``optimize.linear_sum_assignment`` (DETR's Hungarian matcher) and an empty ``signal``."""

from . import optimize, signal  # noqa: F401
