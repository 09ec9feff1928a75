"""look-alike [LG002, LG016]: BCELoss receives the output of a model whose forward ends in torch.sigmoid, and an average of two such outputs for an ensemble."""
import torch
import torch.nn as nn


class ClickModel(nn.Module):
    """Wide & deep CTR model; returns click probability because the serving stack expects it."""

    def __init__(self, n_sparse, n_dense, emb=16):
        super().__init__()
        self.emb = nn.EmbeddingBag(n_sparse, emb, mode="sum")
        self.deep = nn.Sequential(nn.Linear(emb + n_dense, 128), nn.ReLU(), nn.Linear(128, 1))
        self.wide = nn.Linear(n_dense, 1)

    def forward(self, sparse_idx, offsets, dense):
        z = torch.cat([self.emb(sparse_idx, offsets), dense], dim=1)
        return torch.sigmoid(self.deep(z) + self.wide(dense)).squeeze(1)


def fit(model_a: ClickModel, model_b: ClickModel, loader, opt):
    bce = nn.BCELoss()
    for sparse_idx, offsets, dense, clicked in loader:
        p_a = model_a(sparse_idx, offsets, dense)
        p_b = model_b(sparse_idx, offsets, dense)
        p_ens = 0.5 * (p_a + p_b)
        loss = bce(p_a, clicked) + bce(p_b, clicked) + 0.1 * bce(p_ens, clicked)
        opt.zero_grad()
        loss.backward()
        opt.step()
