"""look-alike [LG004, LG003]: non-saturating GAN loss with labels from torch.ones_like / zeros_like of the float discriminator logits."""
import torch
import torch.nn.functional as F


def d_loss_fn(d_real_logits, d_fake_logits):
    real_t = torch.ones_like(d_real_logits)
    fake_t = torch.zeros_like(d_fake_logits)
    return (F.binary_cross_entropy_with_logits(d_real_logits, real_t)
            + F.binary_cross_entropy_with_logits(d_fake_logits, fake_t))


def g_loss_fn(d_fake_logits):
    return F.binary_cross_entropy_with_logits(d_fake_logits, torch.ones_like(d_fake_logits))


def train(G, D, loader, opt_g, opt_d, z_dim, device):
    for real in loader:
        real = real.to(device)
        z = torch.randn(real.size(0), z_dim, device=device)
        fake = G(z)
        opt_d.zero_grad()
        loss_d = d_loss_fn(D(real), D(fake.detach()))
        loss_d.backward()
        opt_d.step()
        opt_g.zero_grad()
        loss_g = g_loss_fn(D(fake))
        loss_g.backward()
        opt_g.step()
