"""look-alike [LG014]: a modular RL learner keeps its optimizers in a dict, clears every one of them in a loop over the dict's values at each batch, and steps the one each loss belongs to by its key, in a loop over the losses (reported as LG014 at that step before round 36: the loop over the losses steps the optimizer its variable picks, and `opt` and `self.optimizers[opt_key]` were two optimizers by their text)."""

# Source: epicgamer17/modular-rl@6cc4001e93 agents/learner/base.py (cut, renamed)
import torch
import torch.nn as nn


class Learner:
    def __init__(self, model, optimizers, loss_fn, clipnorm=None):
        self.model = model
        self.optimizers = optimizers if isinstance(optimizers, dict) else {"default": optimizers}
        self.loss_fn = loss_fn
        self.clipnorm = clipnorm
        self.training_step = 0

    def compute_losses(self, batch):
        predictions = self.model(batch["observations"])
        return {"default": self.loss_fn(predictions, batch["targets"])}

    def step(self, batch_iterator):
        for batch in batch_iterator:
            for opt in self.optimizers.values():
                opt.zero_grad(set_to_none=True)
            losses = self.compute_losses(batch)
            for opt_key, loss_tensor in losses.items():
                loss_tensor.backward(retain_graph=len(losses) > 1)
                if self.clipnorm is not None and self.clipnorm > 0:
                    nn.utils.clip_grad_norm_(self.model.parameters(), self.clipnorm)
                self.optimizers[opt_key].step()
            self.training_step += 1
            yield {k: v.item() for k, v in losses.items()}


def train(model, batches):
    learner = Learner(model, torch.optim.Adam(model.parameters(), lr=3e-4), nn.MSELoss(), clipnorm=0.5)
    for stats in learner.step(batches):
        print(stats)
