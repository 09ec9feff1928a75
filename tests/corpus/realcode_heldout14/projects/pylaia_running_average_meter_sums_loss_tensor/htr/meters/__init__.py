"""part of positive project [LG006]: re-exports the meters."""
from htr.meters.running_average import RunningAverage

__all__ = ["RunningAverage"]
