"""positive [LG011]: the NoisyNet A3C actor-critic builds nn.Softmax() without dim for its policy over the actions of a (batch, actions) output (the fix, in a commit titled "Add environment.yml", passes dim=1)."""

# Source: Kaixhin/NoisyNet-A3C@9515cbd8bc model.py, fixed in 1357f8d8a7 (cut, renamed)
import math

import torch
from torch import nn
from torch.nn import Parameter, init
from torch.nn import functional as F


class NoisyLinear(nn.Linear):
    def __init__(self, in_features, out_features, sigma_init=0.017):
        super(NoisyLinear, self).__init__(in_features, out_features, bias=True)
        self.sigma_init = sigma_init
        self.sigma_weight = Parameter(torch.Tensor(out_features, in_features))
        self.sigma_bias = Parameter(torch.Tensor(out_features))
        self.register_buffer("epsilon_weight", torch.zeros(out_features, in_features))
        self.register_buffer("epsilon_bias", torch.zeros(out_features))
        self.reset_parameters()

    def reset_parameters(self):
        if hasattr(self, "sigma_weight"):
            bound = math.sqrt(3 / self.in_features)
            init.uniform_(self.weight, -bound, bound)
            init.uniform_(self.bias, -bound, bound)
            init.constant_(self.sigma_weight, self.sigma_init)
            init.constant_(self.sigma_bias, self.sigma_init)

    def forward(self, x):
        return F.linear(x, self.weight + self.sigma_weight * self.epsilon_weight, self.bias + self.sigma_bias * self.epsilon_bias)


class NoisyActorCritic(nn.Module):
    def __init__(self, state_size, action_size, hidden_size, sigma_init):
        super(NoisyActorCritic, self).__init__()
        self.relu = nn.ReLU(inplace=True)
        self.softmax = nn.Softmax()  # expect: LG011
        self.fc1 = nn.Linear(state_size, hidden_size)
        self.lstm = nn.LSTMCell(hidden_size, hidden_size)
        self.fc_actor = NoisyLinear(hidden_size, action_size, sigma_init=sigma_init)
        self.fc_critic = NoisyLinear(hidden_size, 1, sigma_init=sigma_init)

    def forward(self, x, h):
        x = self.relu(self.fc1(x))
        h = self.lstm(x, h)
        policy = self.softmax(self.fc_actor(h[0])).clamp(max=1 - 1e-20)
        value = self.fc_critic(h[0])
        return policy, value, (h[0], h[1])
