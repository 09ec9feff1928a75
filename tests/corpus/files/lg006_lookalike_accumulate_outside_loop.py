"""look-alike [LG006]: the loss is summed once outside any loop (two terms of one step), not accumulated across iterations."""
import torch
import torch.nn.functional as F


def vae_step(model, x, optimizer, beta=1.0):
    optimizer.zero_grad()
    recon, mu, logvar = model(x)
    total = 0
    total += F.mse_loss(recon, x, reduction="sum") / x.size(0)
    total += beta * (-0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp()) / x.size(0))
    total.backward()
    optimizer.step()
    return total.item()


def train(model, loader, epochs=10):
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(epochs):
        hist = [vae_step(model, x, opt) for x, _ in loader]
        print(epoch, sum(hist) / len(hist))
