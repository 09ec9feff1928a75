"""look-alike [LG004, LG002]: GAN real/fake labels from torch.ones_like / torch.full(..., 0.9) and a (y == 1).float() mask: all float targets for BCEWithLogitsLoss on Linear logits."""
import torch
import torch.nn as nn


class Critic(nn.Module):
    def __init__(self, d=128):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(d, 256), nn.LeakyReLU(0.2), nn.Linear(256, 1))

    def forward(self, x):
        return self.net(x)


def d_step(D, G, real, opt_d, z_dim=64, smooth=0.9):
    bce = nn.BCEWithLogitsLoss()
    z = torch.randn(real.size(0), z_dim)
    fake = G(z).detach()
    d_real = D(real)
    d_fake = D(fake)
    real_t = torch.full((real.size(0), 1), smooth)
    fake_t = torch.zeros_like(d_fake)
    loss = bce(d_real, real_t) + bce(d_fake, fake_t)
    opt_d.zero_grad()
    loss.backward()
    opt_d.step()
    return loss.item()


def g_step(D, G, batch, opt_g, z_dim=64):
    bce = nn.BCEWithLogitsLoss()
    out = D(G(torch.randn(batch, z_dim)))
    loss = bce(out, torch.ones_like(out))
    opt_g.zero_grad()
    loss.backward()
    opt_g.step()
    return loss.item()


def aux_is_real(D, x, y):
    target = (y == 1).float().unsqueeze(1)
    return nn.functional.binary_cross_entropy_with_logits(D(x), target)
