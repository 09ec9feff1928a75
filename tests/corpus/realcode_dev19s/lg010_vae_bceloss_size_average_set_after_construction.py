"""positive [LG010]: size_average is set as an attribute of a BCELoss already made; torch reads the reduction its constructor fixed, so the VAE's reconstruction term stays a mean against a summed KL term."""

# Source: sunshineatnoon/Paper-Implementations@8e2f789 VAE/vae.py (re-typed, renamed, cut to the loss)
import torch
import torch.nn as nn
import torchvision.datasets as dset
import torchvision.transforms as transforms

mnist = dset.MNIST(root="../data/", train=True, download=True, transform=transforms.ToTensor())
loader = torch.utils.data.DataLoader(dataset=mnist, batch_size=128, shuffle=True)


class DenseVAE(nn.Module):
    def __init__(self, hidden=400, latent=20):
        super().__init__()
        self.enc = nn.Linear(784, hidden)
        self.mu = nn.Linear(hidden, latent)
        self.logvar = nn.Linear(hidden, latent)
        self.dec = nn.Sequential(nn.Linear(latent, hidden), nn.ReLU(), nn.Linear(hidden, 784), nn.Sigmoid())

    def forward(self, x):
        h = torch.relu(self.enc(x))
        mu, logvar = self.mu(h), self.logvar(h)
        z = mu + torch.randn_like(mu) * torch.exp(0.5 * logvar)
        return self.dec(z), mu, logvar


model = DenseVAE()
criterion = nn.BCELoss()
criterion.size_average = False  # expect: LG010
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

for _epoch in range(10):
    for images, _ in loader:
        x = images.view(-1, 784)
        recon, mu, logvar = model(x)
        kld = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
        loss = criterion(recon, x) + kld
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
