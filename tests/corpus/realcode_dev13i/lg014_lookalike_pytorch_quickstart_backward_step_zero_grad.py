"""look-alike [LG006, LG014]: the quickstart's loop runs backward(), step(), zero_grad() in that order (questioned in the thread, correct), and prints loss.item()."""
# Source: https://github.com/pytorch/tutorials/issues/3610 (the loop the user quoted from the Quickstart tutorial; re-typed, renamed)
import torch
from torch import nn


def train(dataloader, model, loss_fn, optimizer, device):
    size = len(dataloader.dataset)
    model.train()
    for batch, (X, y) in enumerate(dataloader):
        X, y = X.to(device), y.to(device)
        pred = model(X)
        loss = loss_fn(pred, y)

        loss.backward()
        optimizer.step()
        optimizer.zero_grad()

        if batch % 100 == 0:
            loss, current = loss.item(), (batch + 1) * len(X)
            print(f"loss: {loss:>7f}  [{current:>5d}/{size:>5d}]")


def main(train_loader, device="cpu"):
    model = nn.Sequential(nn.Flatten(), nn.Linear(28 * 28, 512), nn.ReLU(), nn.Linear(512, 10)).to(device)
    loss_fn = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=1e-3)
    for _ in range(5):
        train(train_loader, model, loss_fn, optimizer, device)
