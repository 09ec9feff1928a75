"""look-alike [LG007]: one `regression` flag picks both the model's head (a raw rating slice, or log_softmax over the classes) and the loss (mse_loss, or nll_loss); every call trains with regression=True, so nll_loss never meets the raw output."""
# Source: https://github.com/muhanzhang/IGMC train_eval.py (train, eval_loss, train_multiple_epochs) and models.py (GNN.forward) at
# 5fa0e3cb1bdc46ffcb97fa6e0249a553e2e0b438 (a false alarm of the round-21 survey); re-typed, names changed,
# reduced to one file.
import torch
import torch.nn as nn
import torch.nn.functional as F


class RatingGNN(nn.Module):
    def __init__(self, latent_dim=32, regression=False):
        super().__init__()
        self.regression = regression
        self.lin1 = nn.Linear(16, latent_dim)
        if self.regression:
            self.lin2 = nn.Linear(latent_dim, 1)
        else:
            self.lin2 = nn.Linear(latent_dim, 5)

    def forward(self, data):
        h = F.relu(self.lin1(data))
        h = self.lin2(h)
        if self.regression:
            return h[:, 0]
        else:
            return F.log_softmax(h, dim=-1)


def train(model, opt, batches, regression=False):
    model.train()
    for data, target in batches:
        opt.zero_grad()
        pred = model(data)
        if regression:
            loss = F.mse_loss(pred, target)
        else:
            loss = F.nll_loss(pred, target)
        loss.backward()
        opt.step()


def eval_loss(model, batches, regression=False):
    model.eval()
    total = 0.0
    for data, target in batches:
        with torch.no_grad():
            pred = model(data)
        if regression:
            total += F.mse_loss(pred, target, reduction="sum").item()
        else:
            total += F.nll_loss(pred, target, reduction="sum").item()
    return total / len(batches)


def train_epochs(model, opt, batches, epochs):
    for _ in range(epochs):
        train(model, opt, batches, regression=True)
        eval_loss(model, batches, True)


def main():
    model = RatingGNN(regression=True)
    opt = torch.optim.Adam(model.parameters())
    batches = [(torch.randn(4, 16), torch.randn(4))]
    train_epochs(model, opt, batches, 3)


if __name__ == "__main__":
    main()
