"""part of positive project [LG012]: the experiment overrides the trainer's criterion with the CTC cost module."""
# Source: jpuigcerver/PyLaia at the parent of 9fe3d04, laia/experiments/htr_experiment.py; re-typed, identifiers
# renamed; decoders, error meters and the epoch summary cut.
from htr.losses import CTCCost


class HTRExperiment(object):
    def __init__(self, train_engine, valid_engine=None):
        self._tr_engine = train_engine
        self._va_engine = valid_engine
        # If the trainer was created without any criterion, or not with the CTC cost, set it.
        if not self._tr_engine.criterion:
            self._tr_engine.criterion = CTCCost()
        elif not isinstance(self._tr_engine.criterion, CTCCost):
            self._tr_engine.criterion = CTCCost()

    def run(self, max_epochs):
        for _ in range(max_epochs):
            self._tr_engine.run_epoch()
