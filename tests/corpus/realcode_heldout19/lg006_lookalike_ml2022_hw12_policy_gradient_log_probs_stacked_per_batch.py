"""look-alike [LG006, LG014, LG011]: the ML2022 reinforcement-learning homework's policy-gradient agent (course sample code): every step's Categorical log-probability is appended to log_probs, which the batch loop starts empty, and after five episodes the agent's learn() stacks them into one loss, clears the gradients, back-propagates and steps; the policy's softmax has dim=-1."""
# Source: Fafa-DL/Lhy_Machine_Learning at 20cc5619 (read as is), "2022 ML/12 RL/hw12_reinforcement_learning_english_version.ipynb",
# code cells 2-4 and 13-16; re-typed, identifiers renamed; the `!apt`/`!pip`/`%%capture` lines, the virtual display,
# the environment probes and the rendering/test cells cut. The learning-rate scheduler import is unused, as in the
# source.
import random

import gym
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.distributions import Categorical
from tqdm.notebook import tqdm

# ---- cell 3
SEED = 543


def fix(env, seed):
    env.seed(seed)
    env.action_space.seed(seed)
    torch.manual_seed(seed)
    np.random.seed(seed)
    random.seed(seed)


# ---- cell 4
env = gym.make('LunarLander-v2')
fix(env, SEED)


# ---- cell 13
class PolicyNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(8, 16)
        self.fc2 = nn.Linear(16, 16)
        self.fc3 = nn.Linear(16, 4)

    def forward(self, state):
        h = torch.tanh(self.fc1(state))
        h = torch.tanh(self.fc2(h))
        return F.softmax(self.fc3(h), dim=-1)


# ---- cell 14
from torch.optim.lr_scheduler import StepLR


class PGAgent():
    def __init__(self, net):
        self.net = net
        self.opt = optim.SGD(self.net.parameters(), lr=0.001)

    def forward(self, state):
        return self.net(state)

    def learn(self, log_probs, rewards):
        loss = (-log_probs * rewards).sum()
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()

    def sample(self, state):
        probs = self.net(torch.FloatTensor(state))
        dist = Categorical(probs)
        action = dist.sample()
        log_prob = dist.log_prob(action)
        return action.item(), log_prob


# ---- cell 15
net = PolicyNet()
agent = PGAgent(net)
# ---- cell 16
agent.net.train()
EPISODES_PER_BATCH = 5
N_BATCHES = 500
avg_totals, avg_finals = [], []
bar = tqdm(range(N_BATCHES))
for batch in bar:
    log_probs, rewards = [], []
    totals, finals = [], []
    for episode in range(EPISODES_PER_BATCH):
        state = env.reset()
        total, n_steps = 0, 0
        while True:
            action, log_prob = agent.sample(state)
            next_state, reward, done, _ = env.step(action)
            log_probs.append(log_prob)
            state = next_state
            total += reward
            n_steps += 1
            rewards.append(reward)
            if done:
                finals.append(reward)
                totals.append(total)
                break
    avg_total = sum(totals) / len(totals)
    avg_final = sum(finals) / len(finals)
    avg_totals.append(avg_total)
    avg_finals.append(avg_final)
    bar.set_description(f"Total: {avg_total: 4.1f}, Final: {avg_final: 4.1f}")
    rewards = (rewards - np.mean(rewards)) / (np.std(rewards) + 1e-9)
    agent.learn(torch.stack(log_probs), torch.from_numpy(rewards))
