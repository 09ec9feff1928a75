"""look-alike [LG015, LG006]: reduction='none' MSE is used only under no_grad to find the worst-predicted samples; training backpropagates a mean-reduced loss."""
import torch
import torch.nn as nn


class DemandForecaster(nn.Module):
    def __init__(self, n_features=32, horizon=7):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(n_features, 128), nn.ReLU(), nn.Linear(128, horizon))

    def forward(self, x):
        return self.net(x)


def train(model, loader, epochs=50):
    mse = nn.MSELoss()
    opt = torch.optim.Adam(model.parameters(), lr=3e-4)
    for epoch in range(epochs):
        for x, y in loader:
            opt.zero_grad()
            loss = mse(model(x), y)
            loss.backward()
            opt.step()


@torch.no_grad()
def worst_samples(model, loader, k=20):
    per_elem = nn.MSELoss(reduction="none")
    errors = []
    for x, y in loader:
        err = per_elem(model(x), y).mean(dim=1)
        errors.append(err)
    errors = torch.cat(errors)
    return errors.topk(k).indices.tolist()


if __name__ == "__main__":
    m = DemandForecaster()
    data = [(torch.randn(16, 32), torch.randn(16, 7))]
    train(m, data, epochs=1)
    print(worst_samples(m, data, k=3))
