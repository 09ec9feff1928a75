"""part of positive project [LG001, LG011]: the ADDA critic is an nn.Sequential of Linear/ReLU layers ending in nn.LogSoftmax() without dim: it returns log-probabilities."""
# Source: corenel/pytorch-adda@96f2689dd418ef275fcd0b057e5dff89be5762c5 models/discriminator.py (read as is; its issue #19 asks about the critic's zero_grad; re-typed, identifiers renamed)
from torch import nn


class Discriminator(nn.Module):

    def __init__(self, input_dims, hidden_dims, output_dims):
        super(Discriminator, self).__init__()
        self.restored = False
        self.layer = nn.Sequential(
            nn.Linear(input_dims, hidden_dims),
            nn.ReLU(),
            nn.Linear(hidden_dims, hidden_dims),
            nn.ReLU(),
            nn.Linear(hidden_dims, output_dims),
            nn.LogSoftmax()  # expect: LG011
        )

    def forward(self, x):
        return self.layer(x)
