"""positive [LG014]: beginner regression loop calls loss.backward() and optimizer.step() every batch but never clears the gradients."""
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(1)
X = torch.linspace(-3, 3, 1000).unsqueeze(1)
Y = torch.sin(X) + 0.1 * torch.randn(1000, 1)
loader = DataLoader(TensorDataset(X, Y), batch_size=50, shuffle=True)

net = nn.Sequential(nn.Linear(1, 32), nn.Tanh(), nn.Linear(32, 32), nn.Tanh(), nn.Linear(32, 1))
loss_func = nn.MSELoss()
optimizer = torch.optim.SGD(net.parameters(), lr=0.01)

for epoch in range(200):
    epoch_loss = 0.0
    for bx, by in loader:
        prediction = net(bx)
        loss = loss_func(prediction, by)
        loss.backward()
        optimizer.step()  # expect: LG014
        epoch_loss += loss.item()
    if epoch % 20 == 0:
        print(f"epoch {epoch}: {epoch_loss / len(loader):.5f}")

with torch.no_grad():
    print(net(torch.tensor([[0.5]])).item(), torch.sin(torch.tensor(0.5)).item())
