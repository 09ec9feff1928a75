"""part of positive project [LG002]: audio tagger whose forward returns the raw output of a Linear layer."""
import torch
import torch.nn as nn


class ConvBlock(nn.Module):
    def __init__(self, c_in, c_out):
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv2d(c_in, c_out, 3, padding=1), nn.BatchNorm2d(c_out), nn.ReLU(),
            nn.Conv2d(c_out, c_out, 3, padding=1), nn.BatchNorm2d(c_out), nn.ReLU(),
            nn.AvgPool2d(2),
        )

    def forward(self, x):
        return self.net(x)


class AudioTagger(nn.Module):
    def __init__(self, n_tags=527):
        super().__init__()
        self.blocks = nn.Sequential(ConvBlock(1, 64), ConvBlock(64, 128), ConvBlock(128, 256))
        self.fc = nn.Linear(256, n_tags)

    def forward(self, mel):
        h = self.blocks(mel.unsqueeze(1))
        h = torch.mean(h, dim=3)
        h, _ = torch.max(h, dim=2)
        return self.fc(h)
