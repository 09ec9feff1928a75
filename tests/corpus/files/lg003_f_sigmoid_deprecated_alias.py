"""positive [LG003]: deprecated F.sigmoid on a Linear output, then F.binary_cross_entropy_with_logits with pos_weight (toxic comments)."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Classifier(nn.Module):
    def __init__(self, vocab_size, n_labels=6):
        super().__init__()
        self.emb = nn.EmbeddingBag(vocab_size, 300, mode="mean")
        self.fc = nn.Linear(300, n_labels)

    def forward(self, ids, offsets):
        return self.fc(self.emb(ids, offsets))


def train(model, loader, label_freq, epochs=4):
    pos_weight = (1 - label_freq) / label_freq
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(epochs):
        for ids, offsets, labels in loader:
            out = F.sigmoid(model(ids, offsets))
            loss = F.binary_cross_entropy_with_logits(out, labels.float(), pos_weight=pos_weight)  # expect: LG003
            opt.zero_grad()
            loss.backward()
            opt.step()
