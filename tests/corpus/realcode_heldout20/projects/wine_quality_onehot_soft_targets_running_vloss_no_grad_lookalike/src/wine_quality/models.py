"""part of look-alike project [LG006, LG013, LG001]: the wine-quality MLP ends in nn.Linear(50, 10), ten logits."""
# Source: fidemin/pytorch-practice at 29d6782d (read as is), src/wine_quality/models.py; re-typed, identifiers
# renamed.
from torch import nn


class WineNet(nn.Module):
    def __init__(self):
        super(WineNet, self).__init__()
        self.fc1 = nn.Linear(11, 50)
        self.bn1 = nn.BatchNorm1d(50)
        self.act = nn.ReLU()
        self.drop = nn.Dropout(0.5)
        self.fc2 = nn.Linear(50, 10)

    def forward(self, x):
        return self.fc2(self.drop(self.act(self.bn1(self.fc1(x)))))
