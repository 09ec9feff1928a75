"""part of positive project [LG001]: the model's forward (this file) ends in softmax; train.py feeds it to CrossEntropyLoss."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class FlowerNet(nn.Module):
    def __init__(self, n_classes=102):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.AdaptiveAvgPool2d(4),
        )
        self.classifier = nn.Linear(64 * 16, n_classes)

    def forward(self, x):
        x = torch.flatten(self.features(x), 1)
        return F.softmax(self.classifier(x), dim=1)
