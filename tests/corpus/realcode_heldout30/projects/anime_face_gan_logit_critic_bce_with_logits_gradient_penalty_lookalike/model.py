"""part of look-alike project [LG003, LG004, LG016, LG017, LG018]: the networks: residual discriminator blocks with LayerNorm ending in nn.Linear(..., 1), so the discriminator returns logits; the generator's residual blocks end in nn.Sigmoid() (image pixels in (0, 1)) and it draws its own noise in forward(B, device)."""
# Source: AIshutin/hse-anime at e2dffb1e, model.py; re-typed, identifiers renamed; the PrintShape debugging module and the __main__ check cut.
import torch
from torch import nn


class DResBlock(nn.Module):
    def __init__(self, in_c, out_c, size) -> None:
        super().__init__()
        self.net = nn.Sequential(
            nn.LayerNorm((in_c, size, size)), nn.LeakyReLU(),
            nn.Conv2d(in_c, out_c, kernel_size=3, padding=1),
            nn.LayerNorm((out_c, size, size)), nn.LeakyReLU(),
            nn.AvgPool2d(2),
            nn.Conv2d(out_c, out_c, kernel_size=3, padding=1))
        self.skip = nn.Sequential(nn.AvgPool2d(2), nn.Conv2d(in_c, out_c, kernel_size=1))

    def forward(self, X):
        return self.net(X) + self.skip(X)


class GResBlock(nn.Module):
    def __init__(self, in_c, out_c) -> None:
        super().__init__()
        self.net = nn.Sequential(
            nn.BatchNorm2d(in_c), nn.LeakyReLU(),
            nn.ConvTranspose2d(in_c, out_c, kernel_size=3, padding=1),
            nn.BatchNorm2d(out_c), nn.LeakyReLU(),
            nn.Conv2d(out_c, out_c, kernel_size=3, padding=1))
        self.skip = nn.Sequential(nn.ConvTranspose2d(in_c, out_c, kernel_size=1))

    def forward(self, X):
        return self.net(X) + self.skip(X)


class Critic(nn.Module):
    def __init__(self, dim=64):
        super().__init__()
        self.backbone = nn.Sequential(
            DResBlock(3, dim, 64), DResBlock(dim, dim * 2, 32), DResBlock(dim * 2, dim * 4, 16),
            DResBlock(dim * 4, dim * 8, 8), DResBlock(dim * 8, dim * 8, 4))
        self.head = nn.Sequential(nn.Linear(dim * 8 * 4, 1))

    def forward(self, X):
        X = self.backbone(X)
        X = X.reshape(X.shape[0], -1)
        return self.head(X)


class Painter(nn.Module):
    def __init__(self, d_image, dim=64) -> None:
        super().__init__()
        self.noise_shape = [dim, d_image, d_image]
        self.net = torch.nn.Sequential(
            GResBlock(dim, 8 * dim), GResBlock(8 * dim, 8 * dim), GResBlock(8 * dim, 8 * dim),
            GResBlock(8 * dim, 8 * dim), nn.BatchNorm2d(8 * dim), nn.LeakyReLU(),
            nn.Conv2d(8 * dim, 3, kernel_size=3, padding=1), nn.Sigmoid())

    def forward(self, B, device):
        noise = torch.randn([B] + self.noise_shape, device=device)
        return self.net(noise)
