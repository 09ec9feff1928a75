"""part of look-alike project [LG014]: the optimizer wrapper; `pre_step()` sets the learning rate of the step and calls `self.opt.zero_grad()`, `step()` calls `self.opt.step()`."""

# Source: liusongxiang/ppg-vc@b59cb98 src/optim.py (re-typed, renamed, cut to the wrapper)
import numpy as np
import torch


class Optimizer:
    def __init__(self, parameters, optimizer, lr, eps, lr_scheduler, **kwargs):
        self.init_lr = lr
        opt = getattr(torch.optim, optimizer)
        if lr_scheduler == "warmup":
            warmup_step = 4000.0
            self.lr_scheduler = lambda step: lr * warmup_step**0.5 * np.minimum((step + 1) * warmup_step**-1.5, (step + 1) ** -0.5)
            self.opt = opt(parameters, lr=1.0)
        else:
            self.lr_scheduler = None
            self.opt = opt(parameters, lr=lr, eps=eps)

    def pre_step(self, step):
        if self.lr_scheduler is not None:
            cur_lr = self.lr_scheduler(step)
            for group in self.opt.param_groups:
                group["lr"] = cur_lr
        else:
            cur_lr = self.init_lr
        self.opt.zero_grad()
        return cur_lr

    def step(self):
        self.opt.step()
