"""look-alike [LG004]: integer labels are converted with `.type_as(logits)`, which takes the logits' float dtype; BCEWithLogitsLoss gets float targets."""
import torch
import torch.nn as nn

model = nn.Sequential(nn.Linear(32, 64), nn.ReLU(), nn.Linear(64, 1))
criterion = nn.BCEWithLogitsLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
x = torch.randn(256, 32)
labels = torch.randint(0, 2, (256, 1))
for epoch in range(5):
    optimizer.zero_grad()
    logits = model(x)
    loss = criterion(logits, labels.type_as(logits))
    loss.backward()
    optimizer.step()
