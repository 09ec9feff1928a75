"""part of look-alike project [LG006, LG017, LG018]: one-episode actor-critic on CartPole: the policy loss uses an advantage that is not detached, so its backward(retain_graph=True) also fills the value network's gradients, but the value optimizer is cleared right before the value loss's own backward; the per-episode lists are rebuilt each episode."""
# Source: venkatkrishnan86/pytorch-tutorials at 468981b0, Reinforcement Learning/04-Policy-Gradients/
# train-actor-critic.py (read as is; the file's first line says "Still needs correction"); re-typed, identifiers
# renamed; nothing else cut.
import random

import gym
import numpy as np
import torch
from torch import nn
from torch.distributions import Categorical

from utils import *

env = gym.make("CartPole-v1")

lr = 0.001
gamma = 0.992
eps = 1.0
eps_min = 0.01
eps_decay = 0.997
batch_size = 32
n_episodes = 1500

n_states = env.observation_space.shape[0]
n_actions = env.action_space.n

actor = Actor(n_states, n_actions)
critic = Critic(n_states)
critic_loss_fn = nn.MSELoss()

actor_opt = torch.optim.Adam(actor.parameters(), lr=lr)
critic_opt = torch.optim.Adam(critic.parameters(), lr=lr)

for ep in range(n_episodes):
    state, _ = env.reset()
    state = torch.FloatTensor(state)
    done = False
    logps = []
    vals = []
    next_vals = []
    rewards = []

    while not done:
        if random.random() < eps:
            action = env.action_space.sample()
            logp = torch.log(1.0 / torch.tensor(n_actions))
        else:
            probs = torch.softmax(actor(state), 0)
            dist = Categorical(probs)
            action = dist.sample()
            logp = dist.log_prob(action)
            action = action.item()
        next_state, reward, done, _, _ = env.step(action)
        v = critic(state)

        rewards.append(reward)
        vals.append(v)
        logps.append(logp)

        next_state = torch.FloatTensor(next_state)
        next_v = critic(next_state)
        next_vals.append(next_v)

        state = next_state

    targets = torch.FloatTensor(discounted_returns(rewards, gamma=gamma)).detach()
    vals = torch.stack(vals).squeeze()
    next_vals = torch.stack(next_vals).squeeze()
    logps = torch.stack(logps).squeeze()

    targets = targets + gamma * next_vals
    adv = targets - vals

    actor_loss = -(logps * adv).mean()
    critic_loss: torch.Tensor = critic_loss_fn(vals, targets)

    actor_opt.zero_grad()
    actor_loss.backward(retain_graph=True)
    actor_opt.step()

    critic_opt.zero_grad()
    critic_loss.backward()
    critic_opt.step()

    print(f'Episode {ep}, Total Reward: {sum(rewards)}')

    if eps > eps_min:
        eps *= eps_decay

torch.save(actor.state_dict(), "cartpole_actor-critic_policy_net.pth")
torch.save(critic.state_dict(), "cartpole_actor-critic_value_net.pth")
