"""fixed: the same GAN with each optimizer cleared right before its own loss is back-propagated (LG018 step-on-another-networks-gradients)."""

import torch
import torch.nn as nn

torch.manual_seed(0)
G = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 1))
D = nn.Sequential(nn.Linear(1, 16), nn.LeakyReLU(0.2), nn.Linear(16, 1))
bce = nn.BCEWithLogitsLoss()
opt_g = torch.optim.Adam(G.parameters(), lr=1e-3)
opt_d = torch.optim.Adam(D.parameters(), lr=1e-3)
ones, zeros = torch.ones(64, 1), torch.zeros(64, 1)

for step in range(300):
    real = 2.0 + 0.5 * torch.randn(64, 1)
    fake = G(torch.randn(64, 4))
    opt_g.zero_grad()
    g_loss = bce(D(fake), ones)
    g_loss.backward()
    opt_g.step()
    opt_d.zero_grad()
    d_loss = bce(D(real), ones) + bce(D(fake.detach()), zeros)
    d_loss.backward()
    opt_d.step()
    if step % 100 == 0:
        print(f"step {step}: d_loss {d_loss.item():.3f} g_loss {g_loss.item():.3f}")

with torch.no_grad():
    print(G(torch.randn(5, 4)).squeeze(1))
