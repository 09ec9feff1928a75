"""part of look-alike project [LG005]: the feature extractor (not the bug)."""
# Source: https://github.com/ZhaoZhibin/UDTL models/cnn_1d.py at 6eefb28eb7ab142e4ca07b88073df579c5387f23; re-typed, reduced.
from torch import nn


class cnn_features(nn.Module):
    def __init__(self, pretrained=False):
        super(cnn_features, self).__init__()
        self.layer1 = nn.Sequential(nn.Conv1d(1, 16, kernel_size=15), nn.BatchNorm1d(16), nn.ReLU(inplace=True))
        self.layer2 = nn.Sequential(nn.AdaptiveMaxPool1d(4))
        self.layer3 = nn.Sequential(nn.Linear(16 * 4, 256), nn.ReLU(inplace=True), nn.Dropout())

    def forward(self, x):
        x = self.layer1(x)
        x = self.layer2(x)
        x = x.view(x.size(0), -1)
        return self.layer3(x)

    def output_num(self):
        return 256
