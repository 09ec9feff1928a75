"""part of positive project [LG001, LG006, LG011]: the network's classifier head ends in nn.Softmax() (no dim), so the class scores it returns are probabilities."""
# Source: samuelyu2002/ImVisible@a463a0a2b1 Model/LYTNet.py (re-typed: the inverted-residual feature layers reduced to two convolutions; the two heads kept; names kept)
import torch.nn as nn


def conv_bn(inp, oup, stride):
    return nn.Sequential(nn.Conv2d(inp, oup, 3, stride, 1, bias=False), nn.BatchNorm2d(oup), nn.ReLU6(inplace=True))


class LYTNet(nn.Module):
    def __init__(self, n_class=5, input_size_x=768, input_size_y=576, width_mult=1.0):
        super(LYTNet, self).__init__()
        self.last_channel = 1280
        self.features = nn.Sequential(conv_bn(3, 32, 2), conv_bn(32, self.last_channel, 2), nn.AdaptiveAvgPool2d(1))
        # classfier section of the network
        self.classifier_light = nn.Sequential(
            nn.Linear(self.last_channel, 160),
            nn.ReLU(inplace=True),
            nn.Dropout(0.2),
            nn.Linear(160, 5),
            nn.Softmax(),  # expect: LG011
        )
        # regression section of the network
        self.classifier_direction = nn.Sequential(
            nn.Linear(self.last_channel, 80),
            nn.ReLU(inplace=True),
            nn.Dropout(0.2),
            nn.Linear(80, 4),
        )

    def forward(self, x):
        x = self.features(x)
        x = x.view(x.size(0), -1)
        x1 = self.classifier_light(x)
        x2 = self.classifier_direction(x)
        return x1, x2
