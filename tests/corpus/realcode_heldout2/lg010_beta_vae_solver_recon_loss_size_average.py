"""positive [LG010]: Beta-VAE's reconstruction_loss calls F.binary_cross_entropy_with_logits (on raw decoder logits, correct) and, for the gaussian decoder, F.sigmoid then F.mse_loss, both with size_average=False."""
# Source: https://github.com/1Konny/Beta-VAE solver.py and model.py at 977a1ece88e190dd8a556b4e2efb665f759d0772;
# re-typed, names changed, reduced.
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.autograd import Variable


def reparametrize(mu, logvar):
    std = logvar.div(2).exp()
    eps = Variable(std.data.new(std.size()).normal_())
    return mu + std * eps


class View(nn.Module):
    def __init__(self, size):
        super(View, self).__init__()
        self.size = size

    def forward(self, tensor):
        return tensor.view(self.size)


class BetaVAE_H(nn.Module):
    def __init__(self, z_dim=10, nc=3):
        super(BetaVAE_H, self).__init__()
        self.z_dim = z_dim
        self.encoder = nn.Sequential(
            nn.Conv2d(nc, 32, 4, 2, 1), nn.ReLU(True),
            nn.Conv2d(32, 64, 4, 2, 1), nn.ReLU(True),
            View((-1, 64 * 16 * 16)), nn.Linear(64 * 16 * 16, z_dim * 2),
        )
        self.decoder = nn.Sequential(
            nn.Linear(z_dim, 64 * 16 * 16), View((-1, 64, 16, 16)), nn.ReLU(True),
            nn.ConvTranspose2d(64, 32, 4, 2, 1), nn.ReLU(True),
            nn.ConvTranspose2d(32, nc, 4, 2, 1),
        )

    def forward(self, x):
        distributions = self.encoder(x)
        mu = distributions[:, : self.z_dim]
        logvar = distributions[:, self.z_dim :]
        z = reparametrize(mu, logvar)
        x_recon = self.decoder(z)
        return x_recon, mu, logvar


def reconstruction_loss(x, x_recon, distribution):
    batch_size = x.size(0)
    assert batch_size != 0
    if distribution == "bernoulli":
        recon_loss = F.binary_cross_entropy_with_logits(x_recon, x, size_average=False).div(batch_size)  # expect: LG010
    elif distribution == "gaussian":
        x_recon = F.sigmoid(x_recon)
        recon_loss = F.mse_loss(x_recon, x, size_average=False).div(batch_size)  # expect: LG010
    else:
        recon_loss = None
    return recon_loss


def kl_divergence(mu, logvar):
    klds = -0.5 * (1 + logvar - mu.pow(2) - logvar.exp())
    total_kld = klds.sum(1).mean(0, True)
    return total_kld, klds.mean(0), klds.mean(1).mean(0, True)


class Solver(object):
    def __init__(self, args, data_loader):
        self.net = BetaVAE_H(args.z_dim, 3)
        self.optim = optim.Adam(self.net.parameters(), lr=args.lr, betas=(args.beta1, args.beta2))
        self.decoder_dist = "bernoulli" if args.dataset == "dsprites" else "gaussian"
        self.beta = args.beta
        self.max_iter = args.max_iter
        self.data_loader = data_loader
        self.global_iter = 0

    def train(self):
        self.net.train()
        out = False
        while not out:
            for x in self.data_loader:
                self.global_iter += 1
                x = Variable(x)
                x_recon, mu, logvar = self.net(x)
                recon_loss = reconstruction_loss(x, x_recon, self.decoder_dist)
                total_kld, dim_wise_kld, mean_kld = kl_divergence(mu, logvar)
                beta_vae_loss = recon_loss + self.beta * total_kld
                self.optim.zero_grad()
                beta_vae_loss.backward()
                self.optim.step()
                if self.global_iter >= self.max_iter:
                    out = True
                    break
