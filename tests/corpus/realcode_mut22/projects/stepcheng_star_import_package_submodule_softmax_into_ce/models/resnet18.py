"""part of positive project [LG001]: another network of the package, ending in its Linear layer."""

# Source: step-cheng/CIFAR10-pytorch@16f64129f4 models/resnet18.py (re-typed; the residual blocks cut to one stage)
from torch import nn


class ResNet18(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(3, 64, 3, padding=1, bias=False), nn.BatchNorm2d(64), nn.ReLU())
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(64, num_classes)

    def forward(self, x):
        return self.fc(self.pool(self.stem(x)).flatten(1))
