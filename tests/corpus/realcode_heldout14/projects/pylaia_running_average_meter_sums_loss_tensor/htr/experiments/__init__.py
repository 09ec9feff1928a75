"""part of positive project [LG006]: re-exports the experiment."""
from htr.experiments.experiment import Experiment

__all__ = ["Experiment"]
