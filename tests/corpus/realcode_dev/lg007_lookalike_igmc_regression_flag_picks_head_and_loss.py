"""look-alike [LG007]: one `regression` flag picks both the model's head (a raw rating slice, or log_softmax over the classes) and the loss (mse_loss, or nll_loss); every call trains with regression=True, so nll_loss never meets the raw output."""
# Source: https://github.com/muhanzhang/IGMC train_eval.py (train, eval_loss) and models.py (GNN.forward) at
# 5fa0e3cb1bdc46ffcb97fa6e0249a553e2e0b438 (a false alarm of the round-21 survey); re-typed, names changed,
# reduced to one file.
import torch
import torch.nn as nn
import torch.nn.functional as F


class RatingGNN(nn.Module):
    def __init__(self, hidden=32, regression=False):
        super().__init__()
        self.regression = regression
        self.lin1 = nn.Linear(16, hidden)
        if self.regression:
            self.lin2 = nn.Linear(hidden, 1)
        else:
            self.lin2 = nn.Linear(hidden, 5)

    def forward(self, x):
        x = F.relu(self.lin1(x))
        x = self.lin2(x)
        if self.regression:
            return x[:, 0]
        else:
            return F.log_softmax(x, dim=-1)


def train(model, optimizer, loader, regression=False):
    model.train()
    for x, y in loader:
        optimizer.zero_grad()
        out = model(x)
        if regression:
            loss = F.mse_loss(out, y)
        else:
            loss = F.nll_loss(out, y)
        loss.backward()
        optimizer.step()


def run(model, optimizer, loader, epochs):
    for epoch in range(epochs):
        train(model, optimizer, loader, regression=True)

def main():
    model = RatingGNN(regression=True)
    optimizer = torch.optim.Adam(model.parameters())
    loader = [(torch.randn(4, 16), torch.randn(4))]
    run(model, optimizer, loader, 3)


if __name__ == "__main__":
    main()
