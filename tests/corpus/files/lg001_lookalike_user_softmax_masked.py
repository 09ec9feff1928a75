"""look-alike [LG001, LG011]: a user-defined `softmax(scores, mask)` (no dim) used for pointer attention; the classifier output is logits."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def softmax(scores, mask):
    scores = scores.masked_fill(mask == 0, -1e9)
    return torch.exp(scores - torch.logsumexp(scores, dim=-1, keepdim=True))


class SpanClassifier(nn.Module):
    def __init__(self, hidden=256, n_labels=7):
        super().__init__()
        self.encoder = nn.GRU(hidden, hidden, batch_first=True)
        self.query = nn.Parameter(torch.randn(hidden))
        self.classify = nn.Linear(hidden, n_labels)

    def forward(self, x, mask):
        h, _ = self.encoder(x)
        attn = softmax(h @ self.query, mask)
        pooled = (attn.unsqueeze(-1) * h).sum(1)
        return self.classify(pooled)


model = SpanClassifier()
opt = torch.optim.Adam(model.parameters(), lr=2e-4)


def training_loop(batches):
    for x, mask, labels in batches:
        opt.zero_grad()
        out = model(x, mask)
        loss = F.cross_entropy(out, labels)
        loss.backward()
        opt.step()
