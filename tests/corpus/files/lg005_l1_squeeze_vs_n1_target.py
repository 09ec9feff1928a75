"""positive [LG005]: age regression: pred.squeeze() gives (32,), target is torch.randn(32, 1) (N, 1) in nn.L1Loss."""
import torch
import torch.nn as nn

backbone = nn.Sequential(
    nn.Conv2d(3, 32, 3, stride=2), nn.ReLU(),
    nn.Conv2d(32, 64, 3, stride=2), nn.ReLU(),
    nn.AdaptiveAvgPool2d(1), nn.Flatten(),
)
regressor = nn.Linear(64, 1)
params = list(backbone.parameters()) + list(regressor.parameters())
optimizer = torch.optim.Adam(params, lr=1e-3)
l1 = nn.L1Loss()

for step in range(1000):
    faces = torch.randn(32, 3, 96, 96)
    ages = torch.randn(32, 1) * 10 + 35
    optimizer.zero_grad()
    feats = backbone(faces).view(32, 64)
    pred = regressor(feats).squeeze()
    loss = l1(pred, ages)  # expect: LG005
    loss.backward()
    optimizer.step()
