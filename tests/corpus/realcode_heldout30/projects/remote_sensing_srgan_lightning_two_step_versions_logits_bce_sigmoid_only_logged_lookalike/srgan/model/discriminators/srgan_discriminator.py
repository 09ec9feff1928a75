"""part of look-alike project [LG003, LG016, LG017, LG018]: the SRGAN discriminator: strided conv blocks, adaptive pooling, two Linear layers; forward returns the raw (N, 1) score, a logit (no sigmoid)."""
# Source: simon-donike/SISR-RS-SRGAN at b098ea1a, opensr_srgan/model/discriminators/srgan_discriminator.py; re-typed, identifiers renamed; the
# block-construction loop shortened, the docstrings cut.
import torch
import torch.nn as nn


class SRDiscriminator(nn.Module):
    def __init__(self, in_channels=3, n_blocks=8, base=64, fc_size=1024):
        super().__init__()
        layers = []
        ch = in_channels
        out = base
        for i in range(n_blocks):
            out = base * (2 ** (i // 2))
            layers += [nn.Conv2d(ch, out, 3, stride=1 + (i % 2), padding=1), nn.LeakyReLU(0.2)]
            ch = out
        self.convs = nn.Sequential(*layers)
        self.adaptive_pool = nn.AdaptiveAvgPool2d((6, 6))
        self.fc1 = nn.Linear(out * 6 * 6, fc_size)
        self.leaky_relu = nn.LeakyReLU(0.2)
        self.fc2 = nn.Linear(fc_size, 1)

    def forward(self, imgs: torch.Tensor) -> torch.Tensor:
        bs = imgs.size(0)
        feats = self.convs(imgs)
        flat = self.adaptive_pool(feats).view(bs, -1)
        hidden = self.leaky_relu(self.fc1(flat))
        return self.fc2(hidden)
