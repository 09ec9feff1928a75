"""part of look-alike project [LG014]: the convergence test back-propagates a squared error and calls the policy's step() two hundred times; step() clears the gradients after each update."""

# Source: syuntoku14/pytorch-rl-il@e1c6f865c4 tests/policies/bcq_deterministic_test.py (the fix commit; cut, renamed)
import unittest

import numpy as np
import torch
from gym.spaces import Box

from rllib.policies import PerturbationPolicy

STATE_DIM = 2
ACTION_DIM = 3


class TestPerturbationPolicy(unittest.TestCase):
    def setUp(self):
        torch.manual_seed(2)
        self.model = torch.nn.Sequential(torch.nn.Linear(STATE_DIM + ACTION_DIM, ACTION_DIM))
        self.optimizer = torch.optim.RMSprop(self.model.parameters(), lr=0.01)
        self.space = Box(np.array([-1, -1, -1]), np.array([1, 1, 1]), dtype=np.float32)
        self.policy = PerturbationPolicy(self.model, self.optimizer, self.space)

    def test_converge(self):
        state = torch.randn(1, STATE_DIM)
        vae_action = torch.randn(1, ACTION_DIM)
        target = vae_action + torch.tensor([[0.25, 0.5, -0.5]])

        for _ in range(0, 200):
            action = self.policy(state, vae_action)
            loss = ((target - action) ** 2).mean()
            loss.backward()
            self.policy.step()

        self.assertLess(loss, 0.001)
