"""look-alike [LG002, LG005, LG016]: nn.Sequential ending in nn.Sigmoid() into nn.BCELoss, literal data of matching shapes (N, 1)."""
import torch
import torch.nn as nn

torch.manual_seed(0)
X = torch.randn(1000, 2)
y = (X[:, 0] * X[:, 1] > 0).float().unsqueeze(1)

model = nn.Sequential(
    nn.Linear(2, 16),
    nn.Tanh(),
    nn.Linear(16, 16),
    nn.Tanh(),
    nn.Linear(16, 1),
    nn.Sigmoid(),
)
criterion = nn.BCELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.5)

for epoch in range(2000):
    optimizer.zero_grad()
    out = model(X)
    loss = criterion(out, y)
    loss.backward()
    optimizer.step()
    if epoch % 200 == 0:
        acc = ((out > 0.5).float() == y).float().mean()
        print(f"{epoch:4d} loss={loss.item():.4f} acc={acc.item():.3f}")
