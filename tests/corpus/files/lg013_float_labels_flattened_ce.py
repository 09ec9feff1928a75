"""positive [LG013]: labels read as float32 from a CSV and flattened to rank 1, then passed as CrossEntropyLoss class indices."""
import pandas as pd
import torch
import torch.nn as nn

df = pd.read_csv("fashion-mnist_train.csv")
X = torch.tensor(df.iloc[:, 1:].values, dtype=torch.float32) / 255.0
y = torch.tensor(df["label"].values, dtype=torch.float32).view(-1)

model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10))
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

for epoch in range(10):
    for i in range(0, len(X), 128):
        xb, yb = X[i:i + 128], y[i:i + 128]
        optimizer.zero_grad()
        loss = criterion(model(xb), yb)  # expect: LG013
        loss.backward()
        optimizer.step()
    print(epoch, loss.item())
