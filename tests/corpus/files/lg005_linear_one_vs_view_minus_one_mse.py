"""positive [LG005]: house-price regressor: nn.Linear(64, 1) output of shape (N, 1) vs target.view(-1) of shape (N,) in F.mse_loss."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class PriceModel(nn.Module):
    def __init__(self, n_features):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(n_features, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU())
        self.head = nn.Linear(64, 1)

    def forward(self, x):
        return self.head(self.body(x))


def train(model, loader, epochs=100, lr=1e-3):
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    for epoch in range(epochs):
        for batch_x, batch_y in loader:
            pred = model(batch_x)
            target = batch_y.view(-1)
            loss = F.mse_loss(pred, target)  # expect: LG005
            opt.zero_grad()
            loss.backward()
            opt.step()
        if epoch % 10 == 0:
            print(epoch, loss.item())
