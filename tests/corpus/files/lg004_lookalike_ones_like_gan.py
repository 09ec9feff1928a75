"""look-alike [LG004, LG005]: GAN labels made with torch.ones_like / torch.zeros_like of the logits (float, same shape)."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def gan_step(G, D, real, opt_g, opt_d, z_dim=64):
    z = torch.randn(real.size(0), z_dim, device=real.device)
    fake = G(z)

    opt_d.zero_grad()
    d_real = D(real)
    d_fake = D(fake.detach())
    d_loss = F.binary_cross_entropy_with_logits(d_real, torch.ones_like(d_real)) + \
        F.binary_cross_entropy_with_logits(d_fake, torch.zeros_like(d_fake))
    d_loss.backward()
    opt_d.step()

    opt_g.zero_grad()
    g_out = D(fake)
    g_loss = F.binary_cross_entropy_with_logits(g_out, torch.ones_like(g_out))
    g_loss.backward()
    opt_g.step()
    return d_loss.item(), g_loss.item()


def train(G, D, loader, epochs=20):
    opt_g = torch.optim.Adam(G.parameters(), lr=2e-4, betas=(0.5, 0.999))
    opt_d = torch.optim.Adam(D.parameters(), lr=2e-4, betas=(0.5, 0.999))
    for epoch in range(epochs):
        for real, _ in loader:
            d, g = gan_step(G, D, real, opt_g, opt_d)
        print(epoch, d, g)
