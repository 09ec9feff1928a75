"""part of positive project [LG003, LG004]: the DCGAN's discriminator, whose Sequential ends in nn.Sigmoid."""

# Source: Lornatang/DCGAN-PyTorch@6b36b6d83c model.py, fixed in b3153b2c2e (cut, renamed)
import torch.nn as nn


class Generator(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(nn.ConvTranspose2d(100, 64, 4, 1, 0, bias=False), nn.ReLU(True), nn.ConvTranspose2d(64, 3, 5, 3, 1), nn.Tanh())

    def forward(self, inputs):
        return self.main(inputs)


class Discriminator(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(3, 64, 5, 3, 1, bias=False),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(64, 64 * 2, 4, 2, 1, bias=False),
            nn.BatchNorm2d(64 * 2),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(64 * 2, 1, 4, 1, 0, bias=False),
            nn.Sigmoid(),
        )

    def forward(self, inputs):
        outputs = self.main(inputs)
        return outputs.view(-1, 1).squeeze(1)
