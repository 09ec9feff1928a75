"""part of positive project [LG016]: the concat package."""
# Source: open-mmlab/mmfashion at 4403fba4 (the parent of deebced0, "multiple loss"), mmfashion/models/concats/__init__.py; re-typed.
from .concat import Concat

__all__ = ['Concat']
