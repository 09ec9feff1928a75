"""positive [LG009, LG014]: a continual-learning meta-learner builds nn.KLDivLoss() at its default reduction (mean over elements) for the distillation term on replayed samples (the fix passes reduction='batchmean'); its inner steps call backward() and step() without clearing the gradients, which the net clears only before and after each meta step (not fixed, still at the fix commit)."""

# Source: mrabie9/La-MAML@7186a65c9b model/bcl_dual.py, fixed in c5a5787b87 (cut, renamed)
from copy import deepcopy

import torch
import torch.nn as nn
import torch.nn.functional as F

from model.resnet1d import ResNet1D


class Net(torch.nn.Module):
    def __init__(self, n_inputs, n_outputs, n_tasks, args):
        super(Net, self).__init__()
        self.reg = args.memory_strength
        self.temp = args.temperature
        self.net = ResNet1D(n_outputs, args)
        self.inner_opt = torch.optim.SGD(self.net.parameters(), lr=args.lr)
        self.bce = torch.nn.CrossEntropyLoss()
        self.nc_per_task = int(n_outputs / n_tasks)
        self.n_outputs = n_outputs
        self.mse = nn.MSELoss()
        self.kl = nn.KLDivLoss()  # expect: LG009
        self.inner_steps = args.inner_steps
        self.n_meta = args.n_meta
        self.beta = args.beta

    def compute_offsets(self, task):
        return task * self.nc_per_task, (task + 1) * self.nc_per_task

    def forward(self, x, t):
        output = self.net(x)
        offset1, offset2 = self.compute_offsets(t)
        if offset1 > 0:
            output[:, :offset1].data.fill_(-10e10)
        if offset2 < self.n_outputs:
            output[:, int(offset2):self.n_outputs].data.fill_(-10e10)
        return output

    def memory_sampling(self, t):
        raise NotImplementedError

    def observe(self, x, y, t):
        self.net.train()
        self.zero_grad()
        for _ in range(self.n_meta):
            weights_before = deepcopy(self.net.state_dict())
            offset1, offset2 = self.compute_offsets(t)
            for i in range(self.inner_steps):
                pred = self.forward(x, t)
                loss1 = self.bce(pred[:, offset1:offset2], y - offset1)
                if t > 0:
                    xx, yy, feat, mask = self.memory_sampling(t)
                    pred = torch.gather(self.net(xx), 1, mask)
                    loss2 = self.bce(pred, yy)
                    loss3 = self.reg * self.kl(F.log_softmax(pred / self.temp, dim=1), feat)
                    loss = loss1 + loss2 + loss3
                else:
                    loss = loss1
                loss.backward()
                self.inner_opt.step()  # expect: LG014
            xval, yval, _, mask_val = self.memory_sampling(t + 1)
            outer_loss = self.bce(torch.gather(self.net(xval), 1, mask_val), yval)
            outer_loss.backward()
            self.inner_opt.step()
            self.zero_grad()
            weights_after = self.net.state_dict()
            new_params = {name: weights_before[name] + ((weights_after[name] - weights_before[name]) * self.beta) for name in weights_before.keys()}
            self.net.load_state_dict(new_params)
        return outer_loss.item()
