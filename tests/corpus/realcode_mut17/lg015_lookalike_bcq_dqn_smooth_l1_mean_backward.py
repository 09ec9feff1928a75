"""look-alike [LG015]: a DQN baseline of an offline-RL repository back-propagates the mean Huber loss of the Q values (the repository's code)."""
# Source: sfujim/BCQ@4876f7e5af discrete_BCQ/DQN.py (Conv_Q, FC_Q, DQN.__init__, DQN.train, re-typed; epsilon-greedy action selection and the target copy rule cut)
import copy

import torch
import torch.nn as nn
import torch.nn.functional as F


class FC_Q(nn.Module):
    def __init__(self, state_dim, num_actions):
        super().__init__()
        self.l1 = nn.Linear(state_dim, 256)
        self.l2 = nn.Linear(256, 256)
        self.l3 = nn.Linear(256, num_actions)

    def forward(self, state):
        q = F.relu(self.l1(state))
        q = F.relu(self.l2(q))
        return self.l3(q)


class DQN:
    def __init__(self, num_actions, state_dim, device, discount=0.99, optimizer="Adam", optimizer_parameters={}, tau=0.005):
        self.device = device
        self.Q = FC_Q(state_dim, num_actions).to(self.device)
        self.Q_target = copy.deepcopy(self.Q)
        self.Q_optimizer = getattr(torch.optim, optimizer)(self.Q.parameters(), **optimizer_parameters)
        self.discount = discount
        self.tau = tau
        self.iterations = 0

    def train(self, replay_buffer):
        state, action, next_state, reward, done = replay_buffer.sample()
        with torch.no_grad():
            target_Q = reward + done * self.discount * self.Q_target(next_state).max(1, keepdim=True)[0]
        current_Q = self.Q(state).gather(1, action)
        Q_loss = F.smooth_l1_loss(current_Q, target_Q)
        self.Q_optimizer.zero_grad()
        Q_loss.backward()
        self.Q_optimizer.step()
        self.iterations += 1
        for param, target_param in zip(self.Q.parameters(), self.Q_target.parameters()):
            target_param.data.copy_(self.tau * param.data + (1 - self.tau) * target_param.data)
