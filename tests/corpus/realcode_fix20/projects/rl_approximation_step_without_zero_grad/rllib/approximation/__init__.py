"""part of positive project [LG014]: the approximation package exports its base class."""

# Source: syuntoku14/pytorch-rl-il@5f29ca1ab8 rlil/approximation/__init__.py, fixed in e1c6f865c4 (cut, renamed)
from .approximation import FunctionApproximation  # noqa: F401
