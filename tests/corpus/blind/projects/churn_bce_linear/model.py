"""part of positive project [LG002]: tabular churn network; forward ends in an nn.Linear(32, 1) with no sigmoid."""
import torch
import torch.nn as nn


class ChurnNet(nn.Module):
    def __init__(self, n_num, cat_cardinalities, emb_dim=8):
        super().__init__()
        self.embs = nn.ModuleList([nn.Embedding(c, emb_dim) for c in cat_cardinalities])
        d_in = n_num + emb_dim * len(cat_cardinalities)
        self.mlp = nn.Sequential(
            nn.Linear(d_in, 128), nn.ReLU(), nn.Dropout(0.2),
            nn.Linear(128, 32), nn.ReLU(),
        )
        self.out = nn.Linear(32, 1)

    def forward(self, x_num, x_cat):
        cats = [emb(x_cat[:, i]) for i, emb in enumerate(self.embs)]
        h = torch.cat([x_num] + cats, dim=1)
        return self.out(self.mlp(h))
