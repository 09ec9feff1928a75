"""positive [LG003]: GAN discriminator class ends in nn.Sigmoid() but training uses BCEWithLogitsLoss for both players."""
import torch
import torch.nn as nn


class Discriminator(nn.Module):
    def __init__(self, img_dim=784):
        super().__init__()
        self.model = nn.Sequential(
            nn.Linear(img_dim, 512), nn.LeakyReLU(0.2),
            nn.Linear(512, 256), nn.LeakyReLU(0.2),
            nn.Linear(256, 1), nn.Sigmoid(),
        )

    def forward(self, img):
        return self.model(img.view(img.size(0), -1))


G = nn.Sequential(nn.Linear(64, 256), nn.ReLU(), nn.Linear(256, 784), nn.Tanh())
D = Discriminator()
loss_fn = nn.BCEWithLogitsLoss()
g_opt = torch.optim.Adam(G.parameters(), lr=2e-4)
d_opt = torch.optim.Adam(D.parameters(), lr=2e-4)


def train_step(real):
    b = real.size(0)
    ones, zeros = torch.ones(b, 1), torch.zeros(b, 1)
    fake = G(torch.randn(b, 64))

    d_opt.zero_grad()
    d_loss = loss_fn(D(real), ones) + loss_fn(D(fake.detach()), zeros)  # expect: LG003
    d_loss.backward()
    d_opt.step()

    g_opt.zero_grad()
    g_loss = loss_fn(D(fake), ones)  # expect: LG003
    g_loss.backward()
    g_opt.step()
    return d_loss.item(), g_loss.item()
