"""look-alike [LG001, LG011]: attention softmax inside the model, but forward ends in a Linear head; CE gets logits."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class AttentionPooling(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.score = nn.Linear(dim, 1)

    def forward(self, h, mask):
        scores = self.score(h).squeeze(-1)
        scores = scores.masked_fill(~mask, float("-inf"))
        weights = F.softmax(scores, dim=1)
        return torch.bmm(weights.unsqueeze(1), h).squeeze(1)


class BiLSTMAttn(nn.Module):
    def __init__(self, vocab, emb=200, hidden=128, n_classes=5):
        super().__init__()
        self.emb = nn.Embedding(vocab, emb, padding_idx=0)
        self.lstm = nn.LSTM(emb, hidden, batch_first=True, bidirectional=True)
        self.attn = AttentionPooling(2 * hidden)
        self.out = nn.Linear(2 * hidden, n_classes)

    def forward(self, ids):
        mask = ids != 0
        h, _ = self.lstm(self.emb(ids))
        ctx = self.attn(h, mask)
        q = torch.matmul(ctx, ctx.transpose(0, 1)).softmax(dim=-1)
        ctx = ctx + 0.1 * q @ ctx
        return self.out(ctx)


model = BiLSTMAttn(vocab=20000)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)


def train(loader, epochs=5):
    for epoch in range(epochs):
        for ids, labels in loader:
            optimizer.zero_grad()
            logits = model(ids)
            loss = criterion(logits, labels)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            optimizer.step()
