"""positive [LG005]: toy linear-regression script: nn.Linear(8, 1) predicts (1000, 1) while y = torch.randn(1000) is (1000,), so F.l1_loss broadcasts to (1000, 1000)."""
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(1234)
true_w = torch.randn(8)
X = torch.randn(1000, 8)
y = torch.randn(1000)
y = X @ true_w + 0.1 * y

lin = nn.Linear(8, 1)
optimizer = torch.optim.SGD(lin.parameters(), lr=0.01)

for step in range(2000):
    optimizer.zero_grad()
    y_hat = lin(X)
    loss = F.l1_loss(y_hat, y)  # expect: LG005
    loss.backward()
    optimizer.step()

print("learned", lin.weight.data.view(-1), "true", true_w)
