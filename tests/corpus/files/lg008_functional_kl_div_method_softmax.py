"""positive [LG008]: label-distribution learning: model forward ends in .softmax(-1); F.kl_div(..., reduction='batchmean') gets probabilities."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class AgeDistribution(nn.Module):
    def __init__(self, n_bins=101):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(3, 32, 3, 2), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten())
        self.fc = nn.Linear(32, n_bins)

    def forward(self, x):
        return self.fc(self.features(x)).softmax(-1)


def train(model, loader, epochs=10):
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(epochs):
        for img, label_dist in loader:
            opt.zero_grad()
            pred = model(img)
            loss = F.kl_div(pred, label_dist, reduction="batchmean")  # expect: LG008
            loss.backward()
            opt.step()
