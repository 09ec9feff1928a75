"""positive [LG001]: criterion chosen via a function default argument; the model's forward ends in torch.softmax."""
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset


class MLP(nn.Module):
    def __init__(self, in_features, hidden, n_classes):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(in_features, hidden), nn.GELU(), nn.Linear(hidden, hidden), nn.GELU())
        self.out = nn.Linear(hidden, n_classes)

    def forward(self, x):
        return torch.softmax(self.out(self.body(x)), dim=-1)


def train_one_epoch(model, loader, optimizer, criterion=nn.CrossEntropyLoss(), device="cpu"):
    model.train()
    total, n = 0.0, 0
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        optimizer.zero_grad()
        loss = criterion(model(xb), yb)  # expect: LG001
        loss.backward()
        optimizer.step()
        total += loss.item() * xb.size(0)
        n += xb.size(0)
    return total / n


@torch.no_grad()
def evaluate(model, loader, device="cpu"):
    model.eval()
    hits = 0
    for xb, yb in loader:
        hits += (model(xb.to(device)).argmax(-1) == yb.to(device)).sum().item()
    return hits / len(loader.dataset)


if __name__ == "__main__":
    X = torch.randn(2000, 20)
    y = torch.randint(0, 4, (2000,))
    loader = DataLoader(TensorDataset(X, y), batch_size=64, shuffle=True)
    model = MLP(20, 64, 4)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(10):
        print(epoch, train_one_epoch(model, loader, opt), evaluate(model, loader))
