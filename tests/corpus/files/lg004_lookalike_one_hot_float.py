"""look-alike [LG004]: F.one_hot(y, C).float() as a multi-label style target for BCEWithLogitsLoss (one-vs-rest training)."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class OvRClassifier(nn.Module):
    def __init__(self, d_in, n_classes):
        super().__init__()
        self.n_classes = n_classes
        self.net = nn.Sequential(nn.Linear(d_in, 256), nn.ReLU(), nn.Linear(256, n_classes))

    def forward(self, x):
        return self.net(x)


def train(model, loader, epochs=10):
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    criterion = nn.BCEWithLogitsLoss()
    for epoch in range(epochs):
        for x, y in loader:
            target = F.one_hot(y, num_classes=model.n_classes).float()
            optimizer.zero_grad()
            loss = criterion(model(x), target)
            loss.backward()
            optimizer.step()
