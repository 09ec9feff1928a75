"""buggy: house-price regression with MSELoss (LG005 shape-mismatch)."""
import torch
import torch.nn as nn

torch.manual_seed(0)
X = torch.randn(1000, 6)
y = torch.randn(1000)


class Regressor(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, 32), nn.ReLU(), nn.Linear(32, 1))

    def forward(self, x):
        return self.net(x)


model = Regressor()
criterion = nn.MSELoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)

for epoch in range(200):
    optimizer.zero_grad()
    pred = model(X)
    loss = criterion(pred, y)  # expect: LG005
    loss.backward()
    optimizer.step()
    if epoch % 20 == 0:
        print(f"epoch {epoch}: mse {loss.item():.4f}")
