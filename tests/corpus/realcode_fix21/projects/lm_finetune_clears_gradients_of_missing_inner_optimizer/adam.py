"""part of positive project [LG014, LG011]: the repository's own Adam with warmup schedules, a torch Optimizer subclass that has no `optimizer` attribute."""

# Source: huggingface/pytorch-openai-transformer-lm@0704c84ab9 opt.py, fixed in 49d628f68a (cut, renamed)
import math

import torch
from torch.optim import Optimizer


def warmup_linear(x, warmup=0.002):
    s = 1 if x <= warmup else 0
    return (s * (x / warmup) + (1 - s)) * (1 - x)


class WarmupAdam(Optimizer):
    def __init__(self, params, lr, warmup, t_total, b1=0.9, b2=0.999, e=1e-8, l2=0):
        if not 0.0 <= lr:
            raise ValueError("Invalid learning rate: {}".format(lr))
        defaults = dict(lr=lr, warmup=warmup, t_total=t_total, b1=b1, b2=b2, e=e, l2=l2)
        super(WarmupAdam, self).__init__(params, defaults)

    def step(self, closure=None):
        loss = None
        if closure is not None:
            loss = closure()
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is None:
                    continue
                grad = p.grad.data
                state = self.state[p]
                if len(state) == 0:
                    state["step"] = 0
                    state["exp_avg"] = torch.zeros_like(p.data)
                    state["exp_avg_sq"] = torch.zeros_like(p.data)
                exp_avg, exp_avg_sq = state["exp_avg"], state["exp_avg_sq"]
                state["step"] += 1
                exp_avg.mul_(group["b1"]).add_(1 - group["b1"], grad)
                exp_avg_sq.mul_(group["b2"]).addcmul_(1 - group["b2"], grad, grad)
                denom = exp_avg_sq.sqrt().add_(group["e"])
                lr = group["lr"] * warmup_linear(state["step"] / group["t_total"], group["warmup"])
                step_size = lr * math.sqrt(1 - group["b2"] ** state["step"]) / (1 - group["b1"] ** state["step"])
                p.data.addcdiv_(-step_size, exp_avg, denom)
        return loss
