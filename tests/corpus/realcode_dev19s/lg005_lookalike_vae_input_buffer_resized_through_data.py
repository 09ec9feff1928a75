"""look-alike [LG005]: the (B, 784) input buffer is resized in place through .data to each batch's (B, 1, 28, 28) before the BCELoss of the reconstruction against it."""

# Source: sunshineatnoon/Paper-Implementations@8e2f789 VAE/vae.py (re-typed, renamed, cut to what reaches the loss)
import torch
import torch.nn as nn
import torchvision.datasets as dset
import torchvision.transforms as transforms
from torch.autograd import Variable

batch_size, latent = 64, 20
mnist = dset.MNIST(root="../data/", train=True, download=True, transform=transforms.ToTensor())
loader = torch.utils.data.DataLoader(dataset=mnist, batch_size=batch_size, shuffle=True)


class ConvVAE(nn.Module):
    def __init__(self, n=64):
        super().__init__()
        self.n = n
        self.down = nn.Sequential(nn.Conv2d(1, n, 4, 2, 1), nn.BatchNorm2d(n), nn.LeakyReLU(0.2, True))
        self.to_mu = nn.Linear(n * 14 * 14, latent)
        self.to_logvar = nn.Linear(n * 14 * 14, latent)
        self.expand = nn.Linear(latent, n * 14 * 14)
        self.up = nn.Sequential(nn.ConvTranspose2d(n, 1, 4, 2, 1), nn.Sigmoid())

    def encode(self, x):
        h = self.down(x)
        h = h.view(h.size(0), -1)
        return self.to_mu(h), self.to_logvar(h)

    def decode(self, z):
        h = self.expand(z)
        return self.up(h.view(z.size(0), self.n, 14, 14))

    def forward(self, x):
        mu, logvar = self.encode(x)
        eps = Variable(torch.randn(mu.size()))
        z = eps.mul(logvar.mul(0.5).exp()).add(mu)
        return self.decode(z), mu, logvar


vae = ConvVAE()
recon_loss = nn.BCELoss(reduction="sum")
optimizer = torch.optim.Adam(vae.parameters(), lr=1e-3)

images_buf = torch.Tensor(batch_size, 28 * 28)
images_buf = Variable(images_buf)


def elbo(recon, target, mu, logvar):
    bce = recon_loss(recon, target)
    kld = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
    return bce + kld


def train(epoch):
    vae.train()
    for step, (images, _) in enumerate(loader):
        vae.zero_grad()
        images_buf.data.resize_(images.size()).copy_(images)
        recon, mu, logvar = vae(images_buf)
        loss = elbo(recon, images_buf, mu, logvar)
        loss.backward()
        optimizer.step()
        if step % 100 == 0:
            print(epoch, step, loss.item() / len(images))


for epoch in range(1, 11):
    train(epoch)
