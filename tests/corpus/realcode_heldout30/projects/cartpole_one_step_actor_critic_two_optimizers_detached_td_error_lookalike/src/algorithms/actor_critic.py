"""part of look-alike project [LG001, LG005, LG006, LG015, LG018]: one-step actor-critic with an optimizer per network: the critic's squared TD error, written out as (V(s) - target).pow(2).mean() with the target under no_grad, is cleared, back-propagated and stepped first; the actor's loss multiplies the detached TD error by the action's log-probability and is cleared, back-propagated and stepped second; the step returns .item() values."""
# Source: Trungsherlock/rl-actor-critic-comparison at 50d47d56, src/algorithms/actor_critic.py; re-typed, identifiers renamed; the continuous-action class (the same
# update) and save/load cut.
import os
import sys

import torch
import torch.optim as optim

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from src.networks.policy_network import DiscretePolicy
from src.networks.value_network import DiscreteValue


class DiscreteActorCritic:
    def __init__(self, state_dim, action_dim, actor_lr=0.0001, critic_lr=0.001, gamma=0.99, hidden_size=128):
        self.actor = DiscretePolicy(state_dim, action_dim, hidden_size)
        self.critic = DiscreteValue(state_dim, hidden_size)
        self.actor_optimizer = optim.Adam(self.actor.parameters(), lr=actor_lr)
        self.critic_optimizer = optim.Adam(self.critic.parameters(), lr=critic_lr)
        self.gamma = gamma

    def select_action(self, state):
        state_t = torch.FloatTensor(state).unsqueeze(0)
        action, log_prob, entropy = self.actor.sample_action(state_t)
        return action.item(), log_prob, entropy

    def train_step(self, state, action_log_prob, action_entropy, reward, next_state, done):
        state_t = torch.FloatTensor(state).unsqueeze(0)
        next_state_t = torch.FloatTensor(next_state).unsqueeze(0)

        current_value = self.critic(state_t)

        with torch.no_grad():
            if done:
                next_value = torch.FloatTensor([[0.0]])
            else:
                next_value = self.critic(next_state_t)
            td_target = reward + self.gamma * next_value

        td_error = td_target - current_value.detach()

        critic_loss = (current_value - td_target).pow(2).mean()

        self.critic_optimizer.zero_grad()
        critic_loss.backward()
        self.critic_optimizer.step()

        actor_loss = -(td_error * action_log_prob)

        self.actor_optimizer.zero_grad()
        actor_loss.backward()
        self.actor_optimizer.step()

        return td_error.item(), actor_loss.item(), critic_loss.item()
