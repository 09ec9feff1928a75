"""positive [LG011]: hand-written scaled dot-product attention calls F.softmax(scores) on a (B, L, L) tensor without dim; the loss itself is fine."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class SelfAttention(nn.Module):
    def __init__(self, d_model=128):
        super().__init__()
        self.q = nn.Linear(d_model, d_model)
        self.k = nn.Linear(d_model, d_model)
        self.v = nn.Linear(d_model, d_model)
        self.scale = 1.0 / math.sqrt(d_model)

    def forward(self, x, mask=None):
        scores = torch.bmm(self.q(x), self.k(x).transpose(1, 2)) * self.scale
        if mask is not None:
            scores = scores.masked_fill(mask == 0, float("-inf"))
        attn = F.softmax(scores)  # expect: LG011
        return torch.bmm(attn, self.v(x))


class Classifier(nn.Module):
    def __init__(self, vocab=10000, d_model=128, n_cls=4):
        super().__init__()
        self.emb = nn.Embedding(vocab, d_model)
        self.attn = SelfAttention(d_model)
        self.out = nn.Linear(d_model, n_cls)

    def forward(self, ids):
        h = self.attn(self.emb(ids))
        return self.out(h.mean(1))


def train(model, loader, epochs=5):
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    crit = nn.CrossEntropyLoss()
    for e in range(epochs):
        for ids, y in loader:
            opt.zero_grad()
            loss = crit(model(ids), y)
            loss.backward()
            opt.step()
        print(e, loss.item())


if __name__ == "__main__":
    print(Classifier()(torch.randint(0, 10000, (2, 12))).shape)
