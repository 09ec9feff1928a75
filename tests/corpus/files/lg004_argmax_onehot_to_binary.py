"""positive [LG004]: one-hot labels collapsed with argmax(dim=1) (int64) and used as a binary target of BCEWithLogitsLoss."""
import torch
import torch.nn as nn


class CatDog(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv2d(3, 16, 3, stride=2), nn.ReLU(),
            nn.Conv2d(16, 32, 3, stride=2), nn.ReLU(),
            nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(32, 1),
        )

    def forward(self, x):
        return self.net(x).flatten()


model = CatDog()
criterion = nn.BCEWithLogitsLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)


def train(loader):
    for images, onehot in loader:
        target = onehot.argmax(dim=1)
        optimizer.zero_grad()
        loss = criterion(model(images), target)  # expect: LG004
        loss.backward()
        optimizer.step()
