"""positive [LG010]: binary MLP on a diabetes table: nn.BCELoss(size_average=True), a deprecated reduction flag (reduction='mean'); the reused nn.Sigmoid() module ends the model, and the label column is unsqueezed to (N, 1), so nothing else is wrong."""
# Source: https://github.com/omerbsezer/Fast-Pytorch Learning_Pytorch/MLP_1class_BinaryCrossEntropyLoss.ipynb at
# 6f60db9470dad61a22b0e00ae952e21861cca427 (found by this survey); re-typed from the notebook's cells, names
# changed, reduced (the Colab drive-mount cells and the CSV path left out).
import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, Dataset

table = pd.read_csv("diabetes.csv")
feats = table.iloc[:, 0:-1].values
targets = np.array([1 if s == "positive" else 0 for s in table.iloc[:, -1]], dtype="float64")
feats = torch.tensor(StandardScaler().fit_transform(feats))
targets = torch.tensor(targets).unsqueeze(1)


class TableSet(Dataset):
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def __getitem__(self, i):
        return self.a[i], self.b[i]

    def __len__(self):
        return len(self.a)


class TinyMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.l1 = nn.Linear(feats.shape[1], 5)
        self.l2 = nn.Linear(5, 3)
        self.l3 = nn.Linear(3, 1)
        self.squash = nn.Sigmoid()

    def forward(self, v):
        v = self.squash(self.l1(v))
        v = self.squash(self.l2(v))
        return self.squash(self.l3(v))


loader = DataLoader(TableSet(feats, targets), batch_size=32, shuffle=True)
mlp = TinyMLP()
bce = nn.BCELoss(size_average=True)  # expect: LG010
sgd = torch.optim.SGD(mlp.parameters(), lr=0.1)
for epoch in range(1000):
    for xb, yb in loader:
        xb, yb = xb.float(), yb.float()
        pred = mlp(xb)
        sgd.zero_grad()
        loss = bce(pred, yb)
        loss.backward()
        sgd.step()
    hits = ((pred > 0.5).float() == yb).float().sum()
    print(epoch + 1, loss.item(), hits / pred.shape[0])
