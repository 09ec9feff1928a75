"""look-alike [LG004]: labels are stored as int64 in the dataset but converted with .float() / .to(logits.dtype) before every BCE call."""
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset

rng = np.random.default_rng(0)
X = torch.tensor(rng.normal(size=(5000, 40)), dtype=torch.float32)
y = torch.tensor(rng.integers(0, 2, size=5000), dtype=torch.long)
loader = DataLoader(TensorDataset(X, y), batch_size=100, shuffle=True)

model = nn.Sequential(nn.Linear(40, 64), nn.ReLU(), nn.Linear(64, 1), nn.Flatten(0))
crit = nn.BCEWithLogitsLoss()
opt = torch.optim.Adam(model.parameters(), lr=1e-3)

for epoch in range(10):
    for xb, yb in loader:
        logits = model(xb)
        main_loss = crit(logits, yb.float())
        weighted = F.binary_cross_entropy_with_logits(logits, yb.to(logits.dtype), pos_weight=torch.tensor(2.0))
        loss = 0.8 * main_loss + 0.2 * weighted
        opt.zero_grad()
        loss.backward()
        opt.step()
    print(epoch, loss.item())

labels_long = torch.randint(0, 2, (16,))
with torch.no_grad():
    probe_logits = model(torch.randn(16, 40))
print(F.binary_cross_entropy_with_logits(probe_logits, labels_long.float()).item())
