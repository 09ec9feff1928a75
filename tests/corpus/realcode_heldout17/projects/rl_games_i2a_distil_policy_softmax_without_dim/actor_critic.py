"""part of positive project [LG011]: the on-policy base class computes F.softmax(logit) and F.log_softmax(logit) without dim for acting, the action log-probabilities and the entropy term of the A2C loss."""
# Source: PacktPublishing/Hands-On-Reinforcement-Learning-for-Games at 99c9b492 (read as is),
# Chapter14/Chapter_14/actor_critic.py; re-typed, identifiers renamed; the rollout storage's CUDA helper cut.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable


class OnPolicy(nn.Module):
    def __init__(self):
        super(OnPolicy, self).__init__()

    def forward(self, x):
        raise NotImplementedError

    def act(self, x, deterministic=False):
        logit, value = self.forward(x)
        probs = F.softmax(logit)  # expect: LG011
        if deterministic:
            action = probs.max(1)[1]
        else:
            action = probs.multinomial(1)
        return action

    def evaluate_actions(self, x, action):
        logit, value = self.forward(x)
        probs = F.softmax(logit)  # expect: LG011
        log_probs = F.log_softmax(logit)  # expect: LG011
        action_log_probs = log_probs.gather(1, action)
        entropy = -(probs * log_probs).sum(1).mean()
        return logit, action_log_probs, value, entropy


class ActorCritic(OnPolicy):
    def __init__(self, in_shape, num_actions):
        super(ActorCritic, self).__init__()
        self.in_shape = in_shape
        self.features = nn.Sequential(
            nn.Conv2d(in_shape[0], 16, kernel_size=3, stride=1),
            nn.ReLU(),
            nn.Conv2d(16, 16, kernel_size=3, stride=2),
            nn.ReLU(),
        )
        self.fc = nn.Sequential(nn.Linear(self.feature_size(), 256), nn.ReLU())
        self.critic = nn.Linear(256, 1)
        self.actor = nn.Linear(256, num_actions)

    def forward(self, x):
        x = self.features(x)
        x = x.view(x.size(0), -1)
        x = self.fc(x)
        return self.actor(x), self.critic(x)

    def feature_size(self):
        return self.features(Variable(torch.zeros(1, *self.in_shape))).view(1, -1).size(1)


class RolloutStorage(object):
    def __init__(self, num_steps, num_envs, state_shape):
        self.num_steps = num_steps
        self.num_envs = num_envs
        self.states = torch.zeros(num_steps + 1, num_envs, *state_shape)
        self.rewards = torch.zeros(num_steps, num_envs, 1)
        self.masks = torch.ones(num_steps + 1, num_envs, 1)
        self.actions = torch.zeros(num_steps, num_envs, 1).long()

    def insert(self, step, state, action, reward, mask):
        self.states[step + 1].copy_(state)
        self.actions[step].copy_(action)
        self.rewards[step].copy_(reward)
        self.masks[step + 1].copy_(mask)

    def after_update(self):
        self.states[0].copy_(self.states[-1])
        self.masks[0].copy_(self.masks[-1])

    def compute_returns(self, next_value, gamma):
        returns = torch.zeros(self.num_steps + 1, self.num_envs, 1)
        returns[-1] = next_value
        for step in reversed(range(self.num_steps)):
            returns[step] = returns[step + 1] * gamma * self.masks[step + 1] + self.rewards[step]
        return returns[:-1]
