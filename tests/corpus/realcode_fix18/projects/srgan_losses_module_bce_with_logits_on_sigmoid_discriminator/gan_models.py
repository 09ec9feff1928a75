"""part of positive project [LG003]: the SRGAN discriminator, whose fully connected head ends in nn.Sigmoid."""

# Source: sazidshahjada/SRGAN-Pytorch@cb51fd6413 gan_models.py, fixed in 4f1e9c57d1 (cut, renamed)
import torch
import torch.nn as nn


class Critic(nn.Module):
    def __init__(self):
        super(Critic, self).__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 64, kernel_size=3, stride=1, padding=1),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(64, 128, kernel_size=3, stride=2, padding=1),
            nn.BatchNorm2d(128),
            nn.LeakyReLU(0.2, inplace=True),
        )
        self.head = nn.Sequential(
            nn.Linear(128 * 16 * 16, 1024),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Linear(1024, 1),
            nn.Sigmoid(),
        )

    def forward(self, x):
        x = self.features(x)
        x = nn.functional.adaptive_avg_pool2d(x, (16, 16))
        x = torch.flatten(x, start_dim=1)
        return self.head(x)
