"""part of look-alike project [LG007]: the trainer base class runs the recipe's compute_forward and compute_objectives overrides from its fit_batch; the recipe's modules live in a ModuleDict."""
# Source: https://github.com/speechbrain/speechbrain speechbrain/core.py at 9c826ef3937bac885c8a6ca86c6889a30f256fb5
# (found by lossguard's round-5 survey as a false LG007); re-typed, names changed, reduced (checkpointing, distributed
# training, gradient accumulation and the evaluation loop left out).
import torch


class Stage:
    TRAIN = 1
    VALID = 2


class Learner:
    def __init__(self, modules=None, opt_class=None, hparams=None, run_opts=None):
        self.opt_class = opt_class
        self.device = (run_opts or {}).get("device", "cpu")
        self.modules = torch.nn.ModuleDict(modules).to(self.device)
        self.optimizer = None

    def compute_forward(self, batch, stage):
        raise NotImplementedError

    def compute_objectives(self, predictions, batch, stage):
        raise NotImplementedError

    def init_optimizers(self):
        if self.opt_class is not None:
            self.optimizer = self.opt_class(self.modules.parameters())

    def fit_batch(self, batch):
        outputs = self.compute_forward(batch, Stage.TRAIN)
        loss = self.compute_objectives(outputs, batch, Stage.TRAIN)
        loss.backward()
        self.optimizer.step()
        self.optimizer.zero_grad()
        return loss.detach().cpu()

    def fit(self, epochs, train_set):
        self.init_optimizers()
        for epoch in epochs:
            self.modules.train()
            total = 0.0
            for batch in train_set:
                total += self.fit_batch(batch)
            print(epoch, total / len(train_set))
