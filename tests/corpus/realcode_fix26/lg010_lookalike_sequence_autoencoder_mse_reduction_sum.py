"""look-alike [LG010]: the same trainer at the fix: MSELoss(reduction='sum')."""

# Source: shobrook/sequitur@8513abc sequitur/quick_train.py (the fix commit; cut, renamed)
from statistics import mean

import torch
from torch.nn import MSELoss


def train_model(model, train_set, verbose, lr, epochs):
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    criterion = MSELoss(reduction="sum")
    mean_losses = []
    for epoch in range(1, epochs + 1):
        model.train()
        losses = []
        for x in train_set:
            optimizer.zero_grad()
            x_prime = model(x)
            loss = criterion(x_prime, x)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
        mean_loss = mean(losses)
        mean_losses.append(mean_loss)
        if verbose:
            print(f"Epoch: {epoch}, Loss: {mean_loss}")
    return mean_losses
