"""positive [LG003]: Kaggle tabular kernel ends its nn.Sequential in nn.Sigmoid() and then trains with nn.BCEWithLogitsLoss(pos_weight=...)."""
import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold

train = pd.read_csv("/kaggle/input/tabular-playground/train.csv")
FEATURES = [c for c in train.columns if c.startswith("f_")]
X = train[FEATURES].values.astype(np.float32)
y = train["target"].values.astype(np.float32)

oof = np.zeros(len(train))
skf = StratifiedKFold(n_splits=5, shuffle=True, random_state=42)
for fold, (tr_idx, va_idx) in enumerate(skf.split(X, y)):
    model = nn.Sequential(
        nn.Linear(len(FEATURES), 256), nn.SiLU(), nn.BatchNorm1d(256), nn.Dropout(0.3),
        nn.Linear(256, 64), nn.SiLU(),
        nn.Linear(64, 1),
        nn.Sigmoid(),
    )
    pos_weight = torch.tensor([(y[tr_idx] == 0).sum() / (y[tr_idx] == 1).sum()])
    criterion = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    optimizer = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-5)
    X_tr, y_tr = torch.from_numpy(X[tr_idx]), torch.from_numpy(y[tr_idx]).unsqueeze(1)
    for epoch in range(30):
        model.train()
        perm = torch.randperm(len(X_tr))
        for i in range(0, len(X_tr), 1024):
            b = perm[i:i + 1024]
            optimizer.zero_grad()
            out = model(X_tr[b])
            loss = criterion(out, y_tr[b])  # expect: LG003
            loss.backward()
            optimizer.step()
    model.eval()
    with torch.no_grad():
        oof[va_idx] = model(torch.from_numpy(X[va_idx])).squeeze(1).numpy()
    print(f"fold {fold}: auc {roc_auc_score(y[va_idx], oof[va_idx]):.5f}")

print("CV AUC", roc_auc_score(y, oof))
