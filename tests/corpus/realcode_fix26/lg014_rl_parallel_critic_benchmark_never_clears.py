"""positive [LG014]: an RL library's test times a parallel critic network by training it for 100 steps, backward() and step() each time, and never clears the gradients: every step applies the sum of all the gradients so far (the fix, "global_norm handles empty list and optimizer check", adds optimizer.zero_grad())."""

# Source: HorizonRobotics/alf@dd5b5ee21f alf/networks/critic_networks_test.py, fixed in 747df82001 (cut, renamed)
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
        cost.backward()
        optimizer.step()  # expect: LG014
    logging.info("%s time=%s cost=%s" % (name, time.time() - t0, float(cost)))


def test_make_parallel():
    time_training(ParallelCritic(20, 5, replicas=4), "ParallelCriticNetwork")
