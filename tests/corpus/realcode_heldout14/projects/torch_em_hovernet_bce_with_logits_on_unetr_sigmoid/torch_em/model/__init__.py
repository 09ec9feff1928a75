"""part of positive project [LG003]: re-exports the UNETR."""
from .unetr import UNETR

__all__ = ["UNETR"]
