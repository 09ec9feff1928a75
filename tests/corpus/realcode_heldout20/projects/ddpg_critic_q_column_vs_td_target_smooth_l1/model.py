"""part of positive project [LG005]: the DDPG critic ends in nn.Linear(128, 1) and returns Q(s, a) of shape (n, 1); the actor ends in tanh scaled by the action limit."""
# Source: vy007vikas/PyTorch-ActorCriticRL at 06f721b6 (the head of pull request #3, "fix backward() error related
# to squeeze and another error with action_lim type"), model.py; re-typed, identifiers renamed; the docstrings cut.
import torch
import torch.nn as nn
import torch.nn.functional as F
import numpy as np

EPS = 0.003


def fanin_init(size, fanin=None):
    fanin = fanin or size[0]
    v = 1. / np.sqrt(fanin)
    return torch.Tensor(size).uniform_(-v, v)


class Critic(nn.Module):
    def __init__(self, state_dim, action_dim):
        super(Critic, self).__init__()
        self.s1 = nn.Linear(state_dim, 256)
        self.s1.weight.data = fanin_init(self.s1.weight.data.size())
        self.s2 = nn.Linear(256, 128)
        self.s2.weight.data = fanin_init(self.s2.weight.data.size())
        self.a1 = nn.Linear(action_dim, 128)
        self.a1.weight.data = fanin_init(self.a1.weight.data.size())
        self.joint = nn.Linear(256, 128)
        self.joint.weight.data = fanin_init(self.joint.weight.data.size())
        self.q_out = nn.Linear(128, 1)
        self.q_out.weight.data.uniform_(-EPS, EPS)

    def forward(self, state, action):
        hs = F.relu(self.s1(state))
        hs = F.relu(self.s2(hs))
        ha = F.relu(self.a1(action))
        h = torch.cat((hs, ha), dim=1)
        h = F.relu(self.joint(h))
        return self.q_out(h)


class Actor(nn.Module):
    def __init__(self, state_dim, action_dim, action_lim):
        super(Actor, self).__init__()
        self.action_lim = action_lim
        self.l1 = nn.Linear(state_dim, 256)
        self.l1.weight.data = fanin_init(self.l1.weight.data.size())
        self.l2 = nn.Linear(256, 128)
        self.l2.weight.data = fanin_init(self.l2.weight.data.size())
        self.l3 = nn.Linear(128, 64)
        self.l3.weight.data = fanin_init(self.l3.weight.data.size())
        self.l4 = nn.Linear(64, action_dim)
        self.l4.weight.data.uniform_(-EPS, EPS)

    def forward(self, state):
        h = F.relu(self.l1(state))
        h = F.relu(self.l2(h))
        h = F.relu(self.l3(h))
        return F.tanh(self.l4(h)) * self.action_lim
