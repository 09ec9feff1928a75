"""positive [LG002]: binary classifier class whose forward ends in nn.Linear(…, 1) trained with nn.BCELoss."""
import pandas as pd
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.preprocessing import StandardScaler

df = pd.read_csv("heart.csv")
features = StandardScaler().fit_transform(df.drop(columns=["target"]).values)
X = torch.tensor(features, dtype=torch.float32)
y = torch.tensor(df["target"].values, dtype=torch.float32)
loader = DataLoader(TensorDataset(X, y), batch_size=32, shuffle=True)


class HeartNet(nn.Module):
    def __init__(self, n_in):
        super().__init__()
        self.fc1 = nn.Linear(n_in, 64)
        self.fc2 = nn.Linear(64, 32)
        self.out = nn.Linear(32, 1)
        self.drop = nn.Dropout(0.2)

    def forward(self, x):
        x = torch.relu(self.fc1(x))
        x = self.drop(torch.relu(self.fc2(x)))
        return self.out(x)


model = HeartNet(X.shape[1])
criterion = nn.BCELoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

for epoch in range(100):
    for xb, yb in loader:
        optimizer.zero_grad()
        pred = model(xb).squeeze(1)
        loss = criterion(pred, yb)  # expect: LG002
        loss.backward()
        optimizer.step()
    if epoch % 10 == 0:
        print(f"epoch {epoch} loss {loss.item():.4f}")
