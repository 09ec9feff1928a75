"""look-alike [LG014]: a helper `reset_grads(opt)` the reader cannot see clears gradients; LBFGS closure calls zero_grad inside."""
import torch
import torch.nn as nn

from trainutils import reset_grads


def train_adam(model, loader, optimizer):
    for x, y in loader:
        reset_grads(optimizer)
        loss = nn.functional.mse_loss(model(x), y)
        loss.backward()
        optimizer.step()


def train_lbfgs(model, X, y, steps=20):
    optimizer = torch.optim.LBFGS(model.parameters(), lr=1, max_iter=20)
    for _ in range(steps):
        def closure():
            optimizer.zero_grad()
            loss = nn.functional.mse_loss(model(X), y)
            loss.backward()
            return loss
        optimizer.step(closure)
