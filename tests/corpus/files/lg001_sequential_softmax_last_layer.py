"""positive [LG001]: nn.Softmax(dim=1) as the last layer of an nn.Sequential reaches CrossEntropyLoss (Kaggle tabular script)."""
import numpy as np
import pandas as pd
import torch
from torch import nn
from sklearn.model_selection import train_test_split

df = pd.read_csv("../input/otto-group-product-classification/train.csv")
X = df.drop(columns=["id", "target"]).values.astype(np.float32)
y = df["target"].str.replace("Class_", "").astype(int).values - 1
X_tr, X_va, y_tr, y_va = train_test_split(X, y, test_size=0.2, random_state=42)

X_tr = torch.from_numpy(X_tr)
y_tr = torch.from_numpy(y_tr).long()
X_va = torch.from_numpy(X_va)
y_va = torch.from_numpy(y_va).long()

model = nn.Sequential(
    nn.Linear(93, 256),
    nn.BatchNorm1d(256),
    nn.ReLU(),
    nn.Dropout(0.3),
    nn.Linear(256, 128),
    nn.ReLU(),
    nn.Linear(128, 9),
    nn.Softmax(dim=1),
)

loss_fn = nn.CrossEntropyLoss()
opt = torch.optim.AdamW(model.parameters(), lr=3e-4, weight_decay=1e-4)

BATCH = 512
for epoch in range(30):
    perm = torch.randperm(X_tr.size(0))
    model.train()
    for i in range(0, X_tr.size(0), BATCH):
        idx = perm[i:i + BATCH]
        xb, yb = X_tr[idx], y_tr[idx]
        opt.zero_grad()
        preds = model(xb)
        loss = loss_fn(preds, yb)  # expect: LG001
        loss.backward()
        opt.step()

    model.eval()
    with torch.no_grad():
        va_pred = model(X_va)
        va_loss = loss_fn(va_pred, y_va).item()  # expect: LG001
        acc = (va_pred.argmax(1) == y_va).float().mean().item()
    print(f"epoch {epoch:02d} val_loss={va_loss:.4f} val_acc={acc:.4f}")
