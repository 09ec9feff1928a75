"""positive [LG011]: the distributional Rainbow DQN's network ends in F.softmax over the atoms without dim= (on the flattened (batch * actions, atoms) view); the update takes the log of the gathered distribution for a hand-written cross-entropy against the projected target."""
# Source: datawhalechina/joyrl at b36e8de5 (read as is), joyrl/algos/RainbowDQN/rainbow_dqn.py; re-typed, identifiers
# renamed; the replay buffer and the noisy layer's noise sampling shortened.
import random

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.autograd import Variable

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")


class Replay:
    def __init__(self, capacity):
        self.capacity = capacity
        self.items = []
        self.pos = 0

    def push(self, s, a, r, s2, d):
        if len(self.items) < self.capacity:
            self.items.append(None)
        self.items[self.pos] = (s, a, r, s2, d)
        self.pos = (self.pos + 1) % self.capacity

    def sample(self, n):
        return zip(*random.sample(self.items, n))

    def __len__(self):
        return len(self.items)


class NoisyLinear(nn.Module):
    def __init__(self, in_dim, out_dim, device, std_init=0.4):
        super(NoisyLinear, self).__init__()
        self.mu_w = nn.Parameter(torch.empty(out_dim, in_dim))
        self.sigma_w = nn.Parameter(torch.full((out_dim, in_dim), std_init / np.sqrt(in_dim)))
        self.mu_b = nn.Parameter(torch.zeros(out_dim))
        self.register_buffer("eps_w", torch.zeros(out_dim, in_dim))
        nn.init.uniform_(self.mu_w, -1 / np.sqrt(in_dim), 1 / np.sqrt(in_dim))

    def forward(self, x):
        w = self.mu_w + self.sigma_w * self.eps_w if self.training else self.mu_w
        return F.linear(x, w, self.mu_b)

    def reset_noise(self):
        self.eps_w.normal_()


class AtomNet(nn.Module):
    def __init__(self, n_states, n_actions, n_atoms, vmin, vmax):
        super(AtomNet, self).__init__()
        self.n_actions = n_actions
        self.n_atoms = n_atoms
        self.l1 = nn.Linear(n_states, 32)
        self.l2 = nn.Linear(32, 64)
        self.v1 = NoisyLinear(64, 64, device=device)
        self.v2 = NoisyLinear(64, n_atoms, device=device)
        self.a1 = NoisyLinear(64, 64, device=device)
        self.a2 = NoisyLinear(64, n_atoms * n_actions, device=device)

    def forward(self, x):
        bs = x.size(0)
        x = F.relu(self.l1(x))
        x = F.relu(self.l2(x))
        v = self.v2(F.relu(self.v1(x))).view(bs, 1, self.n_atoms)
        a = self.a2(F.relu(self.a1(x))).view(bs, self.n_actions, self.n_atoms)
        x = v + a - a.mean(1, keepdim=True)
        x = F.softmax(x.view(-1, self.n_atoms)).view(-1, self.n_actions, self.n_atoms)  # expect: LG011
        return x

    def reset_noise(self):
        for m in (self.v1, self.v2, self.a1, self.a2):
            m.reset_noise()


class Rainbow(nn.Module):
    def __init__(self, n_states, n_actions, n_atoms, vmin, vmax, cfg):
        super(Rainbow, self).__init__()
        self.n_atoms = cfg.n_atoms
        self.vmin = cfg.Vmin
        self.vmax = cfg.Vmax
        self.online = AtomNet(n_states, n_actions, n_atoms, vmin, vmax)
        self.target = AtomNet(n_states, n_actions, n_atoms, vmin, vmax)
        self.batch_size = cfg.batch_size
        self.memory = Replay(cfg.memory_capacity)
        self.optimizer = optim.Adam(self.online.parameters(), 0.001)

    def projection(self, next_state, rewards, dones):
        dz = float(self.vmax - self.vmin) / (self.n_atoms - 1)
        support = torch.linspace(self.vmin, self.vmax, self.n_atoms)
        nd = self.target(next_state) * support
        na = nd.sum(2).max(1)[1]
        na = na.unsqueeze(1).unsqueeze(1).expand(nd.size(0), 1, nd.size(2))
        nd = nd.gather(1, na).squeeze(1)
        rewards = rewards.unsqueeze(1).expand_as(nd)
        dones = dones.unsqueeze(1).expand_as(nd)
        support = support.unsqueeze(0).expand_as(nd)
        tz = (rewards + (1 - dones) * 0.99 * support).clamp(min=self.vmin, max=self.vmax)
        b = (tz - self.vmin) / dz
        lo = b.floor().long()
        hi = b.ceil().long()
        offset = torch.linspace(0, (self.batch_size - 1) * self.n_atoms, self.batch_size).long() \
            .unsqueeze(1).expand(self.batch_size, self.n_atoms)
        proj = torch.zeros(nd.size())
        proj.view(-1).index_add_(0, (lo + offset).view(-1), (nd * (hi.float() - b)).view(-1))
        proj.view(-1).index_add_(0, (hi + offset).view(-1), (nd * (b - lo.float())).view(-1))
        return proj

    def update(self):
        if len(self.memory) < self.batch_size:
            return
        state, action, reward, next_state, done = self.memory.sample(self.batch_size)
        state = Variable(torch.FloatTensor(np.float32(state)))
        next_state = Variable(torch.FloatTensor(np.float32(next_state)), volatile=True)
        action = Variable(torch.LongTensor(action))
        reward = torch.FloatTensor(reward)
        done = torch.FloatTensor(np.float32(done))

        proj = self.projection(next_state, reward, done)
        dist = self.online(state)
        action = action.unsqueeze(1).unsqueeze(1).expand(self.batch_size, 1, self.n_atoms)
        dist = dist.gather(1, action).squeeze(1)
        dist.data.clamp_(0.01, 0.99)
        loss = -(Variable(proj) * dist.log()).sum(1)
        loss = loss.mean()

        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
        self.online.reset_noise()
        self.target.reset_noise()
