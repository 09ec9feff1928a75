"""positive [LG017]: a dueling double-DQN agent clears its online network with the module's own zero_grad() between the TD loss's backward() and the optimizer's step(): the step applies no gradient."""

# Source: Corbelli/dqn-pytorch@5b57abbea9 dqn/dueling/agent.py (DDDQNAgent); re-typed, identifiers renamed; the
# replay buffer's sampling, the random policy and the weight files cut
# Mutation: `self.online.zero_grad()` moved from before `loss.backward()` to between it and `self.optimizer.step()`
import random
from collections import deque, namedtuple

import numpy as np
import torch
import torch.nn.functional as F
import torch.optim as optim

from .model import DuelingQNetwork

BUFFER = int(1e5)
BATCH = 64
GAMMA = 0.99
TAU = 1e-3
LR = 5e-4
EVERY = 4
device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")


class DuelingAgent:
    def __init__(self, state_size, action_size, seed):
        self.action_size = action_size
        self.online = DuelingQNetwork(state_size, action_size, seed).to(device)
        self.target = DuelingQNetwork(state_size, action_size, seed).to(device)
        self.optimizer = optim.Adam(self.online.parameters(), lr=LR)
        self.memory = deque(maxlen=BUFFER)
        self.t_step = 0

    def step(self, state, action, reward, next_state, done):
        self.memory.append((state, action, reward, next_state, done))
        self.t_step = (self.t_step + 1) % EVERY
        if self.t_step == 0 and len(self.memory) > BATCH:
            self.learn(self.sample(), GAMMA)

    def sample(self):
        batch = random.sample(self.memory, k=BATCH)
        states = torch.from_numpy(np.vstack([b[0] for b in batch])).float().to(device)
        actions = torch.from_numpy(np.vstack([b[1] for b in batch])).long().to(device)
        rewards = torch.from_numpy(np.vstack([b[2] for b in batch])).float().to(device)
        next_states = torch.from_numpy(np.vstack([b[3] for b in batch])).float().to(device)
        dones = torch.from_numpy(np.vstack([b[4] for b in batch]).astype(np.uint8)).float().to(device)
        return states, actions, rewards, next_states, dones

    def learn(self, experiences, gamma):
        states, actions, rewards, next_states, dones = experiences
        current = self.online(states).gather(1, actions)
        next_actions = self.online(next_states).detach().max(1)[1].unsqueeze(1)
        next_q = self.target(next_states).detach().gather(1, next_actions)
        targets = rewards + gamma * next_q * (1 - dones)
        loss = F.smooth_l1_loss(current, targets)

        loss.backward()
        self.online.zero_grad()  # expect: LG017
        self.optimizer.step()
        self.soft_update(TAU)

    def soft_update(self, tau):
        for target_param, param in zip(self.target.parameters(), self.online.parameters()):
            target_param.data.copy_(tau * param.data + (1.0 - tau) * target_param.data)


def train(env, agent, episodes=2000, eps=1.0):
    scores = deque(maxlen=100)
    for episode in range(episodes):
        state, score, done = env.reset(), 0, False
        while not done:
            action = random.choice(np.arange(agent.action_size)) if random.random() < eps else 0
            next_state, reward, done, _ = env.step(action)
            agent.step(state, action, reward, next_state, done)
            state, score = next_state, score + reward
        scores.append(score)
        eps = max(0.01, eps * 0.995)
    return scores
