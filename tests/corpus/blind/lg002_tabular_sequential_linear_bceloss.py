"""positive [LG002]: tabular churn MLP is an nn.Sequential ending in nn.Linear(32, 1) without a sigmoid, trained with nn.BCELoss."""
import pandas as pd
import torch
import torch.nn as nn
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

df = pd.read_csv("churn.csv")
features = df.drop(columns=["customer_id", "churned"]).values
labels = df["churned"].values.reshape(-1, 1)

X_train, X_val, y_train, y_val = train_test_split(features, labels, test_size=0.2, random_state=0)
scaler = StandardScaler().fit(X_train)
X_train = torch.tensor(scaler.transform(X_train), dtype=torch.float32)
X_val = torch.tensor(scaler.transform(X_val), dtype=torch.float32)
y_train = torch.tensor(y_train, dtype=torch.float32)
y_val = torch.tensor(y_val, dtype=torch.float32)

model = nn.Sequential(
    nn.Linear(X_train.shape[1], 64),
    nn.ReLU(),
    nn.BatchNorm1d(64),
    nn.Linear(64, 32),
    nn.ReLU(),
    nn.Linear(32, 1),
)
loss_fn = nn.BCELoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.001)

batch_size = 256
for epoch in range(50):
    model.train()
    perm = torch.randperm(X_train.size(0))
    for i in range(0, X_train.size(0), batch_size):
        idx = perm[i:i + batch_size]
        xb, yb = X_train[idx], y_train[idx]
        optimizer.zero_grad()
        y_pred = model(xb)
        loss = loss_fn(y_pred, yb)  # expect: LG002
        loss.backward()
        optimizer.step()
    model.eval()
    with torch.no_grad():
        val_pred = model(X_val)
        acc = ((val_pred > 0.5).float() == y_val).float().mean().item()
    print(f"Epoch {epoch:02d} | val acc {acc:.3f}")
