"""buggy: tabular binary classifier trained with BCELoss (LG002 bce-on-logits)."""
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

X = torch.randn(2000, 12)
y = (X[:, 0] + 0.5 * X[:, 1] > 0).float()
loader = DataLoader(TensorDataset(X, y), batch_size=64, shuffle=True)


class BinaryMLP(nn.Module):
    def __init__(self, n_in):
        super().__init__()
        self.hidden = nn.Sequential(nn.Linear(n_in, 32), nn.ReLU(), nn.Linear(32, 16), nn.ReLU())
        self.out = nn.Linear(16, 1)

    def forward(self, x):
        return self.out(self.hidden(x)).squeeze(-1)


model = BinaryMLP(12)
criterion = nn.BCELoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

for epoch in range(20):
    for xb, yb in loader:
        optimizer.zero_grad()
        logits = model(xb)
        loss = criterion(logits, yb)  # expect: LG002
        loss.backward()
        optimizer.step()
    print(f"epoch {epoch}: loss {loss.item():.4f}")
