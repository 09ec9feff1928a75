"""part of look-alike project [LG006, LG017, LG018]: the policy and value networks of the CartPole tutorials, three Linear layers each (the policy's logits, the value's scalar), and the rewards-to-go helper."""
# Source: venkatkrishnan86/pytorch-tutorials at 468981b0, Reinforcement Learning/04-Policy-Gradients/utils.py (read as
# is); re-typed, identifiers renamed; the GIF-recording helpers cut.
import torch
from torch import nn


class Actor(nn.Module):
    def __init__(self, n_states, n_actions):
        super(Actor, self).__init__()
        self.l1 = nn.Linear(n_states, 24)
        self.l2 = nn.Linear(24, 24)
        self.l3 = nn.Linear(24, n_actions)

    def forward(self, x):
        x = torch.relu(self.l1(x))
        x = torch.relu(self.l2(x))
        x = self.l3(x)
        return x


class Critic(nn.Module):
    def __init__(self, n_states):
        super(Critic, self).__init__()
        self.l1 = nn.Linear(n_states, 24)
        self.l2 = nn.Linear(24, 24)
        self.l3 = nn.Linear(24, 1)

    def forward(self, x):
        x = torch.relu(self.l1(x))
        x = torch.relu(self.l2(x))
        x = self.l3(x)
        return x


def discounted_returns(rewards, gamma=0.99):
    out = []
    running = 0
    for r in rewards[::-1]:
        running = r + gamma * running
        out.insert(0, running)
    return out
