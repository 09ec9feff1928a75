"""positive [LG002]: forward has a dropout branch but every path ends in nn.Linear; BCELoss criterion built in __init__ of a Trainer class."""
import torch
import torch.nn as nn


class ToxicityModel(nn.Module):
    def __init__(self, emb_matrix, hidden=128, mc_dropout=False):
        super().__init__()
        self.emb = nn.Embedding.from_pretrained(emb_matrix, freeze=True)
        self.gru = nn.GRU(emb_matrix.size(1), hidden, batch_first=True, bidirectional=True)
        self.mc_dropout = mc_dropout
        self.drop = nn.Dropout(0.3)
        self.out = nn.Linear(2 * hidden, 6)

    def forward(self, ids):
        h, _ = self.gru(self.emb(ids))
        pooled = h.max(dim=1).values
        if self.mc_dropout:
            pooled = self.drop(pooled)
        return self.out(pooled)


class Trainer:
    def __init__(self, model, lr=1e-3):
        self.model = model
        self.criterion = nn.BCELoss()
        self.optimizer = torch.optim.Adam(model.parameters(), lr=lr)

    def train_epoch(self, loader):
        self.model.train()
        for ids, labels in loader:
            self.optimizer.zero_grad()
            preds = self.model(ids)
            loss = self.criterion(preds, labels)  # expect: LG002
            loss.backward()
            self.optimizer.step()
