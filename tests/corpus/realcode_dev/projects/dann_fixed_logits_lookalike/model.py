"""part of look-alike project [LG001, LG011]: the fixed DANN classifier and domain discriminator return their Linear outputs."""
# Source: https://github.com/NaJaeMin92/pytorch-DANN model.py at
# a70cf59fce69957751bce1e7c1271382e2dee934 (the fix of issue #7: both softmaxes removed); re-typed, names changed,
# reduced. Correct code.
import torch.nn as nn
import torch.nn.functional as F
from utils import ReverseLayerF


class Extractor(nn.Module):
    def __init__(self):
        super(Extractor, self).__init__()
        self.extractor = nn.Sequential(
            nn.Conv2d(in_channels=3, out_channels=32, kernel_size=5, padding=2), nn.ReLU(), nn.MaxPool2d(kernel_size=2),
            nn.Conv2d(in_channels=32, out_channels=48, kernel_size=5, padding=2), nn.ReLU(), nn.MaxPool2d(kernel_size=2),
        )

    def forward(self, x):
        x = self.extractor(x)
        x = x.view(-1, 3 * 28 * 28)
        return x


class Classifier(nn.Module):
    def __init__(self):
        super(Classifier, self).__init__()
        self.classifier = nn.Sequential(
            nn.Linear(in_features=3 * 28 * 28, out_features=100), nn.ReLU(),
            nn.Linear(in_features=100, out_features=10),
        )

    def forward(self, x):
        x = self.classifier(x)
        return x


class Discriminator(nn.Module):
    def __init__(self):
        super(Discriminator, self).__init__()
        self.discriminator = nn.Sequential(
            nn.Linear(in_features=3 * 28 * 28, out_features=100), nn.ReLU(),
            nn.Linear(in_features=100, out_features=2),
        )

    def forward(self, input_feature, alpha):
        reversed_input = ReverseLayerF.apply(input_feature, alpha)
        x = self.discriminator(reversed_input)
        return x
