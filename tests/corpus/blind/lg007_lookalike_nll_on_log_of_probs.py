"""look-alike [LG007, LG001]: an ensemble averages softmax probabilities and then takes torch.log before F.nll_loss, so NLLLoss gets log-probabilities."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Ensemble(nn.Module):
    def __init__(self, members):
        super().__init__()
        self.members = nn.ModuleList(members)

    def forward(self, x):
        probs = torch.stack([F.softmax(m(x), dim=-1) for m in self.members]).mean(0)
        return probs


def finetune_ensemble(ens, loader, epochs=3, eps=1e-8):
    opt = torch.optim.SGD(ens.parameters(), lr=1e-3, momentum=0.9)
    for epoch in range(epochs):
        total = 0.0
        for x, y in loader:
            probs = ens(x)
            log_probs = torch.log(probs + eps)
            loss = F.nll_loss(log_probs, y)
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += loss.item()
        print(epoch, total / len(loader))


def make_members(n=5, d=64, c=10):
    return [nn.Sequential(nn.Linear(d, 128), nn.ReLU(), nn.Linear(128, c)) for _ in range(n)]


if __name__ == "__main__":
    ens = Ensemble(make_members())
    print(ens(torch.randn(4, 64)).sum(-1))
