"""part of look-alike project [LG002, LG003, LG016]: GAIL's discriminator returns (torch.sigmoid(logits), logits) from a Linear head."""
# Source: RITCHIEHuang/DeepRL_Algorithms@d7c68bd0ddade05836c6c0c031b3ae45e1c8d44b Algorithms/pytorch/Models/Discriminator.py (read as is; re-typed, identifiers renamed)
import torch
import torch.nn as nn


def init_weight(m):
    if isinstance(m, nn.Linear):
        nn.init.xavier_normal_(m.weight)
        nn.init.constant_(m.bias, 0.0)


class Discriminator(nn.Module):
    def __init__(self, dim_state, dim_action, dim_hidden=128, activation=nn.LeakyReLU):
        super(Discriminator, self).__init__()
        self.model = nn.Sequential(
            nn.Linear(dim_state + dim_action, dim_hidden),
            activation(),
            nn.Linear(dim_hidden, dim_hidden),
            activation(),
            nn.Linear(dim_hidden, 1),
        )
        self.model.apply(init_weight)

    def forward(self, state, action):
        sa = torch.cat([state, action], dim=-1)
        logits = self.model(sa)
        prob = torch.sigmoid(logits)
        return prob, logits
