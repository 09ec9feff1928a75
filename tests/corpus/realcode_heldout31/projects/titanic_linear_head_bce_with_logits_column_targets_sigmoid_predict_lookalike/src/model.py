"""part of look-alike project [LG002, LG003, LG004, LG005, LG016]: the Titanic MLP ends in nn.Linear(16, 1), raw scores."""
# Source: srivasd1/titanic-PyTorch-project at d1bfdf1a1208ac860e9fa47c53470289b193069a src/model.py (tabs written as spaces)
import torch.nn as nn


class SurvivalNet(nn.Module):
    def __init__(self, input_size):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(input_size, 32),
            nn.ReLU(),
            nn.Linear(32, 16),
            nn.ReLU(),
            nn.Linear(16, 1),
        )

    def forward(self, x):
        return self.net(x)
