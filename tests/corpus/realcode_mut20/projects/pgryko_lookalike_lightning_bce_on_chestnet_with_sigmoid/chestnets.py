"""part of look-alike project [LG002]: the small chest X-ray net ends in a sigmoid."""

# Source: pgryko/mnist-chest-xray-classification-pytorchlighning-tensorboard@cf85551bb4 src/models/chestnets.py
# (ChestNetS, re-typed; the medium and large nets cut)
# The original: the classifier ends in nn.Sigmoid()
import torch
import torch.nn as nn


class SmallChestNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.model_name = "small"
        self.features = nn.Sequential(
            nn.Conv2d(1, 32, kernel_size=3, padding=1),
            nn.BatchNorm2d(32),
            nn.ReLU(inplace=True),
            nn.MaxPool2d(2, 2),
            nn.Conv2d(32, 64, kernel_size=3, padding=1),
            nn.BatchNorm2d(64),
            nn.ReLU(inplace=True),
            nn.MaxPool2d(2, 2),
        )
        self.classifier = nn.Sequential(
            nn.Dropout(0.5),
            nn.Linear(64 * 16 * 16, 512),
            nn.ReLU(inplace=True),
            nn.Dropout(0.5),
            nn.Linear(512, 14),
            nn.Sigmoid(),
        )

    def forward(self, x):
        x = self.features(x)
        x = torch.flatten(x, 1)
        return self.classifier(x)
