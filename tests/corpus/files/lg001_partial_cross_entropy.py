"""positive [LG001]: the loss is `functools.partial(F.cross_entropy, ignore_index=...)` and receives softmax probabilities."""
from functools import partial

import torch
import torch.nn as nn
import torch.nn.functional as F

PAD = 0
loss_fn = partial(F.cross_entropy, ignore_index=PAD)


class Tagger(nn.Module):
    def __init__(self, vocab, tags):
        super().__init__()
        self.emb = nn.Embedding(vocab, 64)
        self.out = nn.Linear(64, tags)

    def forward(self, tokens):
        return torch.softmax(self.out(self.emb(tokens)), dim=-1)


model = Tagger(1000, 12)
optimizer = torch.optim.Adam(model.parameters())
for tokens, tags in loader:
    optimizer.zero_grad()
    probs = model(tokens)
    loss = loss_fn(probs.view(-1, 12), tags.view(-1))  # expect: LG001
    loss.backward()
    optimizer.step()
