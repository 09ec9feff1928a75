"""part of look-alike project [LG001, LG006, LG014]: the base trainer clears every registered optimizer, back-propagates and steps them in one helper."""
# Source: KaiyangZhou/Dassl.pytorch at c61a1b5 (read as is), dassl/engine/trainer.py; re-typed, identifiers renamed;
# model registration, checkpointing, the epoch loop and evaluation cut.
import torch


class TrainerBase:
    def __init__(self):
        self._models = {}
        self._optims = {}
        self._scheds = {}

    def get_model_names(self, names=None):
        known = list(self._models.keys())
        if names is not None:
            if not isinstance(names, list):
                names = [names]
            return names
        return known

    def detect_anomaly(self, loss):
        if not torch.isfinite(loss).all():
            raise FloatingPointError("Loss is infinite or NaN!")

    def model_zero_grad(self, names=None):
        for name in self.get_model_names(names):
            if self._optims[name] is not None:
                self._optims[name].zero_grad()

    def model_backward(self, loss):
        self.detect_anomaly(loss)
        loss.backward()

    def model_update(self, names=None):
        for name in self.get_model_names(names):
            if self._optims[name] is not None:
                self._optims[name].step()

    def model_backward_and_update(self, loss, names=None):
        self.model_zero_grad(names)
        self.model_backward(loss)
        self.model_update(names)
