"""look-alike [LG005, LG004]: BCEWithLogits on (N, 1) logits with target.unsqueeze(1).float() from the loader."""
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.l1 = nn.Linear(d, 32)
        self.l2 = nn.Linear(32, 1)

    def forward(self, x):
        return self.l2(torch.relu(self.l1(x)))


def train(model, loader, epochs=10):
    criterion = nn.BCEWithLogitsLoss()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(epochs):
        for xb, yb in loader:
            opt.zero_grad()
            loss = criterion(model(xb), yb.unsqueeze(1).float())
            loss.backward()
            opt.step()
