"""positive [LG004]: the real and fake targets are `torch.full(..., 1)` and `torch.full(..., 0)` of integer labels, so they are int64 tensors; BCELoss refuses a Long target."""
# Source: SeungminHwang/CS492-MLCV@ff7a655 coursework2/src/DCGAN/train.py (cut, renamed)
import torch
import torch.nn as nn


class Gen(nn.Module):
    def __init__(self, nz=100):
        super().__init__()
        self.net = nn.Sequential(nn.ConvTranspose2d(nz, 64, 7), nn.ReLU(), nn.ConvTranspose2d(64, 1, 4, 2, 1), nn.Tanh())

    def forward(self, z):
        return self.net(z)


class Disc(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Conv2d(1, 64, 4, 2, 1), nn.LeakyReLU(0.2), nn.Flatten(), nn.Linear(64 * 14 * 14, 1), nn.Sigmoid())

    def forward(self, x):
        return self.net(x)


def train(loader, epochs=20, device="cpu"):
    gen, disc = Gen().to(device), Disc().to(device)
    criterion = nn.BCELoss()
    opt_d = torch.optim.Adam(disc.parameters(), lr=2e-4, betas=(0.5, 0.999))
    opt_g = torch.optim.Adam(gen.parameters(), lr=2e-4, betas=(0.5, 0.999))
    real_label = 1
    fake_label = 0
    for epoch in range(epochs):
        for images, _ in loader:
            disc.zero_grad()
            n = images.size(0)
            real_target = torch.full((n, 1), real_label).to(device)
            fake_target = torch.full((n, 1), fake_label).to(device)
            fake = gen(torch.randn(n, 100, 1, 1, device=device))
            d_real = criterion(disc(images.to(device)), real_target)  # expect: LG004
            d_real.backward()
            d_fake = criterion(disc(fake.detach()), fake_target)  # expect: LG004
            d_fake.backward()
            opt_d.step()
            gen.zero_grad()
            g_loss = criterion(disc(fake), real_target)  # expect: LG004
            g_loss.backward()
            opt_g.step()
