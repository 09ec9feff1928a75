"""part of positive project [LG006]: the trainer hands the step's loss tensor to every ITER_END hook."""
# Source: jpuigcerver/PyLaia at the parent of 439b497 ("Fix memory issues", which passes batch_loss.item() to the hooks and
# sums .item() values in the meter), laia/engine/engine.py and laia/engine/trainer.py; re-typed, identifiers renamed;
# evaluators, INF/NaN checks and exception catchers cut.
EPOCH_START = "EPOCH_START"
EPOCH_END = "EPOCH_END"
ITER_END = "ITER_END"


class Trainer(object):
    def __init__(self, model, criterion, optimizer, data_loader, iterations_per_update=1):
        self._model = model
        self._criterion = criterion
        self._optimizer = optimizer
        self._data_loader = data_loader
        self._iterations_per_update = iterations_per_update
        self._iterations = 0
        self._epochs = 0
        self._hooks = {EPOCH_START: [], EPOCH_END: [], ITER_END: []}

    def add_hook(self, when, hook):
        self._hooks[when].append(hook)
        return self

    def _call_hooks(self, when, *args, **kwargs):
        for hook in self._hooks[when]:
            hook(*args, caller=self, **kwargs)

    def run(self, max_epochs):
        for _ in range(max_epochs):
            self._call_hooks(EPOCH_START)
            for batch_n, batch in enumerate(self._data_loader):
                self._run_iteration(batch_n, batch)
            self._epochs += 1
            self._call_hooks(EPOCH_END, epoch=self._epochs)

    def _run_iteration(self, batch_n, batch):
        batch_input, batch_target = batch["img"], batch["txt"]
        action_kwargs = {"batch": batch, "batch_num": batch_n, "epoch": self._epochs}

        if self._iterations % self._iterations_per_update == 0:
            self._optimizer.zero_grad()

        self._model.train()
        batch_output = self._model(batch_input)
        batch_loss = self._criterion(batch_output, batch_target)
        if batch_loss is None:
            return
        if self._iterations_per_update > 1:
            batch_loss /= self._iterations_per_update

        batch_loss.backward()
        self._iterations += 1
        if self._iterations % self._iterations_per_update == 0:
            self._optimizer.step()

        action_kwargs["iterations"] = self._iterations
        action_kwargs["batch_output"] = batch_output
        action_kwargs["batch_target"] = batch_target
        action_kwargs["batch_loss"] = batch_loss
        self._call_hooks(ITER_END, **action_kwargs)
