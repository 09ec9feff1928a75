"""part of positive project [LG010]: Deep CORAL: a shared AlexNet and a linear head score both domains, and the CORAL term compares the two covariance matrices."""
# Source: SSARCandy/DeepCORAL at 200f7c86 (read as is; "fix loss (close #16)"), models.py; re-typed, identifiers renamed; the AlexNet
# feature stack shortened.
import torch
import torch.nn as nn


def coral(source, target):
    d = source.data.shape[1]
    xm = torch.mean(source, 0, keepdim=True) - source
    xc = xm.t() @ xm
    xmt = torch.mean(target, 0, keepdim=True) - target
    xct = xmt.t() @ xmt
    loss = torch.mean(torch.mul((xc - xct), (xc - xct)))
    return loss / (4 * d * d)


class CoralNet(nn.Module):
    def __init__(self, num_classes=1000):
        super(CoralNet, self).__init__()
        self.shared = AlexNetFeatures()
        self.fc = nn.Linear(4096, num_classes)
        self.fc.weight.data.normal_(0, 0.005)

    def forward(self, source, target):
        source = self.fc(self.shared(source))
        target = self.fc(self.shared(target))
        return source, target


class AlexNetFeatures(nn.Module):
    def __init__(self):
        super(AlexNetFeatures, self).__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 64, kernel_size=11, stride=4, padding=2), nn.ReLU(inplace=True),
            nn.MaxPool2d(kernel_size=3, stride=2),
            nn.Conv2d(64, 192, kernel_size=5, padding=2), nn.ReLU(inplace=True),
            nn.MaxPool2d(kernel_size=3, stride=2),
            nn.Conv2d(192, 384, kernel_size=3, padding=1), nn.ReLU(inplace=True),
            nn.Conv2d(384, 256, kernel_size=3, padding=1), nn.ReLU(inplace=True),
            nn.Conv2d(256, 256, kernel_size=3, padding=1), nn.ReLU(inplace=True),
            nn.MaxPool2d(kernel_size=3, stride=2),
        )
        self.classifier = nn.Sequential(
            nn.Dropout(), nn.Linear(256 * 6 * 6, 4096), nn.ReLU(inplace=True),
            nn.Dropout(), nn.Linear(4096, 4096), nn.ReLU(inplace=True),
        )

    def forward(self, x):
        x = self.features(x)
        x = x.view(x.size(0), 256 * 6 * 6)
        return self.classifier(x)
