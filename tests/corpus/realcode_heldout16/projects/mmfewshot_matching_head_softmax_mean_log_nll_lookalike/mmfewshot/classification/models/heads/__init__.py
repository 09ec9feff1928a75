"""part of look-alike project [LG007, LG001, LG011]: the heads package re-exports the matching head."""
from .matching_head import MatchingHead

__all__ = ['MatchingHead']
