"""look-alike [LG014]: L-BFGS style training: zero_grad, forward, loss and backward live in the closure passed to optimizer.step(closure)."""
import torch
import torch.nn as nn


class PINN(nn.Module):
    def __init__(self, width=50, depth=4):
        super().__init__()
        layers = [nn.Linear(2, width), nn.Tanh()]
        for _ in range(depth - 1):
            layers += [nn.Linear(width, width), nn.Tanh()]
        layers.append(nn.Linear(width, 1))
        self.net = nn.Sequential(*layers)

    def forward(self, xt):
        return self.net(xt)


def fit(model, xt_data, u_data, iters=500):
    optimizer = torch.optim.LBFGS(model.parameters(), lr=1.0, max_iter=20, line_search_fn="strong_wolfe")
    mse = nn.MSELoss()

    def closure():
        optimizer.zero_grad()
        loss = mse(model(xt_data), u_data)
        loss.backward()
        return loss

    for it in range(iters):
        loss = optimizer.step(closure)
        if it % 50 == 0:
            print(it, loss.item())


if __name__ == "__main__":
    xt = torch.rand(256, 2)
    u = torch.sin(3.14159 * xt[:, :1]) * torch.exp(-xt[:, 1:])
    fit(PINN(), xt, u, iters=2)
