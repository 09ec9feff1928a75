"""positive [LG005]: intent classifier reshapes its class-index labels to a column with view(-1, 1) before F.cross_entropy on (N, C) logits."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class IntentClassifier(nn.Module):
    def __init__(self, vocab, n_intents, dim=200):
        super().__init__()
        self.bag = nn.EmbeddingBag(vocab, dim, mode="mean")
        self.fc = nn.Linear(dim, n_intents)

    def forward(self, tokens, offsets):
        return self.fc(self.bag(tokens, offsets))


def train(model, loader, optimizer, epochs=10):
    for _ in range(epochs):
        for tokens, offsets, intent in loader:
            intent_col = intent.view(-1, 1)
            out = model(tokens, offsets)
            loss = F.cross_entropy(out, intent_col)  # expect: LG005
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
