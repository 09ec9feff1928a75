"""part of positive project [LG002]: the detector's forward ends in a Linear layer (no sigmoid)."""
import torch.nn as nn


class AnomalyScorer(nn.Module):
    def __init__(self, n_in=64):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(n_in, 128), nn.ReLU(), nn.Linear(128, 1))

    def forward(self, x):
        return self.net(x).squeeze(-1)
