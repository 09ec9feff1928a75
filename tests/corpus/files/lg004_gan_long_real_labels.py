"""positive [LG004]: GAN labels built with torch.ones(..., dtype=torch.long) / torch.zeros(..., dtype=torch.long) for BCEWithLogitsLoss."""
import torch
import torch.nn as nn

G = nn.Sequential(nn.Linear(128, 256), nn.ReLU(), nn.Linear(256, 2))
D = nn.Sequential(nn.Linear(2, 128), nn.LeakyReLU(0.2), nn.Linear(128, 1))
adv = nn.BCEWithLogitsLoss()
opt_g = torch.optim.Adam(G.parameters(), lr=1e-4)
opt_d = torch.optim.Adam(D.parameters(), lr=1e-4)

for it in range(5000):
    real = torch.randn(256, 2) * 0.5 + torch.tensor([2.0, -1.0])
    real_y = torch.ones(256, 1, dtype=torch.long)
    fake_y = torch.zeros(256, 1, dtype=torch.long)
    fake = G(torch.randn(256, 128))

    opt_d.zero_grad()
    d_loss = adv(D(real), real_y) + adv(D(fake.detach()), fake_y)  # expect: LG004
    d_loss.backward()
    opt_d.step()

    opt_g.zero_grad()
    g_loss = adv(D(fake), real_y)  # expect: LG004
    g_loss.backward()
    opt_g.step()
