"""positive [LG005]: full-batch tutorial regression: X = torch.randn(500, 8), y = torch.randn(500); model outputs (500, 1); MSELoss broadcasts."""
import torch
import torch.nn as nn

torch.manual_seed(42)
X = torch.randn(500, 8)
true_w = torch.randn(8)
y = X @ true_w + 0.1 * torch.randn(500)
y = y.reshape(500)

model = nn.Sequential(nn.Linear(8, 32), nn.ReLU(), nn.Linear(32, 1))
criterion = nn.MSELoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)

for epoch in range(300):
    optimizer.zero_grad()
    y_pred = model(X)
    loss = criterion(y_pred, y)  # expect: LG005
    loss.backward()
    optimizer.step()
    if epoch % 50 == 0:
        print(f"epoch {epoch}: mse {loss.item():.4f}")
