"""look-alike [LG005]: full-batch regression with the target reshaped to (500, 1) to match the (500, 1) prediction."""
import torch
import torch.nn as nn

X = torch.randn(500, 8)
y = torch.randn(500).view(-1, 1)

model = nn.Sequential(nn.Linear(8, 32), nn.ReLU(), nn.Linear(32, 1))
criterion = nn.MSELoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)

for epoch in range(300):
    optimizer.zero_grad()
    loss = criterion(model(X), y)
    loss.backward()
    optimizer.step()
    if epoch % 50 == 0:
        print(epoch, loss.item())

with torch.no_grad():
    residual = (model(X) - y).abs().mean()
print("MAE", residual.item())
