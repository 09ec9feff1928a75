"""part of look-alike project [LG001]: one classifier ends in softmax (used for inference), the other returns logits."""
import torch.nn as nn
import torch.nn.functional as F


class CalibratedNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(32, 10)

    def forward(self, x):
        return F.softmax(self.fc(x), dim=1)


class LogitNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(32, 10)

    def forward(self, x):
        return self.fc(x)
