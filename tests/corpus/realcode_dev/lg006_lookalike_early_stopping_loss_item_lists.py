"""look-alike [LG006, LG001, LG014]: per-batch losses kept as loss.item() floats in lists, averaged with np.average each epoch and handed to an early-stopping check; raw logits into nn.CrossEntropyLoss; zero_grad every batch."""
# Source: https://github.com/Bjarten/early-stopping-pytorch MNIST_Early_Stopping_example.ipynb at
# fbd87a6135820700e27cda3448d5d54dc6fd3b0c; re-typed from the notebook's cells, names changed, reduced. Correct code.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.h1 = nn.Linear(28 * 28, 128)
        self.h2 = nn.Linear(128, 128)
        self.out = nn.Linear(128, 10)
        self.drop = nn.Dropout(0.5)

    def forward(self, x):
        x = x.view(-1, 28 * 28)
        x = self.drop(F.relu(self.h1(x)))
        x = self.drop(F.relu(self.h2(x)))
        return self.out(x)


class Patience:
    def __init__(self, patience):
        self.patience = patience
        self.best = None
        self.bad = 0
        self.stop = False

    def __call__(self, val_loss):
        if self.best is None or val_loss < self.best:
            self.best, self.bad = val_loss, 0
        else:
            self.bad += 1
            self.stop = self.bad >= self.patience


def fit(net, train_loader, val_loader, patience, epochs):
    criterion = nn.CrossEntropyLoss()
    opt = torch.optim.Adam(net.parameters())
    batch_train, batch_val = [], []
    mean_train, mean_val = [], []
    stopper = Patience(patience)
    for epoch in range(1, epochs + 1):
        net.train()
        for x, y in train_loader:
            opt.zero_grad()
            loss = criterion(net(x), y)
            loss.backward()
            opt.step()
            batch_train.append(loss.item())
        net.eval()
        for x, y in val_loader:
            loss = criterion(net(x), y)
            batch_val.append(loss.item())
        tr, va = np.average(batch_train), np.average(batch_val)
        mean_train.append(tr)
        mean_val.append(va)
        batch_train, batch_val = [], []
        stopper(va)
        if stopper.stop:
            break
    return net, mean_train, mean_val
