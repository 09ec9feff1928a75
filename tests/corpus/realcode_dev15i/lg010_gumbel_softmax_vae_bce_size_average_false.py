"""positive [LG010]: the Gumbel-softmax VAE's reconstruction term calls F.binary_cross_entropy(..., size_average=False), the deprecated argument (the thread asks why its hand-written KL is negative)."""

# Source: https://github.com/YongfeiYan/Gumbel_Softmax_VAE/issues/8; YongfeiYan/Gumbel_Softmax_VAE@272d6de gumbel_softmax_vae.py (cut, renamed)
import torch
import torch.nn.functional as F
from torch import nn, optim

LATENT, CATS = 30, 10


def relaxed_one_hot(logits, tau):
    noise = -torch.log(-torch.log(torch.rand(logits.size()) + 1e-20) + 1e-20)
    soft = F.softmax((logits + noise) / tau, dim=-1)
    _, idx = soft.max(dim=-1)
    hard = torch.zeros_like(soft).view(-1, soft.size(-1))
    hard.scatter_(1, idx.view(-1, 1), 1)
    hard = (hard.view(*soft.size()) - soft).detach() + soft
    return hard.view(-1, LATENT * CATS)


class CategoricalVAE(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc1 = nn.Linear(784, 512)
        self.enc2 = nn.Linear(512, LATENT * CATS)
        self.dec1 = nn.Linear(LATENT * CATS, 512)
        self.dec2 = nn.Linear(512, 784)

    def decode(self, z):
        return torch.sigmoid(self.dec2(F.relu(self.dec1(z))))

    def forward(self, x, tau):
        q = F.relu(self.enc2(F.relu(self.enc1(x.view(-1, 784)))))
        q_y = q.view(q.size(0), LATENT, CATS)
        z = relaxed_one_hot(q_y, tau)
        return self.decode(z), F.softmax(q_y, dim=-1).reshape(*q.size())


def objective(recon, x, qy):
    rec = F.binary_cross_entropy(recon, x.view(-1, 784), size_average=False) / x.shape[0]  # expect: LG010
    log_ratio = torch.log(qy * CATS + 1e-20)
    kld = torch.sum(qy * log_ratio, dim=-1).mean()
    return rec + kld


def train(model, loader, tau=1.0):
    optimizer = optim.Adam(model.parameters(), lr=1e-3)
    model.train()
    running = 0.0
    for images, _ in loader:
        optimizer.zero_grad()
        recon, qy = model(images, tau)
        loss = objective(recon, images, qy)
        loss.backward()
        running += loss.item() * len(images)
        optimizer.step()
    return running
