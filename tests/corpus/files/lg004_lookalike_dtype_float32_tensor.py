"""look-alike [LG004, LG013]: labels built with dtype=torch.float32 for BCE and dtype=torch.long for the CE head."""
import pandas as pd
import torch
import torch.nn as nn
import torch.nn.functional as F

df = pd.read_csv("jigsaw_train.csv")
toxic = torch.tensor(df["toxic"].values, dtype=torch.float32)
category = torch.tensor(df["category_id"].values, dtype=torch.long)
features = torch.load("jigsaw_features.pt")


class TwoHead(nn.Module):
    def __init__(self, d=768, n_cat=8):
        super().__init__()
        self.binary = nn.Linear(d, 1)
        self.multi = nn.Linear(d, n_cat)

    def forward(self, h):
        return self.binary(h).squeeze(-1), self.multi(h)


model = TwoHead()
opt = torch.optim.Adam(model.parameters(), lr=1e-4)
for epoch in range(3):
    for i in range(0, len(toxic), 128):
        h = features[i:i + 128]
        b_logit, c_logit = model(h)
        loss = F.binary_cross_entropy_with_logits(b_logit, toxic[i:i + 128]) + F.cross_entropy(c_logit, category[i:i + 128])
        opt.zero_grad()
        loss.backward()
        opt.step()
