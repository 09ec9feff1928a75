"""part of positive project [LG003, LG004]: the 64x64 DCGAN's discriminator ends in nn.Sigmoid (its forward flattens the score)."""

# Source: Lornatang/Deep-learning-with-cartoon@e241933a69 model/dcgan_64x64.py, fixed in f840084441 (cut, renamed)
import torch.nn as nn


class Generator(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.ConvTranspose2d(100, 64 * 8, 4, 1, 0, bias=False), nn.ReLU(True), nn.ConvTranspose2d(64 * 8, 3, 4, 2, 1), nn.Tanh()
        )

    def forward(self, inputs):
        return self.main(inputs)


class Discriminator(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(3, 64, 4, 2, 1, bias=False),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(64, 64 * 8, 4, 2, 1, bias=False),
            nn.BatchNorm2d(64 * 8),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(64 * 8, 1, 4, 1, 0, bias=False),
            nn.Sigmoid(),
        )

    def forward(self, inputs):
        outputs = self.main(inputs)
        return outputs.view(-1, 1).squeeze(1)
