"""part of look-alike project [LG014]: the approximation package exports its base class."""

# Source: syuntoku14/pytorch-rl-il@e1c6f865c4 rlil/approximation/__init__.py (the fix commit; cut, renamed)
from .approximation import FunctionApproximation  # noqa: F401
