"""part of look-alike project [LG001, LG006, LG013]: the MNIST embedding network ends in Linear then BatchNorm1d, a feature vector for the margin head."""
# Source: 4uiiurz1/pytorch-adacos at 35c086cc (read as is), mnist/archs.py; re-typed, identifiers renamed; the
# weight initialisation cut.
from torch import nn

__all__ = ['MNISTNet']


class VGGBlock(nn.Module):
    def __init__(self, cin, cmid, cout):
        super(VGGBlock, self).__init__()
        self.body = nn.Sequential(
            nn.Conv2d(cin, cmid, 3, padding=1), nn.BatchNorm2d(cmid), nn.ReLU(inplace=True),
            nn.Conv2d(cmid, cout, 3, padding=1), nn.BatchNorm2d(cout), nn.ReLU(inplace=True),
        )

    def forward(self, x):
        return self.body(x)


class MNISTNet(nn.Module):
    def __init__(self, args):
        super().__init__()
        self.pool = nn.MaxPool2d((2, 2))
        self.features = nn.Sequential(VGGBlock(1, 16, 16), self.pool, VGGBlock(16, 32, 32), self.pool,
                                      VGGBlock(32, 64, 64), self.pool)
        self.bn1 = nn.BatchNorm2d(64)
        self.drop = nn.Dropout2d(0.5)
        self.fc = nn.Linear(3 * 3 * 64, args.num_features)
        self.bn2 = nn.BatchNorm1d(args.num_features)

    def forward(self, x):
        h = self.drop(self.bn1(self.features(x)))
        h = h.view(h.shape[0], -1)
        return self.bn2(self.fc(h))
