"""positive [LG004]: Dataset builds labels with dtype=torch.long via a helper; the training loop uses F.binary_cross_entropy_with_logits on them."""
import pandas as pd
import torch
import torch.nn as nn
import torch.nn.functional as F


def load_split(path):
    df = pd.read_csv(path)
    feats = torch.tensor(df.filter(like="f_").values, dtype=torch.float32)
    target = torch.tensor(df["target"].values, dtype=torch.long)
    return feats, target


class Net(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.layers = nn.Sequential(nn.Linear(d, 128), nn.ReLU(), nn.Dropout(0.25), nn.Linear(128, 1))

    def forward(self, x):
        return self.layers(x).squeeze(-1)


X, y = load_split("train.csv")
net = Net(X.shape[1])
opt = torch.optim.Adam(net.parameters(), lr=1e-3)
for epoch in range(50):
    for i in range(0, len(X), 256):
        xb, yb = X[i:i + 256], y[i:i + 256]
        opt.zero_grad()
        loss = F.binary_cross_entropy_with_logits(net(xb), yb)  # expect: LG004
        loss.backward()
        opt.step()
