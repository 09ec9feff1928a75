"""positive [LG002]: `from torch.nn import BCELoss as BCE` on the output of a Linear-ending model, click-through-rate script."""
import torch
from torch import nn
from torch.nn import BCELoss as BCE


class WideAndDeep(nn.Module):
    def __init__(self, n_sparse, emb_dim=16, n_dense=13):
        super().__init__()
        self.embeddings = nn.EmbeddingBag(n_sparse, emb_dim, mode="sum")
        self.wide = nn.Linear(n_dense, 1)
        self.deep = nn.Sequential(nn.Linear(emb_dim + n_dense, 256), nn.ReLU(), nn.Linear(256, 1))

    def forward(self, dense, sparse_ids, offsets):
        emb = self.embeddings(sparse_ids, offsets)
        return self.wide(dense) + self.deep(torch.cat([emb, dense], dim=1))


model = WideAndDeep(n_sparse=1_000_000)
bce = BCE()
optim = torch.optim.Adagrad(model.parameters(), lr=0.01)


def train(stream, steps=10000):
    for step, (dense, sparse_ids, offsets, clicked) in zip(range(steps), stream):
        ctr = model(dense, sparse_ids, offsets)
        loss = bce(ctr, clicked)  # expect: LG002
        optim.zero_grad()
        loss.backward()
        optim.step()
        if step % 1000 == 0:
            print(step, loss.item())
