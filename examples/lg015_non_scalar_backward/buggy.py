"""buggy: per-sample weighted classification loss (LG015 non-scalar-backward)."""
import torch
import torch.nn as nn

model = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 3))
criterion = nn.CrossEntropyLoss(reduction="none")
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

for step in range(500):
    x = torch.randn(32, 20)
    y = torch.randint(0, 3, (32,))
    weights = torch.rand(32)
    optimizer.zero_grad()
    per_sample = criterion(model(x), y)
    loss = per_sample * weights
    per_sample.backward()  # expect: LG015
    optimizer.step()
    if step % 100 == 0:
        print(step, loss.mean().item())

@torch.no_grad()
def accuracy(n=1000):
    x = torch.randn(n, 20)
    y = torch.randint(0, 3, (n,))
    return (model(x).argmax(1) == y).float().mean().item()


print("accuracy on fresh data:", accuracy())
