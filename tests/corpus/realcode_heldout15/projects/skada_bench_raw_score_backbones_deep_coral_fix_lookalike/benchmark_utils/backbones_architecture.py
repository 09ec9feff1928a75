"""part of look-alike project [LG001, LG007]: after the fix both backbones return the raw scores of their last Linear layer."""
# Source: scikit-adaptation/skada-bench at the fix f52dd76 ("Remove logsoftmax at the end of Deep models (#159)"), benchmark_utils/backbones_architecture.py; re-typed, identifiers renamed;
# comments cut.
import torch
from torch import nn


class SmallConvNet(nn.Module):
    def __init__(self, n_classes):
        super().__init__()
        self.convs = nn.ModuleList([
            nn.Conv2d(3, 32, 3, 1),
            nn.ReLU(),
            nn.Conv2d(32, 64, 3, 1),
            nn.ReLU(),
            nn.Dropout(0.25),
        ])
        self.pool = nn.AdaptiveAvgPool2d((1, 1))
        self.feature_layer = nn.Linear(64, 128)
        self.mlp = nn.ModuleList([
            nn.ReLU(),
            nn.Dropout(0.5),
            nn.Linear(128, n_classes),
        ])

    def forward(self, x, sample_weight=None):
        for layer in self.convs:
            x = layer(x)
        x = self.pool(x)
        x = torch.flatten(x, 1)
        x = self.feature_layer(x)
        for layer in self.mlp:
            x = layer(x)
        return x


class SmallMLP(nn.Module):
    def __init__(self, input_dim, n_classes, hidden_dim=64):
        super().__init__()
        self.feature_layer = nn.Linear(input_dim, hidden_dim)
        self.mlp = nn.Sequential(
            nn.ReLU(),
            nn.Dropout(0.5),
            nn.Linear(hidden_dim, n_classes),
        )

    def forward(self, x, sample_weight=None):
        x = self.feature_layer(x)
        x = self.mlp(x)
        return x
