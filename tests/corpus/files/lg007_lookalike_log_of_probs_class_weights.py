"""look-alike [LG007]: torch.log(probs.clamp_min(eps)) are log-probabilities (from a mixture model); F.nll_loss on them is fine."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class MixtureOfExperts(nn.Module):
    def __init__(self, d=128, n_cls=20, k=4):
        super().__init__()
        self.experts = nn.ModuleList([nn.Linear(d, n_cls) for _ in range(k)])
        self.gate = nn.Linear(d, k)

    def forward(self, x):
        gates = F.softmax(self.gate(x), dim=-1)
        expert_probs = torch.stack([F.softmax(e(x), dim=-1) for e in self.experts], dim=1)
        probs = (gates.unsqueeze(-1) * expert_probs).sum(dim=1)
        return torch.log(probs.clamp_min(1e-8))


model = MixtureOfExperts()
opt = torch.optim.Adam(model.parameters(), lr=1e-3)


def train(loader):
    for x, y in loader:
        opt.zero_grad()
        loss = F.nll_loss(model(x), y)
        loss.backward()
        opt.step()
