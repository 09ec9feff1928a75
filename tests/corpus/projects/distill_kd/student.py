"""part of positive project [LG008, LG009]: student network whose forward returns softmax probabilities (used as KLDiv input in distill.py)."""
import torch
import torch.nn as nn


class Student(nn.Module):
    def __init__(self, n_classes=100, T=4.0):
        super().__init__()
        self.T = T
        self.net = nn.Sequential(nn.Linear(512, 128), nn.ReLU(), nn.Linear(128, n_classes))

    def forward(self, x):
        return torch.softmax(self.net(x) / self.T, dim=-1)
