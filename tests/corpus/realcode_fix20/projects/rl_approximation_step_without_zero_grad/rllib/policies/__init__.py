"""part of positive project [LG014]: the policies package exports the deterministic BCQ policy."""

# Source: syuntoku14/pytorch-rl-il@5f29ca1ab8 rlil/policies/__init__.py, fixed in e1c6f865c4 (cut, renamed)
from .bcq_deterministic import PerturbationPolicy  # noqa: F401
