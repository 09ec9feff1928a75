"""positive [LG011]: the I2A environment model's reward head is an OrderedDict Sequential that ends in nn.Softmax() without dim over five reward bins (the fix, "Resolved Warnings", passes dim=1)."""

# Source: FlorianKlemt/pytorch-latent-i2a@313ea10257 environment_model/mini_pacman/model/env_model.py, fixed in 9ffd6e1e3e (cut, renamed)
from collections import OrderedDict

import torch
import torch.nn as nn
import torch.nn.functional as F


class Flatten(nn.Module):
    def forward(self, x):
        return x.view(x.size(0), -1)


class PacmanEnvironmentModel(nn.Module):
    def __init__(self, obs_shape, num_actions, reward_bins):
        super(PacmanEnvironmentModel, self).__init__()
        self.num_actions = num_actions
        self.reward_bins = torch.FloatTensor(reward_bins)
        channels, width, height = obs_shape
        self.conv1 = nn.Conv2d(channels + num_actions, 64, kernel_size=1, stride=1, padding=0)
        self.block = nn.Sequential(nn.Conv2d(64, 64, kernel_size=3, padding=1), nn.ReLU(), nn.Conv2d(64, 64, kernel_size=3, padding=1), nn.ReLU())
        self.reward_head = nn.Sequential(
            OrderedDict(
                [
                    ("reward_conv1", nn.Conv2d(64, 64, kernel_size=1)),
                    ("reward_relu1", nn.ReLU()),
                    ("flatten", Flatten()),
                    ("reward_fc", nn.Linear(64 * width * height, 5)),
                    ("softmax", nn.Softmax()),  # expect: LG011
                ]
            )
        )
        self.img_head = nn.Sequential(OrderedDict([("conv1", nn.Conv2d(64, channels, kernel_size=1)), ("sigmoid", nn.Sigmoid())]))

    def forward(self, frame, action):
        one_hot = torch.zeros(action.shape[0], self.num_actions)
        one_hot.scatter_(1, action, 1)
        broadcast = one_hot.unsqueeze(-1).unsqueeze(-1).repeat(1, 1, frame.shape[2], frame.shape[3])
        x = F.relu(self.conv1(torch.cat((frame, broadcast), 1)))
        x = self.block(x)
        image_out = self.img_head(x)
        reward_probability = self.reward_head(x)
        reward_out = torch.sum(reward_probability * self.reward_bins, 1)
        return image_out, reward_out
