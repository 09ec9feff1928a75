"""part of positive project [LG005]: pull request #3 dropped the torch.squeeze around the critic's Q(s1, a1), so smooth_l1_loss compares an (n, 1) prediction with the (n,) TD target r + gamma * squeeze(Q'(s2, a2)) and broadcasts it to (n, n)."""
# Source: vy007vikas/PyTorch-ActorCriticRL at 06f721b6 (the head of pull request #3; master at 263f32cc still
# squeezes both sides), train.py; re-typed, identifiers renamed; the Python 2 print statements in the model saving
# and loading methods (syntax errors in Python 3) and the exploitation-action helper cut. utils.py (noise process,
# soft and hard updates) and main.py (the gym loop) are not included.
from __future__ import division
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

import numpy as np

import utils
import model

BATCH = 128
LR = 0.001
GAMMA = 0.99
TAU = 0.001


class Trainer:
    def __init__(self, state_dim, action_dim, action_lim, ram):
        self.action_lim = action_lim
        self.ram = ram
        self.noise = utils.OrnsteinUhlenbeckActionNoise(action_dim)
        self.actor = model.Actor(state_dim, action_dim, action_lim)
        self.target_actor = model.Actor(state_dim, action_dim, action_lim)
        self.actor_opt = torch.optim.Adam(self.actor.parameters(), LR)
        self.critic = model.Critic(state_dim, action_dim)
        self.target_critic = model.Critic(state_dim, action_dim)
        self.critic_opt = torch.optim.Adam(self.critic.parameters(), LR)
        utils.hard_update(self.target_actor, self.actor)
        utils.hard_update(self.target_critic, self.critic)

    def get_exploration_action(self, state):
        state = Variable(torch.from_numpy(state))
        action = self.actor.forward(state).detach()
        return action.data.numpy() + (self.noise.sample() * self.action_lim)

    def optimize(self):
        s1, a1, r1, s2 = self.ram.sample(BATCH)
        s1 = Variable(torch.from_numpy(s1))
        a1 = Variable(torch.from_numpy(a1))
        r1 = Variable(torch.from_numpy(r1))
        s2 = Variable(torch.from_numpy(s2))

        a2 = self.target_actor.forward(s2).detach()
        q_next = torch.squeeze(self.target_critic.forward(s2, a2).detach())
        y_target = r1 + GAMMA * q_next
        y_pred = self.critic.forward(s1, a1)
        critic_loss = F.smooth_l1_loss(y_pred, y_target)  # expect: LG005
        self.critic_opt.zero_grad()
        critic_loss.backward()
        self.critic_opt.step()

        a_pred = self.actor.forward(s1)
        actor_loss = -1 * torch.sum(self.critic.forward(s1, a_pred))
        self.actor_opt.zero_grad()
        actor_loss.backward()
        self.actor_opt.step()

        utils.soft_update(self.target_actor, self.actor, TAU)
        utils.soft_update(self.target_critic, self.critic, TAU)
