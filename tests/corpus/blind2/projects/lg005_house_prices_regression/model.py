"""part of positive project [LG005]: a regressor whose forward returns the (N, 1) output of nn.Linear(hidden, 1)."""
import torch
import torch.nn as nn


class PriceRegressor(nn.Module):
    def __init__(self, n_numeric: int, cardinalities: list[int], hidden: int = 128):
        super().__init__()
        self.embs = nn.ModuleList([nn.Embedding(c, min(16, (c + 1) // 2)) for c in cardinalities])
        emb_total = sum(e.embedding_dim for e in self.embs)
        self.mlp = nn.Sequential(
            nn.Linear(n_numeric + emb_total, hidden), nn.ReLU(), nn.Dropout(0.2),
            nn.Linear(hidden, hidden), nn.ReLU(),
        )
        self.out = nn.Linear(hidden, 1)

    def forward(self, numeric, categorical):
        embedded = [emb(categorical[:, i]) for i, emb in enumerate(self.embs)]
        h = self.mlp(torch.cat([numeric, *embedded], dim=1))
        return self.out(h)
