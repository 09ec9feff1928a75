"""look-alike [LG006]: the same agent at the fix: each step appends loss.item(), a number, and the episode averages the numbers."""

# Source: dongminlee94/deep_rl@5e50c4e659 agents/a2c.py (the fix commit; cut, renamed)
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.distributions import Categorical

device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")


class CategoricalPolicy(nn.Module):
    def __init__(self, obs_dim, act_dim):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(obs_dim, 64), nn.Tanh(), nn.Linear(64, act_dim))

    def forward(self, x):
        dist = Categorical(logits=self.body(x))
        action = dist.sample()
        return action, dist.log_prob(action), dist.entropy(), dist.probs


class Agent(object):
    def __init__(self, env, obs_dim, act_dim, gamma=0.99, ent_coef=1e-3, actor_lr=1e-4, critic_lr=1e-3):
        self.env = env
        self.gamma = gamma
        self.ent_coef = ent_coef
        self.actor_losses = list()
        self.critic_losses = list()
        self.entropies = list()
        self.logger = dict()
        self.actor = CategoricalPolicy(obs_dim, act_dim).to(device)
        self.critic = nn.Sequential(nn.Linear(obs_dim, 64), nn.Tanh(), nn.Linear(64, 1)).to(device)
        self.actor_optimizer = optim.Adam(self.actor.parameters(), lr=actor_lr)
        self.critic_optimizer = optim.Adam(self.critic.parameters(), lr=critic_lr)

    def select_action(self, obs):
        action, log_pi, entropy, _ = self.actor(obs)
        v = self.critic(obs)
        self.transition.extend([log_pi, entropy, v])
        return action.detach().cpu().numpy()

    def train_model(self):
        log_pi, entropy, v, next_obs, reward, done = self.transition
        next_v = self.critic(torch.Tensor(next_obs).to(device))
        q = reward + self.gamma * (1 - done) * next_v
        advant = q - v
        actor_loss = -log_pi * advant.detach() + self.ent_coef * entropy
        critic_loss = F.mse_loss(v, q.detach())

        self.critic_optimizer.zero_grad()
        critic_loss.backward()
        self.critic_optimizer.step()

        self.actor_optimizer.zero_grad()
        actor_loss.backward()
        self.actor_optimizer.step()

        self.actor_losses.append(actor_loss.item())
        self.critic_losses.append(critic_loss.item())
        self.entropies.append(entropy.item())

    def run(self, max_step):
        step_number = 0
        total_reward = 0.0
        obs = self.env.reset()
        done = False
        while not (done or step_number == max_step):
            self.transition = []
            action = self.select_action(torch.Tensor(obs).to(device))
            next_obs, reward, done, _ = self.env.step(action)
            self.transition.extend([next_obs, reward, done])
            self.train_model()
            total_reward += reward
            step_number += 1
            obs = next_obs
        self.logger["LossPi"] = round(np.mean(self.actor_losses), 5)
        self.logger["LossV"] = round(np.mean(self.critic_losses), 5)
        return step_number, total_reward
