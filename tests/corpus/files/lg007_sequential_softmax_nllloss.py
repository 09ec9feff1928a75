"""positive [LG007]: nn.Sequential ending in nn.Softmax(dim=1) with nn.NLLLoss (LogSoftmax was intended)."""
import torch
from torch import nn

model = nn.Sequential(
    nn.Linear(64, 128), nn.ReLU(),
    nn.Linear(128, 10), nn.Softmax(dim=1),
)
loss_function = nn.NLLLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

for epoch in range(100):
    X = torch.randn(32, 64)
    y = torch.randint(0, 10, (32,))
    optimizer.zero_grad()
    loss = loss_function(model(X), y)  # expect: LG007
    loss.backward()
    optimizer.step()
