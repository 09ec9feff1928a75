"""part of look-alike project [LG005, LG006, LG014]: the centralised critic ends in nn.Linear(300, 1) and returns Q of shape (batch, 1); the actor ends in tanh."""
# Source: xuehy/pytorch-maddpg at b7c1acf0 (read as is; issue #12 reports a squeeze error in a user's modified
# copy of update_policy), model.py; re-typed, identifiers renamed.
import torch as th
import torch.nn as nn
import torch.nn.functional as F


class Critic(nn.Module):
    def __init__(self, n_agent, dim_obs, dim_act):
        super(Critic, self).__init__()
        obs_dim = dim_obs * n_agent
        act_dim = dim_act * n_agent
        self.fc1 = nn.Linear(obs_dim, 1024)
        self.fc2 = nn.Linear(1024 + act_dim, 512)
        self.fc3 = nn.Linear(512, 300)
        self.fc4 = nn.Linear(300, 1)

    def forward(self, obs, acts):
        h = F.relu(self.fc1(obs))
        h = th.cat([h, acts], 1)
        h = F.relu(self.fc2(h))
        return self.fc4(F.relu(self.fc3(h)))


class Actor(nn.Module):
    def __init__(self, dim_obs, dim_act):
        super(Actor, self).__init__()
        self.fc1 = nn.Linear(dim_obs, 500)
        self.fc2 = nn.Linear(500, 128)
        self.fc3 = nn.Linear(128, dim_act)

    def forward(self, obs):
        h = F.relu(self.fc1(obs))
        h = F.relu(self.fc2(h))
        return F.tanh(self.fc3(h))
