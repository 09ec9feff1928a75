"""part of positive project [LG004]: a stack of Linear layers ending in a sigmoid."""

# Source: Sangmin-Bae/Binary-Classification-with-PyTorch@1d92ceb4ed model/fc_model.py (FullyConnectedClassifier;
# re-typed, two hidden layers cut)
import torch.nn as nn


class FullyConnectedClassifier(nn.Module):
    def __init__(self, input_size, output_size):
        self.input_size = input_size
        self.output_size = output_size
        super().__init__()
        self.layer = nn.Sequential(
            nn.Linear(input_size, 25),
            nn.LeakyReLU(),
            nn.Linear(25, 10),
            nn.LeakyReLU(),
            nn.Linear(10, output_size),
        )
        self.act = nn.Sigmoid()

    def forward(self, x):
        return self.act(self.layer(x))
