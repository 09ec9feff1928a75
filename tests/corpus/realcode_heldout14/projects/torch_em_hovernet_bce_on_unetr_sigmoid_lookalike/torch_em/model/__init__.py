"""part of look-alike project [LG002, LG003, LG016]: re-exports the UNETR."""
from .unetr import UNETR

__all__ = ["UNETR"]
