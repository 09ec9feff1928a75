"""part of positive project [LG006]: the experiment's ITER_END hook adds each step's loss to a running-average meter kept for the whole epoch."""
# Source: jpuigcerver/PyLaia at the parent of 439b497 ("Fix memory issues", which passes batch_loss.item() to the hooks and
# sums .item() values in the meter), laia/experiments/experiment.py and htr_experiment.py; re-typed, identifiers
# renamed; the validation engine, timers, CER/WER meters and the epoch summary cut.
from htr.engine import EPOCH_END, EPOCH_START, ITER_END
from htr.meters import RunningAverage


class Experiment(object):
    def __init__(self, train_engine):
        self._tr_engine = train_engine
        self._tr_loss = RunningAverage()
        self._tr_engine.add_hook(EPOCH_START, self.train_reset_meters)
        self._tr_engine.add_hook(ITER_END, self._train_update_meters)
        self._tr_engine.add_hook(EPOCH_END, self._log_epoch_summary)

    def train_reset_meters(self, **kwargs):
        self._tr_loss.reset()

    def _train_update_meters(self, batch_loss, batch_output, batch_target, **kwargs):
        self._tr_loss.add(batch_loss)

    def _log_epoch_summary(self, epoch, **kwargs):
        avg, std = self._tr_loss.value
        print("Epoch {} TR Loss {:.4f} +- {:.4f}".format(epoch, avg, std))

    def run(self, max_epochs):
        self._tr_engine.run(max_epochs)
        return self
