"""part of look-alike project [LG001, LG005, LG006, LG015, LG018]: the state-value network: two ReLU layers and a Linear to one value, (1, 1) for one state."""
# Source: Trungsherlock/rl-actor-critic-comparison at 50d47d56, src/networks/value_network.py; re-typed, identifiers renamed; the continuous (ELU) variant cut.
import torch.nn as nn
import torch.nn.functional as F


class DiscreteValue(nn.Module):
    def __init__(self, state_dim, hidden_size=128):
        super(DiscreteValue, self).__init__()
        self.h1 = nn.Linear(state_dim, hidden_size)
        self.h2 = nn.Linear(hidden_size, hidden_size)
        self.h3 = nn.Linear(hidden_size, 1)
        for module in self.modules():
            if isinstance(module, nn.Linear):
                nn.init.xavier_uniform_(module.weight)
                nn.init.zeros_(module.bias)

    def forward(self, state):
        x = F.relu(self.h1(state))
        x = F.relu(self.h2(x))
        return self.h3(x)
