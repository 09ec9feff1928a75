"""look-alike [LG009, LG016, LG002]: VAE with torch.distributions.kl_divergence (no KLDivLoss) and BCE on a decoder whose forward ends in sigmoid."""
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions import Normal, kl_divergence


class VAE(nn.Module):
    def __init__(self, x_dim=784, h_dim=400, z_dim=20):
        super().__init__()
        self.enc = nn.Linear(x_dim, h_dim)
        self.mu = nn.Linear(h_dim, z_dim)
        self.logvar = nn.Linear(h_dim, z_dim)
        self.dec1 = nn.Linear(z_dim, h_dim)
        self.dec2 = nn.Linear(h_dim, x_dim)

    def encode(self, x):
        h = F.relu(self.enc(x))
        return self.mu(h), self.logvar(h)

    def decode(self, z):
        return torch.sigmoid(self.dec2(F.relu(self.dec1(z))))

    def forward(self, x):
        mu, logvar = self.encode(x.view(-1, 784))
        q = Normal(mu, torch.exp(0.5 * logvar))
        z = q.rsample()
        return self.decode(z), q


def train(model, loader, optimizer, epochs=10, beta=1.0):
    for epoch in range(epochs):
        total = 0.0
        for x, _ in loader:
            recon, q = model(x)
            prior = Normal(torch.zeros_like(q.loc), torch.ones_like(q.scale))
            rec = F.binary_cross_entropy(recon, x.view(-1, 784), reduction="sum")
            kld = kl_divergence(q, prior).sum()
            loss = (rec + beta * kld) / x.size(0)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item()
        print(epoch, total / len(loader))
