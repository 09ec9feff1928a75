"""positive [LG013]: tabular notebook converts the class column with dtype=torch.float32 and uses it as the class-index target of F.cross_entropy."""
import pandas as pd
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset

train_df = pd.read_parquet("data/forest_cover_train.parquet")
feature_cols = [c for c in train_df.columns if c not in ("Id", "Cover_Type")]

X_train = torch.tensor(train_df[feature_cols].values, dtype=torch.float32)
y_train = torch.tensor(train_df["Cover_Type"].values - 1, dtype=torch.float32)

net = nn.Sequential(
    nn.Linear(len(feature_cols), 512), nn.ReLU(), nn.BatchNorm1d(512),
    nn.Linear(512, 128), nn.ReLU(),
    nn.Linear(128, 7),
)
optimizer = torch.optim.Adam(net.parameters(), lr=2e-3)

for epoch in range(15):
    perm = torch.randperm(X_train.size(0))
    for start in range(0, X_train.size(0), 1024):
        idx = perm[start:start + 1024]
        xb = X_train[idx]
        yb = y_train[idx]
        optimizer.zero_grad()
        loss = F.cross_entropy(net(xb), yb)  # expect: LG013
        loss.backward()
        optimizer.step()
