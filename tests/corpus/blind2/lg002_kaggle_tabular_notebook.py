"""positive [LG002]: Kaggle notebook export; an nn.Sequential ending in nn.Linear(.., 1) (no sigmoid) is trained with nn.BCELoss."""
# %% [markdown]
# # Credit default - simple MLP baseline

# %%
import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold
from sklearn.preprocessing import StandardScaler

# %%
df = pd.read_csv("/kaggle/input/credit-default/train.csv")
FEATS = [c for c in df.columns if c not in ("id", "default")]
X = StandardScaler().fit_transform(df[FEATS].fillna(0).values).astype(np.float32)
y = df["default"].values.astype(np.float32)
DEVICE = "cuda" if torch.cuda.is_available() else "cpu"

# %%
def get_model(n_in):
    return nn.Sequential(
        nn.Linear(n_in, 256), nn.BatchNorm1d(256), nn.SiLU(), nn.Dropout(0.3),
        nn.Linear(256, 64), nn.BatchNorm1d(64), nn.SiLU(),
        nn.Linear(64, 1),
    )

# %%
oof = np.zeros(len(df))
skf = StratifiedKFold(n_splits=5, shuffle=True, random_state=42)
for fold, (tr_idx, va_idx) in enumerate(skf.split(X, y)):
    model = get_model(X.shape[1]).to(DEVICE)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-5)
    criterion = nn.BCELoss()
    xt = torch.from_numpy(X[tr_idx]).to(DEVICE)
    yt = torch.from_numpy(y[tr_idx]).to(DEVICE)
    for epoch in range(20):
        model.train()
        perm = torch.randperm(len(xt), device=DEVICE)
        for i in range(0, len(xt), 512):
            idx = perm[i:i + 512]
            optimizer.zero_grad()
            out = model(xt[idx]).squeeze(1)
            loss = criterion(out, yt[idx])  # expect: LG002
            loss.backward()
            optimizer.step()
    model.eval()
    with torch.no_grad():
        oof[va_idx] = torch.sigmoid(model(torch.from_numpy(X[va_idx]).to(DEVICE))).squeeze(1).cpu().numpy()
    print(f"fold {fold} auc {roc_auc_score(y[va_idx], oof[va_idx]):.4f}")
