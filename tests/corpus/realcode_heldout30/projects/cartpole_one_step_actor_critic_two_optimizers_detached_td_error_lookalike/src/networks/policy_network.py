"""part of look-alike project [LG001, LG005, LG006, LG015, LG018]: the discrete policy network: two ReLU layers and a Linear to the actions, F.softmax(dim=-1) in forward; sample_action draws from Categorical(probs) and returns the action, its log-probability and the entropy."""
# Source: Trungsherlock/rl-actor-critic-comparison at 50d47d56, src/networks/policy_network.py; re-typed, identifiers renamed; the continuous (Gaussian) policy cut.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions import Categorical


class DiscretePolicy(nn.Module):
    def __init__(self, state_dim, action_dim, hidden_size=128):
        super(DiscretePolicy, self).__init__()
        self.h1 = nn.Linear(state_dim, hidden_size)
        self.h2 = nn.Linear(hidden_size, hidden_size)
        self.h3 = nn.Linear(hidden_size, action_dim)
        for module in self.modules():
            if isinstance(module, nn.Linear):
                nn.init.xavier_uniform_(module.weight)
                nn.init.zeros_(module.bias)

    def forward(self, state):
        x = F.relu(self.h1(state))
        x = F.relu(self.h2(x))
        logits = self.h3(x)
        return F.softmax(logits, dim=-1)

    def sample_action(self, state):
        probs = self.forward(state)
        dist = Categorical(probs)
        action = dist.sample()
        return action, dist.log_prob(action), dist.entropy()
