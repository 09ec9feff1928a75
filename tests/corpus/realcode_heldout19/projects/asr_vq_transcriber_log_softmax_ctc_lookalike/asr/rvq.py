"""part of look-alike project [LG012, LG006]: the residual vector quantiser; each codebook returns a commitment loss, and the residual module sums them inside one forward call (total_loss += this_loss over the codebooks, not over training steps)."""
# Source: ILG2021/pytorch-practice at 78383386 (read as is), asr/rvq.py; re-typed, identifiers renamed.
import torch
from torch import nn


class VQ(nn.Module):
    def __init__(self, n_codes, dim, beta=0.25):
        super().__init__()
        self.codes = nn.Embedding(n_codes, dim)
        nn.init.uniform_(self.codes.weight, -0.1, 0.1)
        self.beta = beta

    def forward(self, x):
        b, t, d = x.shape
        flat = x.reshape(b * t, d)
        dist = torch.cdist(flat, self.codes.weight, p=2)
        idx = torch.argmin(dist, dim=1)
        q = self.codes(idx).view(b, t, d)
        e_loss = torch.mean((q.detach() - x) ** 2)
        q_loss = torch.mean((q - x.detach()) ** 2)
        loss = q_loss + self.beta * e_loss
        q = x + (q - x).detach()
        return q, loss


class ResidualVQ(nn.Module):
    def __init__(self, n_codebooks, codebook_size, dim):
        super().__init__()
        self.books = nn.ModuleList([VQ(codebook_size, dim) for _ in range(n_codebooks)])

    def forward(self, x):
        out = 0
        total_loss = 0
        for book in self.books:
            q, loss = book(x)
            x = x - q
            out += q
            total_loss += loss
        return out, total_loss
