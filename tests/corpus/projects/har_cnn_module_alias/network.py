"""part of positive project [LG001]: the activity-recognition CNN's forward ends in F.softmax."""
# Shape of jindongwang/Deep-learning-activity-recognition@5c42f2008ffe0a3ec9067422054bf18ba78c0f92
# pytorch/network.py (reported in that repository's issue #10).
import torch.nn as nn
import torch.nn.functional as F


class Network(nn.Module):
    def __init__(self):
        super(Network, self).__init__()
        self.features = nn.Sequential(
            nn.Conv2d(9, 32, kernel_size=(1, 9)), nn.ReLU(), nn.MaxPool2d(kernel_size=(1, 2), stride=2),
            nn.Conv2d(32, 64, kernel_size=(1, 9)), nn.ReLU(), nn.MaxPool2d(kernel_size=(1, 2), stride=2),
        )
        self.fc1 = nn.Sequential(nn.Linear(64 * 26, 1000), nn.ReLU())
        self.fc2 = nn.Sequential(nn.Linear(1000, 6))

    def forward(self, x):
        out = self.features(x)
        out = out.reshape(-1, 64 * 26)
        out = self.fc2(self.fc1(out))
        out = F.softmax(out, dim=1)
        return out
