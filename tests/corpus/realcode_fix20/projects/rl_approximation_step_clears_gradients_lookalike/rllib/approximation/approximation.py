"""part of look-alike project [LG014]: the function approximation's reinforce back-propagates and steps, and its step() clears the gradients after each optimizer step."""

# Source: syuntoku14/pytorch-rl-il@e1c6f865c4 rlil/approximation/approximation.py (the fix commit; cut, renamed)
import torch
from torch.nn import utils


class FunctionApproximation():
    def __init__(self, model, optimizer, clip_grad=0, loss_scaling=1, name='approximation', lr_scheduler=None):
        self.model = model
        self.device = next(model.parameters()).device
        self._lr_scheduler = lr_scheduler
        self._updates = 0
        self._optimizer = optimizer
        self._loss_scaling = loss_scaling
        self._clip_grad = clip_grad
        self._name = name

    def __call__(self, *inputs):
        return self.model(*inputs)

    def no_grad(self, *inputs):
        with torch.no_grad():
            return self.model(*inputs)

    def reinforce(self, loss=None):
        if loss is not None:
            loss = self._loss_scaling * loss
            loss.backward()
        self.step()
        return self

    def step(self):
        '''Given that a backward pass has been made, run an optimization step.'''
        if self._clip_grad != 0:
            utils.clip_grad_norm_(self.model.parameters(), self._clip_grad)
        self._optimizer.step()
        self._optimizer.zero_grad()
        if self._lr_scheduler:
            self._lr_scheduler.step()
        return self

    def zero_grad(self):
        self._optimizer.zero_grad()
        return self
