"""part of positive project [LG001]: re-exports the benchmark's model wrappers."""
# Source: princeton-vl/SimpleView@64c6dfe4ec93a79e7e45377d6a46129f36ed62a5 models/__init__.py (re-typed; the other four wrappers left out)
from .pointnet import PointNetWrap
