"""look-alike: the same agent as the repository writes it: the gathered Q-values stay a (B, 1) column like the TD target, and with the discount read from the options the target's last size is not known: no finding."""
# Source: XinJingHao/Duel-Double-DQN-Pytorch@c4a64eccd8 DQN.py (build_net, Q_Net, DQN_agent, ReplayBuffer) and main.py;
# re-typed, identifiers renamed; the dueling network, action selection, saving and the environment loop shortened
import copy

import torch
import torch.nn as nn
import torch.nn.functional as F


def make_mlp(sizes, act, out_act):
    layers = []
    for j in range(len(sizes) - 1):
        a = act if j < len(sizes) - 2 else out_act
        layers += [nn.Linear(sizes[j], sizes[j + 1]), a()]
    return nn.Sequential(*layers)


class QNet(nn.Module):
    def __init__(self, state_dim, action_dim, hidden):
        super().__init__()
        self.body = make_mlp([state_dim] + list(hidden) + [action_dim], nn.ReLU, nn.Identity)

    def forward(self, s):
        return self.body(s)


class Buffer:
    def __init__(self, state_dim, device, max_size=int(1e6)):
        self.max_size, self.device, self.ptr, self.size = max_size, device, 0, 0
        self.s = torch.zeros((max_size, state_dim), dtype=torch.float, device=device)
        self.a = torch.zeros((max_size, 1), dtype=torch.long, device=device)
        self.r = torch.zeros((max_size, 1), dtype=torch.float, device=device)
        self.s_next = torch.zeros((max_size, state_dim), dtype=torch.float, device=device)
        self.dw = torch.zeros((max_size, 1), dtype=torch.bool, device=device)

    def add(self, s, a, r, s_next, dw):
        self.s[self.ptr] = torch.from_numpy(s).to(self.device)
        self.a[self.ptr] = a
        self.r[self.ptr] = r
        self.s_next[self.ptr] = torch.from_numpy(s_next).to(self.device)
        self.dw[self.ptr] = dw
        self.ptr = (self.ptr + 1) % self.max_size
        self.size = min(self.size + 1, self.max_size)

    def sample(self, batch_size):
        ind = torch.randint(0, self.size, device=self.device, size=(batch_size,))
        return self.s[ind], self.a[ind], self.r[ind], self.s_next[ind], self.dw[ind]


class Agent:
    def __init__(self, **kwargs):
        self.__dict__.update(kwargs)
        self.buffer = Buffer(self.state_dim, self.device, max_size=int(1e6))
        self.q_net = QNet(self.state_dim, self.action_dim, (self.width, self.width)).to(self.device)
        self.q_opt = torch.optim.Adam(self.q_net.parameters(), lr=self.lr)
        self.q_target = copy.deepcopy(self.q_net)
        for p in self.q_target.parameters():
            p.requires_grad = False

    def train(self):
        s, a, r, s_next, dw = self.buffer.sample(self.batch_size)
        with torch.no_grad():
            if self.double:
                argmax_a = self.q_net(s_next).argmax(dim=1).unsqueeze(-1)
                max_q_next = self.q_target(s_next).gather(1, argmax_a)
            else:
                max_q_next = self.q_target(s_next).max(1)[0].unsqueeze(1)
            target_q = r + (~dw) * self.gamma * max_q_next
        current_q_a = self.q_net(s).gather(1, a)
        q_loss = F.mse_loss(current_q_a, target_q)
        self.q_opt.zero_grad()
        q_loss.backward()
        self.q_opt.step()
        for param, target_param in zip(self.q_net.parameters(), self.q_target.parameters()):
            target_param.data.copy_(self.tau * param.data + (1 - self.tau) * target_param.data)


def main(opt, env):
    agent = Agent(**vars(opt))
    s, _ = env.reset()
    for step in range(opt.max_steps):
        a = env.action_space.sample()
        s_next, r, dw, tr, info = env.step(a)
        agent.buffer.add(s, a, r, s_next, dw)
        s = s_next
        if step > opt.random_steps and step % opt.update_every == 0:
            for _ in range(opt.update_every):
                agent.train()
