"""part of positive project [LG007]: package marker."""
from . import classification  # noqa F401
