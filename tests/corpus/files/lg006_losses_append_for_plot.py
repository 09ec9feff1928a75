"""positive [LG006]: `train_losses.append(loss)` every step to plot a curve with matplotlib at the end."""
import matplotlib.pyplot as plt
import torch
import torch.nn as nn

model = nn.Sequential(nn.Linear(1, 64), nn.Tanh(), nn.Linear(64, 1))
x = torch.linspace(-3, 3, 200).unsqueeze(1)
y = torch.sin(x)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
loss_fn = nn.MSELoss()
train_losses = []

for step in range(2000):
    optimizer.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    optimizer.step()
    train_losses.append(loss)  # expect: LG006

plt.plot([l.item() for l in train_losses])
plt.yscale("log")
plt.savefig("loss.png")
