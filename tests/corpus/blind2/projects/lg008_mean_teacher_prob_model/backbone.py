"""part of positive project [LG008]: the classifier's forward returns softmax probabilities (export-friendly)."""
import torch.nn as nn
import torch.nn.functional as F


class WideBasic(nn.Module):
    def __init__(self, c_in, c_out, stride):
        super().__init__()
        self.bn = nn.BatchNorm2d(c_in)
        self.conv = nn.Conv2d(c_in, c_out, 3, stride, 1)
        self.skip = nn.Conv2d(c_in, c_out, 1, stride)

    def forward(self, x):
        return self.conv(F.relu(self.bn(x))) + self.skip(x)


class ProbNet(nn.Module):
    def __init__(self, n_classes=10, width=4):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 16, 3, 1, 1),
            WideBasic(16, 16 * width, 1),
            WideBasic(16 * width, 32 * width, 2),
            WideBasic(32 * width, 64 * width, 2),
            nn.AdaptiveAvgPool2d(1),
            nn.Flatten(),
        )
        self.fc = nn.Linear(64 * width, n_classes)

    def forward(self, x):
        return F.softmax(self.fc(self.features(x)), dim=-1)
