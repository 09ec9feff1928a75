"""positive [LG006]: each step's loss is appended to a list and only `losses[-1]` is back-propagated; every earlier graph stays in the list."""
import torch
import torch.nn as nn

criterion = nn.MSELoss()
model = nn.Linear(16, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
losses = []
for step, (x, y) in enumerate(loader):
    optimizer.zero_grad()
    losses.append(criterion(model(x), y))  # expect: LG006
    losses[-1].backward()
    optimizer.step()
print(sum(l.item() for l in losses) / len(losses))
