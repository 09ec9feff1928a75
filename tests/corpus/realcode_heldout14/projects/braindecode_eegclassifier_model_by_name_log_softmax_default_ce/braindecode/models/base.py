"""part of positive project [LG001]: the mixin stores add_log_softmax and warns that the final LogSoftmax will be removed."""
# Source: braindecode/braindecode at the parent of ffff87c5 ("Log Softmax as False", pull request #624, which turns every
# model's add_log_softmax default to False), braindecode/models/base.py; re-typed; the signal-parameter properties other than n_outputs cut.
import warnings


class EEGModuleMixin(object):
    def __init__(self, n_outputs=None, n_chans=None, chs_info=None, n_times=None, input_window_seconds=None, sfreq=None, add_log_softmax=False):
        self._n_outputs = n_outputs
        self._n_chans = n_chans
        self._chs_info = chs_info
        self._n_times = n_times
        self._input_window_seconds = input_window_seconds
        self._sfreq = sfreq
        self._add_log_softmax = add_log_softmax
        super().__init__()

    @property
    def n_outputs(self):
        return self._n_outputs

    @property
    def add_log_softmax(self):
        if self._add_log_softmax:
            warnings.warn(
                "LogSoftmax final layer will be removed! "
                + "Please adjust your loss function accordingly (e.g. CrossEntropyLoss)!"
            )
        return self._add_log_softmax
