"""positive [LG001]: transformer classifier whose head is nn.Sequential(Linear, LogSoftmax(dim=-1)) trained with CrossEntropyLoss."""
import math

import torch
import torch.nn as nn


class PositionalEncoding(nn.Module):
    def __init__(self, d_model, max_len=512):
        super().__init__()
        pe = torch.zeros(max_len, d_model)
        pos = torch.arange(0, max_len).unsqueeze(1).float()
        div = torch.exp(torch.arange(0, d_model, 2).float() * (-math.log(10000.0) / d_model))
        pe[:, 0::2] = torch.sin(pos * div)
        pe[:, 1::2] = torch.cos(pos * div)
        self.register_buffer("pe", pe.unsqueeze(0))

    def forward(self, x):
        return x + self.pe[:, : x.size(1)]


class TransformerClassifier(nn.Module):
    def __init__(self, vocab, d_model=256, n_classes=4):
        super().__init__()
        self.emb = nn.Embedding(vocab, d_model)
        self.pos = PositionalEncoding(d_model)
        layer = nn.TransformerEncoderLayer(d_model, nhead=8, batch_first=True)
        self.encoder = nn.TransformerEncoder(layer, num_layers=4)
        self.head = nn.Sequential(nn.Linear(d_model, n_classes), nn.LogSoftmax(dim=-1))

    def forward(self, ids):
        h = self.encoder(self.pos(self.emb(ids)))
        return self.head(h.mean(dim=1))


model = TransformerClassifier(vocab=30000)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.AdamW(model.parameters(), lr=5e-4)

for step in range(1000):
    ids = torch.randint(0, 30000, (32, 128))
    labels = torch.randint(0, 4, (32,))
    optimizer.zero_grad()
    loss = criterion(model(ids), labels)  # expect: LG001
    loss.backward()
    optimizer.step()
