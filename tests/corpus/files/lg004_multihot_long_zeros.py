"""positive [LG004]: multi-hot target built with torch.zeros(..., dtype=torch.long) then filled, passed to BCEWithLogitsLoss."""
import torch
import torch.nn as nn

TAGS = ["action", "comedy", "drama", "horror", "romance", "sci-fi", "thriller"]


def encode_tags(batch_tags):
    target = torch.zeros(len(batch_tags), len(TAGS), dtype=torch.long)
    for i, tags in enumerate(batch_tags):
        for t in tags:
            target[i, TAGS.index(t)] = 1
    return target


class PlotTagger(nn.Module):
    def __init__(self, vocab=50000, dim=128):
        super().__init__()
        self.emb = nn.EmbeddingBag(vocab, dim)
        self.out = nn.Linear(dim, len(TAGS))

    def forward(self, ids, offsets):
        return self.out(self.emb(ids, offsets))


model = PlotTagger()
criterion = nn.BCEWithLogitsLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)


def train(batches):
    for ids, offsets, tags in batches:
        target = encode_tags(tags)
        optimizer.zero_grad()
        loss = criterion(model(ids, offsets), target)  # expect: LG004
        loss.backward()
        optimizer.step()
