"""look-alike [LG009]: VAE KL term written by hand (`kl_divergence` helper) and torch.distributions.kl_divergence: no KLDivLoss at all."""
import torch
import torch.nn.functional as F
from torch.distributions import Normal, kl_divergence as dist_kl


def kl_divergence(mu, logvar):
    return -0.5 * torch.mean(torch.sum(1 + logvar - mu.pow(2) - logvar.exp(), dim=1))


def train(vae, loader, optimizer, epochs=10, beta=4.0):
    prior = Normal(0.0, 1.0)
    for epoch in range(epochs):
        for x, _ in loader:
            optimizer.zero_grad()
            recon, mu, logvar = vae(x)
            rec = F.mse_loss(recon, x, reduction="sum") / x.size(0)
            kl_a = kl_divergence(mu, logvar)
            kl_b = dist_kl(Normal(mu, (0.5 * logvar).exp()), prior).sum(1).mean()
            loss = rec + beta * 0.5 * (kl_a + kl_b)
            loss.backward()
            optimizer.step()
