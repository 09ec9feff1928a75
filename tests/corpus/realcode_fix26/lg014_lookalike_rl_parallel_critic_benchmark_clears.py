"""look-alike [LG014]: the same timing loop at the fix: the gradients are cleared before every backward()."""

# Source: HorizonRobotics/alf@747df82001 alf/networks/critic_networks_test.py (the fix commit; cut, renamed)
import time

import torch
import torch.nn as nn
from absl import logging


class ParallelCritic(nn.Module):
    def __init__(self, obs_dim, action_dim, replicas):
        super().__init__()
        self.nets = nn.ModuleList([nn.Sequential(nn.Linear(obs_dim + action_dim, 256), nn.ReLU(), nn.Linear(256, 1)) for _ in range(replicas)])

    def forward(self, obs, action):
        joint = torch.cat([obs, action], dim=-1)
        return torch.stack([net(joint) for net in self.nets], dim=1)


def time_training(pnet, name, batch_size=128):
    t0 = time.time()
    optimizer = torch.optim.Adam(list(pnet.parameters()), lr=1e-4)
    for _ in range(100):
        obs = torch.randn(batch_size, 20)
        action = torch.randn(batch_size, 5)
        values = pnet(obs, action)
        target = torch.randn_like(values)
        cost = ((values - target) ** 2).sum()
        optimizer.zero_grad()
        cost.backward()
        optimizer.step()
    logging.info("%s time=%s cost=%s" % (name, time.time() - t0, float(cost)))


def test_make_parallel():
    time_training(ParallelCritic(20, 5, replicas=4), "ParallelCriticNetwork")
