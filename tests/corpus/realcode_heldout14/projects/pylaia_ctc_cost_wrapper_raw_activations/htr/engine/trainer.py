"""part of positive project [LG012]: the trainer calls whatever criterion it was given on the model's output."""
# Source: jpuigcerver/PyLaia at the parent of 9fe3d04, laia/engine/trainer.py; re-typed, identifiers renamed;
# hooks, INF/NaN checks, exception catchers and state_dict cut.
import torch


class Trainer(object):
    def __init__(self, model, criterion, optimizer, data_loader, batch_input_fn=None, batch_target_fn=None, iterations_per_update=1):
        self._model = model
        self._criterion = criterion
        self._optimizer = optimizer
        self._data_loader = data_loader
        self._batch_input_fn = batch_input_fn
        self._batch_target_fn = batch_target_fn
        self._iterations_per_update = iterations_per_update
        self._iterations = 0
        self._updates = 0
        self._epochs = 0
        self._iter_end_hooks = []

    @property
    def criterion(self):
        return self._criterion

    @criterion.setter
    def criterion(self, criterion):
        assert callable(criterion)
        self._criterion = criterion

    def run_epoch(self):
        for batch_n, batch in enumerate(self._data_loader):
            self._run_iteration(batch_n, batch)
        self._epochs += 1

    def _run_iteration(self, batch_n, batch):
        batch_input = self._batch_input_fn(batch) if self._batch_input_fn else batch["img"]
        batch_target = self._batch_target_fn(batch) if self._batch_target_fn else batch["txt"]

        if self._iterations % self._iterations_per_update == 0:
            self._optimizer.zero_grad()

        self._model.train()
        batch_output = self._model(batch_input)

        batch_loss = self.compute_loss(batch_output, batch_target)
        if batch_loss is None:
            return
        if self._iterations_per_update > 1:
            batch_loss /= self._iterations_per_update

        batch_loss.backward()
        self._iterations += 1
        if self._iterations % self._iterations_per_update == 0:
            self._updates += 1
            self._optimizer.step()

        action_kwargs = {
            "batch_num": batch_n,
            "batch_output": batch_output,
            "batch_loss": batch_loss.item() if isinstance(batch_loss, torch.Tensor) else batch_loss,
        }
        for hook in self._iter_end_hooks:
            hook(**action_kwargs)

    def compute_loss(self, batch_output, batch_target):
        return self._criterion(batch_output, batch_target)
