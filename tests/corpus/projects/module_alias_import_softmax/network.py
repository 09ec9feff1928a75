"""part of positive project [LG001]: the network ends in softmax."""
import torch.nn as nn


class Network(nn.Module):
    def __init__(self, n_in=784, n_classes=10):
        super().__init__()
        self.layers = nn.Sequential(nn.Linear(n_in, 256), nn.ReLU(), nn.Linear(256, n_classes), nn.Softmax(dim=1))

    def forward(self, x):
        return self.layers(x.view(x.size(0), -1))
