"""positive [LG011]: nn.Softmax() and nn.LogSoftmax() built without dim inside a 3-D (N, L, C) token tagger."""
import torch
import torch.nn as nn


class Tagger(nn.Module):
    def __init__(self, vocab, n_tags, d=128):
        super().__init__()
        self.emb = nn.Embedding(vocab, d)
        self.lstm = nn.LSTM(d, d, batch_first=True, bidirectional=True)
        self.proj = nn.Linear(2 * d, n_tags)
        self.log_softmax = nn.LogSoftmax()  # expect: LG011
        self.softmax = nn.Softmax()  # expect: LG011

    def forward(self, ids):
        h, _ = self.lstm(self.emb(ids))
        return self.log_softmax(self.proj(h))

    def tag_probs(self, ids):
        h, _ = self.lstm(self.emb(ids))
        return self.softmax(self.proj(h))


model = Tagger(vocab=20000, n_tags=17)
nll = nn.NLLLoss(ignore_index=-100)
opt = torch.optim.Adam(model.parameters(), lr=1e-3)


def train(loader):
    for ids, tags in loader:
        opt.zero_grad()
        log_probs = model(ids)
        loss = nll(log_probs.view(-1, 17), tags.view(-1))
        loss.backward()
        opt.step()
