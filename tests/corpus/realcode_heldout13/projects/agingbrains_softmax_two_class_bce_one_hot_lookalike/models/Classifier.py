"""part of look-alike project [LG001, LG002, LG016]: a conv classifier whose nn.Sequential head ends in nn.Softmax(1) over two classes."""
# Source: BlissChapman/AgingBrains@1625f85af8c570351ef4684c2231d5c72214ea39 models/Classifier.py (read as is; re-typed, identifiers renamed; later commits replace the head by a sigmoid MLP)
import torch
from torch import nn
from torch.nn import functional as F


class Classifier(nn.Module):

    def __init__(self, num_classes):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 16, kernel_size=(5, 5), stride=2, padding=2, bias=False),
            nn.BatchNorm2d(16),
            nn.ReLU(),
            nn.Conv2d(16, 32, kernel_size=(5, 5), stride=2, padding=2, bias=False),
            nn.BatchNorm2d(32),
            nn.ReLU(),
            nn.Conv2d(32, 64, kernel_size=(5, 5), stride=2, padding=2, bias=False),
            nn.BatchNorm2d(64),
            nn.ReLU(),
            nn.Conv2d(64, 128, kernel_size=(5, 5), stride=2, padding=2, bias=False),
            nn.BatchNorm2d(128),
            nn.ReLU(),
            nn.Conv2d(128, 256, kernel_size=(5, 5), stride=2, padding=2, bias=False),
            nn.BatchNorm2d(256),
            nn.ReLU()
        )
        self.head = nn.Sequential(
            nn.Linear(256 * 8 * 8, num_classes),
            nn.Softmax(1)
        )

    def forward(self, x):
        h = self.features(x)
        return self.head(h.view(-1, 256 * 8 * 8))
