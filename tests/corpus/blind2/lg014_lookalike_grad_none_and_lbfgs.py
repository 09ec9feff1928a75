"""look-alike [LG014]: two loops that clear gradients without optimizer.zero_grad(): a helper that sets p.grad = None, and L-BFGS whose closure zeroes gradients."""
import torch
import torch.nn as nn


def reset_grads(params):
    for p in params:
        p.grad = None


def fit_adam(model, loader, epochs=10):
    loss_fn = nn.MSELoss()
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.Adam(params, lr=1e-3)
    for _ in range(epochs):
        for x, y in loader:
            reset_grads(params)
            loss = loss_fn(model(x), y)
            loss.backward()
            opt.step()


def fit_lbfgs(model, x, y, iters=50):
    loss_fn = nn.MSELoss()
    opt = torch.optim.LBFGS(model.parameters(), lr=1.0, history_size=20, line_search_fn="strong_wolfe")
    for _ in range(iters):
        def closure():
            opt.zero_grad()
            loss = loss_fn(model(x), y)
            loss.backward()
            return loss

        opt.step(closure)
