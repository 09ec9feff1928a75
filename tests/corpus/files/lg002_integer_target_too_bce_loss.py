"""positive [LG002, LG004]: raw Linear logits into BCELoss and a `.long()` target in the same call (fraud-detection script)."""
import numpy as np
import torch
import torch.nn as nn

data = np.load("creditcard.npz")
X = torch.from_numpy(data["X"]).float()
y = torch.from_numpy(data["y"])

model = nn.Sequential(nn.Linear(30, 64), nn.ReLU(), nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 1))
criterion = nn.BCELoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

for epoch in range(20):
    perm = torch.randperm(len(X))
    for start in range(0, len(X), 1024):
        idx = perm[start:start + 1024]
        xb = X[idx]
        yb = y[idx].long().unsqueeze(1)
        optimizer.zero_grad()
        out = model(xb)
        loss = criterion(
            out,  # expect: LG002
            yb,  # expect: LG004
        )
        loss.backward()
        optimizer.step()
    print(f"epoch {epoch}: {loss.item():.5f}")
