"""part of look-alike project [LG014]: the policies package exports the deterministic BCQ policy."""

# Source: syuntoku14/pytorch-rl-il@e1c6f865c4 rlil/policies/__init__.py (the fix commit; cut, renamed)
from .bcq_deterministic import PerturbationPolicy  # noqa: F401
