"""positive [LG005]: tutorial toy regression: X = torch.randn(200, 3), y = torch.randn(200) and nn.Linear(3, 1) output (200, 1) go to F.mse_loss."""
import matplotlib.pyplot as plt
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)

# synthetic data: y = 2*x0 - 3*x1 + 0.5*x2 + noise
X = torch.randn(200, 3)
true_w = torch.tensor([2.0, -3.0, 0.5])
y = torch.randn(200)
y.mul_(0.1).add_(X @ true_w)

model = nn.Linear(3, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)

history = []
for step in range(300):
    optimizer.zero_grad()
    y_hat = model(X)
    loss = F.mse_loss(y_hat, y)  # expect: LG005
    loss.backward()
    optimizer.step()
    history.append(loss.item())

print("learned weights:", model.weight.data, "bias:", model.bias.data)
plt.plot(history)
plt.xlabel("step")
plt.ylabel("MSE")
plt.title("Linear regression with torch")
plt.savefig("loss.png")
