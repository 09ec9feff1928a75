"""part of positive project [LG001, LG011]: the audio classifier tower, one nn.Sequential per normalisation setting, each ending in nn.Softmax() without dim (the fix splits off the fully connected part and writes nn.Softmax(dim=1); the softmax itself stays, and CrossEntropyLoss still gets probabilities)."""

# Source: interactiveaudiolab/Siamese-Vocal-Imitations@9bbcf7c8d1 models/transfer_learning.py, fixed in a569f9fc5f (cut, renamed)
import torch.nn as nn


class SoundTower(nn.Module):
    def __init__(self, normalization=True):
        super(SoundTower, self).__init__()
        if normalization:
            self.branch = nn.Sequential(
                nn.Conv2d(1, 24, (5, 5)),
                nn.BatchNorm2d(24, momentum=0.01, eps=0.001),
                nn.ReLU(),
                nn.MaxPool2d((2, 4), (2, 4)),
                nn.Conv2d(24, 48, (5, 5)),
                nn.BatchNorm2d(48, momentum=0.01, eps=0.001),
                nn.ReLU(),
                nn.Dropout(p=0.5),
                nn.Linear(48 * 25 * 2, 64),
                nn.ReLU(),
                nn.Dropout(p=0.5),
                nn.Linear(64, 10),
                nn.Softmax(),  # expect: LG011
            )
        else:
            self.branch = nn.Sequential(
                nn.Conv2d(1, 24, (5, 5)),
                nn.ReLU(),
                nn.MaxPool2d((2, 4), (2, 4)),
                nn.Conv2d(24, 48, (5, 5)),
                nn.ReLU(),
                nn.Dropout(p=0.5),
                nn.Linear(48 * 25 * 2, 64),
                nn.ReLU(),
                nn.Dropout(p=0.5),
                nn.Linear(64, 10),
                nn.Softmax(),  # expect: LG011
            )

    def forward(self, x):
        return self.branch(x).view(-1)
