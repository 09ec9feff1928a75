"""positive [LG003]: model's forward ends in torch.sigmoid; train loop uses BCEWithLogitsLoss(pos_weight=...)."""
import torch
import torch.nn as nn


class FraudMLP(nn.Module):
    def __init__(self, n_features=29):
        super().__init__()
        self.hidden = nn.Sequential(nn.Linear(n_features, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU())
        self.out = nn.Linear(64, 1)

    def forward(self, x):
        return torch.sigmoid(self.out(self.hidden(x)))


model = FraudMLP()
criterion = nn.BCEWithLogitsLoss(pos_weight=torch.tensor([577.0]))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)


def train(loader, epochs=10):
    for epoch in range(epochs):
        epoch_loss = 0.0
        for xb, yb in loader:
            optimizer.zero_grad()
            out = model(xb)
            loss = criterion(out, yb.unsqueeze(1).float())  # expect: LG003
            loss.backward()
            optimizer.step()
            epoch_loss += loss.item()
        print(f"{epoch}: {epoch_loss / len(loader):.4f}")
