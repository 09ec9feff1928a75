"""fixed: linear regression with SGD, the gradients cleared before the forward pass (LG017 zero-grad-between-backward-and-step)."""

import torch
import torch.nn as nn

x = torch.linspace(-1, 1, 200).view(-1, 1)
y = 2.5 * x - 0.7 + 0.1 * torch.randn(200, 1)

model = nn.Linear(1, 1)
criterion = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

for epoch in range(500):
    optimizer.zero_grad()
    pred = model(x)
    loss = criterion(pred, y)
    loss.backward()
    optimizer.step()
    if epoch % 100 == 0:
        w, b = model.weight.item(), model.bias.item()
        print(f"epoch {epoch}: loss {loss.item():.4f} w={w:.3f} b={b:.3f}")

with torch.no_grad():
    test_x = torch.linspace(-1, 1, 5).view(-1, 1)
    print(model(test_x).squeeze(1))
