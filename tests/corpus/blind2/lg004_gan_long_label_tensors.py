"""positive [LG004]: a GAN with a logit discriminator builds its real/fake labels with dtype=torch.long and passes them to binary_cross_entropy_with_logits."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Critic(nn.Module):
    def __init__(self, img_dim=784):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(img_dim, 512), nn.LeakyReLU(0.2),
            nn.Linear(512, 256), nn.LeakyReLU(0.2),
            nn.Linear(256, 1),
        )

    def forward(self, x):
        return self.net(x.flatten(1))


def train_gan(gen, loader, z_dim=64, epochs=50, device="cuda"):
    disc = Critic().to(device)
    opt_d = torch.optim.Adam(disc.parameters(), lr=2e-4, betas=(0.5, 0.999))
    opt_g = torch.optim.Adam(gen.parameters(), lr=2e-4, betas=(0.5, 0.999))
    for epoch in range(epochs):
        for real, _ in loader:
            real = real.to(device)
            bs = real.shape[0]
            ones = torch.ones(bs, 1, dtype=torch.long, device=device)
            zeros = torch.zeros(bs, 1, dtype=torch.long, device=device)

            fake = gen(torch.randn(bs, z_dim, device=device))
            d_real = disc(real)
            d_fake = disc(fake.detach())
            loss_d = F.binary_cross_entropy_with_logits(d_real, ones) + F.binary_cross_entropy_with_logits(d_fake, zeros)  # expect: LG004
            opt_d.zero_grad()
            loss_d.backward()
            opt_d.step()

            loss_g = F.binary_cross_entropy_with_logits(disc(fake), ones)  # expect: LG004
            opt_g.zero_grad()
            loss_g.backward()
            opt_g.step()
