"""part of look-alike project [LG014]: the repository carries its own RAdam, a subclass of torch.optim.Optimizer."""

# Source: hokuseihal/brain-segmentation-pytorch@bd4ef6a876 radam.py (the fix commit; cut, renamed)
import math

import torch
from torch.optim.optimizer import Optimizer


class RectifiedAdam(Optimizer):

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, degenerated_to_sgd=True):
        if not 0.0 <= lr:
            raise ValueError("Invalid learning rate: {}".format(lr))
        self.degenerated_to_sgd = degenerated_to_sgd
        defaults = dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay,
                        buffer=[[None, None, None] for _ in range(10)])
        super(RectifiedAdam, self).__init__(params, defaults)

    def step(self, closure=None):
        loss = None
        if closure is not None:
            loss = closure()
        for group in self.param_groups:
            for p in group['params']:
                if p.grad is None:
                    continue
                grad = p.grad.data.float()
                p_data_fp32 = p.data.float()
                state = self.state[p]
                if len(state) == 0:
                    state['step'] = 0
                    state['exp_avg'] = torch.zeros_like(p_data_fp32)
                    state['exp_avg_sq'] = torch.zeros_like(p_data_fp32)
                exp_avg, exp_avg_sq = state['exp_avg'], state['exp_avg_sq']
                beta1, beta2 = group['betas']
                exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
                exp_avg.mul_(beta1).add_(grad, alpha=1 - beta1)
                state['step'] += 1
                step_size = 1.0 / (1 - beta1 ** state['step'])
                denom = exp_avg_sq.sqrt().add_(group['eps'])
                p_data_fp32.addcdiv_(exp_avg, denom, value=-step_size * group['lr'] / math.sqrt(1.0))
                p.data.copy_(p_data_fp32)
        return loss
