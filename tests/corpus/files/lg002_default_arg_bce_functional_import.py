"""positive [LG002]: `from torch.nn import functional` binary_cross_entropy as a default loss_fn argument, applied to a Linear output."""
import torch
from torch import nn
from torch.nn import functional


class LogReg(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.linear = nn.Linear(d, 1)

    def forward(self, x):
        return self.linear(x)


def fit(model, X, y, loss_fn=functional.binary_cross_entropy, epochs=200, lr=0.1):
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    for epoch in range(epochs):
        opt.zero_grad()
        out = model(X)
        loss = loss_fn(out, y)  # expect: LG002
        loss.backward()
        opt.step()
    return model


if __name__ == "__main__":
    X = torch.randn(400, 5)
    y = (X[:, :1] > 0).float()
    fit(LogReg(5), X, y)
