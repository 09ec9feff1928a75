"""look-alike [LG005, LG004]: (N, 1) logits from nn.Linear(64, 1) against view(-1, 1) float targets, and literal (32, 1) vs (32, 1) tensors in a unit-test style check."""
import torch
import torch.nn as nn


class ClickModel(nn.Module):
    def __init__(self, d=40):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(d, 64), nn.ReLU())
        self.head = nn.Linear(64, 1)

    def forward(self, x):
        return self.head(self.body(x))


def sanity_check():
    pred = torch.randn(32, 1)
    target = torch.randn(32, 1)
    mse = nn.MSELoss()(pred, target)
    l1 = nn.L1Loss()(pred.view(-1), target.view(-1))
    assert torch.isfinite(mse) and torch.isfinite(l1)


def train(model, loader, epochs=10):
    crit = nn.BCEWithLogitsLoss()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(epochs):
        for x, clicked in loader:
            logits = model(x)
            target = clicked.float().view(-1, 1)
            loss = crit(logits, target)
            opt.zero_grad()
            loss.backward()
            opt.step()
        print(epoch, loss.item())


if __name__ == "__main__":
    sanity_check()
    print(ClickModel()(torch.randn(4, 40)).shape)
