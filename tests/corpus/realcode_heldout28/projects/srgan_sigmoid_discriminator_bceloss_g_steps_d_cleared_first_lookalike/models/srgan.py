"""part of look-alike project [LG002, LG006, LG016, LG018]: the SRGAN discriminator ends in a Linear layer and returns torch.sigmoid of it from forward, so its outputs are probabilities."""
# Source: Razyehuda/SRGAN at 52e3e72c, models/srgan.py (Discriminator, read as is); re-typed, identifiers renamed; the
# generator's residual blocks and the VGG feature extractor cut (Generator stands for them).
import torch
import torch.nn as nn
import torch.nn.functional as F


class Critic(nn.Module):
    def __init__(self, num_channels=3, base_channels=64):
        super(Critic, self).__init__()

        def block(c_in, c_out, bn=True):
            layers = [nn.Conv2d(c_in, c_out, kernel_size=3, stride=1, padding=1)]
            if bn:
                layers.append(nn.BatchNorm2d(c_out))
            layers.append(nn.LeakyReLU(0.2, inplace=True))
            return nn.Sequential(*layers)

        self.conv1 = nn.Conv2d(num_channels, base_channels, kernel_size=3, stride=1, padding=1)
        self.conv2 = block(base_channels, base_channels, bn=False)
        self.conv3 = block(base_channels, base_channels * 2)
        self.conv4 = block(base_channels * 2, base_channels * 2)
        self.conv5 = block(base_channels * 2, base_channels * 4)
        self.conv6 = block(base_channels * 4, base_channels * 4)
        self.conv7 = block(base_channels * 4, base_channels * 8)
        self.conv8 = block(base_channels * 8, base_channels * 8)
        self.pool = nn.AdaptiveAvgPool2d((4, 4))
        self.fc1 = nn.Linear(base_channels * 8 * 4 * 4, 1024)
        self.fc2 = nn.Linear(1024, 1)

    def forward(self, x):
        out = F.leaky_relu(self.conv1(x), 0.2)
        out = self.conv2(out)
        out = self.conv3(out)
        out = self.conv4(out)
        out = self.conv5(out)
        out = self.conv6(out)
        out = self.conv7(out)
        out = self.conv8(out)
        out = self.pool(out)
        out = out.view(out.size(0), -1)
        out = F.leaky_relu(self.fc1(out), 0.2)
        out = self.fc2(out)
        return torch.sigmoid(out)
