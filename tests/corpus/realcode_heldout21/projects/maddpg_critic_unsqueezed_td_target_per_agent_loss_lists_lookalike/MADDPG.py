"""part of look-alike project [LG005, LG006, LG014]: per agent, nn.MSELoss()(current_Q, target_Q) compares the critic's (batch, 1) output with a TD target built as target.unsqueeze(1) * gamma + reward.unsqueeze(1) (also (batch, 1)); each optimizer is zeroed before its backward; the per-agent critic and actor losses go into lists created inside update_policy and returned."""
# Source: xuehy/pytorch-maddpg at b7c1acf0 (read as is), MADDPG.py; re-typed, identifiers renamed; the CUDA moves
# and select_action's noise decay kept in outline. memory.py, randomProcess.py and params.py are not included.
from copy import deepcopy

import numpy as np
import torch as th
import torch.nn as nn
from torch.optim import Adam

from model import Critic, Actor
from memory import ReplayMemory, Experience
from params import scale_reward


def soft_update(target, source, t):
    for tp, sp in zip(target.parameters(), source.parameters()):
        tp.data.copy_((1 - t) * tp.data + t * sp.data)


class MADDPG:
    def __init__(self, n_agents, dim_obs, dim_act, batch_size, capacity, episodes_before_train):
        self.actors = [Actor(dim_obs, dim_act) for _ in range(n_agents)]
        self.critics = [Critic(n_agents, dim_obs, dim_act) for _ in range(n_agents)]
        self.actors_target = deepcopy(self.actors)
        self.critics_target = deepcopy(self.critics)

        self.n_agents = n_agents
        self.n_states = dim_obs
        self.n_actions = dim_act
        self.memory = ReplayMemory(capacity)
        self.batch_size = batch_size
        self.use_cuda = th.cuda.is_available()
        self.episodes_before_train = episodes_before_train

        self.GAMMA = 0.95
        self.tau = 0.01
        self.var = [1.0 for _ in range(n_agents)]
        self.critic_optimizer = [Adam(c.parameters(), lr=0.001) for c in self.critics]
        self.actor_optimizer = [Adam(a.parameters(), lr=0.0001) for a in self.actors]

        self.steps_done = 0
        self.episode_done = 0

    def update_policy(self):
        if self.episode_done <= self.episodes_before_train:
            return None, None

        ByteTensor = th.cuda.ByteTensor if self.use_cuda else th.ByteTensor
        FloatTensor = th.cuda.FloatTensor if self.use_cuda else th.FloatTensor

        c_loss = []
        a_loss = []
        for agent in range(self.n_agents):
            transitions = self.memory.sample(self.batch_size)
            batch = Experience(*zip(*transitions))
            non_final = ByteTensor(list(map(lambda s: s is not None, batch.next_states)))
            states = th.stack(batch.states).type(FloatTensor)
            actions = th.stack(batch.actions).type(FloatTensor)
            rewards = th.stack(batch.rewards).type(FloatTensor)
            next_states = th.stack([s for s in batch.next_states if s is not None]).type(FloatTensor)

            all_obs = states.view(self.batch_size, -1)
            all_act = actions.view(self.batch_size, -1)
            self.critic_optimizer[agent].zero_grad()
            current_Q = self.critics[agent](all_obs, all_act)

            next_acts = [self.actors_target[i](next_states[:, i, :]) for i in range(self.n_agents)]
            next_acts = th.stack(next_acts).transpose(0, 1).contiguous()

            target_Q = th.zeros(self.batch_size).type(FloatTensor)
            target_Q[non_final] = self.critics_target[agent](
                next_states.view(-1, self.n_agents * self.n_states),
                next_acts.view(-1, self.n_agents * self.n_actions),
            ).squeeze()

            target_Q = (target_Q.unsqueeze(1) * self.GAMMA) + (rewards[:, agent].unsqueeze(1) * scale_reward)

            loss_Q = nn.MSELoss()(current_Q, target_Q.detach())
            loss_Q.backward()
            self.critic_optimizer[agent].step()

            self.actor_optimizer[agent].zero_grad()
            obs_i = states[:, agent, :]
            act_i = self.actors[agent](obs_i)
            ac = actions.clone()
            ac[:, agent, :] = act_i
            all_act = ac.view(self.batch_size, -1)
            actor_loss = -self.critics[agent](all_obs, all_act)
            actor_loss = actor_loss.mean()
            actor_loss.backward()
            self.actor_optimizer[agent].step()
            c_loss.append(loss_Q)
            a_loss.append(actor_loss)

        if self.steps_done % 100 == 0 and self.steps_done > 0:
            for i in range(self.n_agents):
                soft_update(self.critics_target[i], self.critics[i], self.tau)
                soft_update(self.actors_target[i], self.actors[i], self.tau)

        return c_loss, a_loss

    def select_action(self, obs):
        acts = th.zeros(self.n_agents, self.n_actions)
        FloatTensor = th.cuda.FloatTensor if self.use_cuda else th.FloatTensor
        for i in range(self.n_agents):
            sb = obs[i, :].detach()
            a = self.actors[i](sb.unsqueeze(0)).squeeze()
            a += th.from_numpy(np.random.randn(2) * self.var[i]).type(FloatTensor)
            if self.episode_done > self.episodes_before_train and self.var[i] > 0.05:
                self.var[i] *= 0.999998
            acts[i, :] = th.clamp(a, -1.0, 1.0)
        self.steps_done += 1
        return acts
