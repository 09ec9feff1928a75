"""positive [LG014]: a GAN loop clears only the discriminator's optimizer; the generator's optimizer opt_g steps on gradients that keep adding up, since nothing ever zeroes G's grads."""
import torch
import torch.nn.functional as F


def train(G, D, loader, z_dim=100, epochs=20, device="cuda"):
    opt_g = torch.optim.Adam(G.parameters(), lr=2e-4, betas=(0.5, 0.999))
    opt_d = torch.optim.Adam(D.parameters(), lr=2e-4, betas=(0.5, 0.999))
    for epoch in range(epochs):
        for real, _ in loader:
            real = real.to(device)
            z = torch.randn(real.size(0), z_dim, device=device)
            fake = G(z)

            opt_d.zero_grad()
            d_real = D(real)
            d_fake = D(fake.detach())
            loss_d = F.binary_cross_entropy_with_logits(d_real, torch.ones_like(d_real)) + \
                F.binary_cross_entropy_with_logits(d_fake, torch.zeros_like(d_fake))
            loss_d.backward()
            opt_d.step()

            d_out = D(fake)
            loss_g = F.binary_cross_entropy_with_logits(d_out, torch.ones_like(d_out))
            loss_g.backward()
            opt_g.step()  # expect: LG014
