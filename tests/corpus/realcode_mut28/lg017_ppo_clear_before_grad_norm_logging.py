"""positive [LG017]: a PPO network that owns its optimizer clears the gradients right after the backward, then logs their norm, clips them and steps: the step applies nothing."""

# Source: Aethiles/ppo-pytorch@b3fb6bdb46 source/policy/parameters.py (AtariParameters), source/training/ppo.py (PPO);
# re-typed, identifiers renamed; the convolution sizes, the orthogonal initialisation and the logger's class cut
# Mutation: `self.optimizer.zero_grad()` moved from before `loss.backward()` to after it
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import BatchSampler, SubsetRandomSampler


class SharedNet(nn.Module):
    def __init__(self, in_shape, n_actions, lr, logger, max_norm=None):
        super().__init__()
        self.conv1 = nn.Conv2d(4, 16, kernel_size=8, stride=4)
        self.conv2 = nn.Conv2d(16, 32, kernel_size=4, stride=2)
        self.flat = 32 * 9 * 9
        self.hidden = nn.Linear(self.flat, 256)
        self.value_head = nn.Linear(256, 1)
        self.policy_head = nn.Linear(256, n_actions)
        self.optimizer = torch.optim.Adam(self.parameters(), lr=lr, eps=1e-5)
        self.max_norm = max_norm
        self.logger = logger

    def forward(self, x):
        x = F.relu(self.conv2(F.relu(self.conv1(x))))
        x = F.relu(self.hidden(x.view(-1, self.flat)))
        return self.policy_head(x), self.value_head(x)

    def update(self, loss):
        loss.backward()
        self.optimizer.zero_grad()  # expect: LG017
        self._grad_norm()
        if self.max_norm is not None:
            torch.nn.utils.clip_grad_norm_(self.parameters(), self.max_norm)
        self.optimizer.step()

    def _grad_norm(self):
        total = 0
        for p in self.parameters():
            if p.grad is not None:
                total += p.grad.data.norm(2).item() ** 2
        self.logger.store_gradient_norm(total ** 0.5)


class Clipped:
    def __init__(self, net, policy, epochs=4, minibatches=4, clip=0.1, vf_coef=0.5, ent_coef=0.01):
        self.net = net
        self.policy = policy
        self.epochs = epochs
        self.minibatches = minibatches
        self.clip = clip
        self.vf_coef = vf_coef
        self.ent_coef = ent_coef

    def train(self, rollout, steps, envs):
        size = int(steps / self.minibatches) * envs
        sampler = BatchSampler(SubsetRandomSampler(range(steps * envs)), size, drop_last=False)
        for _ in range(self.epochs):
            for batch in sampler:
                loss = self.objective(*rollout[batch])
                self.net.update(-loss)

    def objective(self, states, actions, old_logp, old_values, adv, returns):
        logp, values, entropy = self.policy.evaluate(states, actions)
        ratio = torch.exp(logp - old_logp)
        policy = torch.mean(torch.min(adv * ratio, adv * torch.clamp(ratio, 1 - self.clip, 1 + self.clip)))
        clipped = old_values + (values - old_values).clamp(-self.clip, self.clip)
        value = 0.5 * torch.mean(torch.max((values - returns) ** 2, (clipped - returns) ** 2))
        return policy - self.vf_coef * value + self.ent_coef * torch.mean(entropy)


def run(envs, policy, rollouts, logger, updates):
    net = SharedNet((4, 84, 84), envs.action_space.n, 2.5e-4, logger, max_norm=0.5)
    trainer = Clipped(net, policy)
    for _ in range(updates):
        trainer.train(rollouts.collect(policy), 128, 8)
