"""part of look-alike project [LG012]: re-exports the HTR experiment."""
from htr.experiments.htr_experiment import HTRExperiment

__all__ = ["HTRExperiment"]
