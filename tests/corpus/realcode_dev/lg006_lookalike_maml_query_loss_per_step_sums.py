"""look-alike [LG006]: a MAML meta-step keeps one running sum of query losses per inner step, summed over the tasks of the meta-batch; the last slot is the meta-loss it back-propagates after the loop (gradient accumulation, not a graph kept across training steps)."""
# Source: https://github.com/dragen1860/MAML-Pytorch meta.py at 98a00d41724c133bd29619a2fb2cc46dd128a368
# (Meta.forward, lines 65-141); re-typed, names changed, reduced. Correct code.
import numpy as np
import torch
import torch.nn.functional as F
from torch import nn, optim


class MetaLearner(nn.Module):
    def __init__(self, args, learner):
        super().__init__()
        self.inner_lr = args.update_lr
        self.outer_lr = args.meta_lr
        self.steps = args.update_step
        self.net = learner
        self.outer_opt = optim.Adam(self.net.parameters(), lr=self.outer_lr)

    def forward(self, support_x, support_y, query_x, query_y):
        n_tasks = support_x.size(0)
        query_size = query_x.size(1)
        step_losses = [0 for _ in range(self.steps + 1)]
        step_hits = [0 for _ in range(self.steps + 1)]

        for t in range(n_tasks):
            logits = self.net(support_x[t], vars=None, bn_training=True)
            loss = F.cross_entropy(logits, support_y[t])
            grads = torch.autograd.grad(loss, self.net.parameters())
            fast = list(map(lambda pair: pair[1] - self.inner_lr * pair[0], zip(grads, self.net.parameters())))

            with torch.no_grad():
                q_logits = self.net(query_x[t], self.net.parameters(), bn_training=True)
                step_losses[0] += F.cross_entropy(q_logits, query_y[t])
                hits = torch.eq(F.softmax(q_logits, dim=1).argmax(dim=1), query_y[t]).sum().item()
                step_hits[0] = step_hits[0] + hits

            for s in range(1, self.steps):
                logits = self.net(support_x[t], fast, bn_training=True)
                loss = F.cross_entropy(logits, support_y[t])
                grads = torch.autograd.grad(loss, fast)
                fast = list(map(lambda pair: pair[1] - self.inner_lr * pair[0], zip(grads, fast)))

                q_logits = self.net(query_x[t], fast, bn_training=True)
                q_loss = F.cross_entropy(q_logits, query_y[t])
                step_losses[s + 1] += q_loss

                with torch.no_grad():
                    hits = torch.eq(F.softmax(q_logits, dim=1).argmax(dim=1), query_y[t]).sum().item()
                    step_hits[s + 1] = step_hits[s + 1] + hits

        meta_loss = step_losses[-1] / n_tasks
        self.outer_opt.zero_grad()
        meta_loss.backward()
        self.outer_opt.step()

        return np.array(step_hits) / (query_size * n_tasks)
