"""positive [LG016]: contrastive pair matcher computes F.binary_cross_entropy(logits.sigmoid(), ...) inside its loss helper."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class PairMatcher(nn.Module):
    def __init__(self, dim=256):
        super().__init__()
        self.proj = nn.Linear(dim, dim)
        self.scale = nn.Parameter(torch.tensor(10.0))

    def forward(self, a, b):
        za = F.normalize(self.proj(a), dim=-1)
        zb = F.normalize(self.proj(b), dim=-1)
        return self.scale * (za * zb).sum(-1)


def pair_loss(model, a, b, same):
    logits = model(a, b)
    return F.binary_cross_entropy(logits.sigmoid(), same.float())  # expect: LG016


def train(model, loader, steps=10000):
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    it = iter(loader)
    for step in range(steps):
        try:
            a, b, same = next(it)
        except StopIteration:
            it = iter(loader)
            a, b, same = next(it)
        opt.zero_grad()
        loss = pair_loss(model, a, b, same)
        loss.backward()
        opt.step()
        if step % 500 == 0:
            print(step, loss.item())


if __name__ == "__main__":
    m = PairMatcher()
    print(m(torch.randn(3, 256), torch.randn(3, 256)))
