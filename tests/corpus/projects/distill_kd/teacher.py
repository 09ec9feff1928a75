"""part of positive project [LG008, LG009]: teacher network; nothing to report in this file."""
import torch.nn as nn


class Teacher(nn.Module):
    def __init__(self, n_classes=100):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(512, 1024), nn.ReLU(), nn.Linear(1024, n_classes))

    def forward(self, x):
        return self.net(x)
