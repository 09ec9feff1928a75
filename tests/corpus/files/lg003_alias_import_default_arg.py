"""positive [LG003]: `from torch.nn import BCEWithLogitsLoss as BCEL` used as a default argument; sigmoid-ending model class."""
import torch
from torch import nn
from torch.nn import BCEWithLogitsLoss as BCEL


class Matcher(nn.Module):
    def __init__(self, dim=128):
        super().__init__()
        self.proj = nn.Linear(dim, dim)
        self.score = nn.Bilinear(dim, dim, 1)

    def forward(self, a, b):
        s = self.score(torch.tanh(self.proj(a)), torch.tanh(self.proj(b)))
        return s.sigmoid()


def train(model, loader, epochs=10, criterion=BCEL()):
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(epochs):
        for a, b, match in loader:
            opt.zero_grad()
            loss = criterion(model(a, b), match)  # expect: LG003
            loss.backward()
            opt.step()
