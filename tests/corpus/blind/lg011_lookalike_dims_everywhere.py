"""look-alike [LG011, LG001]: every softmax names its axis (positional dim, keyword dim, tensor method, nn.Softmax(1), nn.LogSoftmax(dim=-1)); softmax feeds metrics and an NLLLoss only."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class PointerHead(nn.Module):
    def __init__(self, d=64):
        super().__init__()
        self.score = nn.Linear(d, 1)
        self.norm = nn.Softmax(1)
        self.log_norm = nn.LogSoftmax(dim=-1)

    def forward(self, h):
        s = self.score(h).squeeze(-1)
        return self.log_norm(s), self.norm(s)


def pool(h, scores):
    weights = F.softmax(scores, -1)
    return (weights.unsqueeze(-1) * h).sum(1)


def train(model, loader, epochs=3):
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    nll = nn.NLLLoss()
    for epoch in range(epochs):
        for h, pos in loader:
            log_p, p = model(h)
            loss = nll(log_p, pos)
            opt.zero_grad()
            loss.backward()
            opt.step()
            entropy = -(p * p.clamp_min(1e-9).log()).sum(-1).mean()
            conf = log_p.softmax(dim=-1).max(-1).values.mean()
            summary = pool(h, log_p.detach())
        print(epoch, loss.item(), entropy.item(), conf.item(), summary.shape)


if __name__ == "__main__":
    m = PointerHead()
    print(m(torch.randn(2, 7, 64))[0].shape)
