"""positive [LG010]: a sequence-autoencoder library's quick trainer builds MSELoss(size_average=False), the deprecated argument (the fix, "Fix deprecation issue in MSELoss (reduction is the proper keyword)", passes reduction='sum')."""

# Source: shobrook/sequitur@3bcdf1c sequitur/quick_train.py, fixed in 8513abc (cut, renamed)
from statistics import mean

import torch
from torch.nn import MSELoss


def train_model(model, train_set, verbose, lr, epochs):
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    criterion = MSELoss(size_average=False)  # expect: LG010
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
