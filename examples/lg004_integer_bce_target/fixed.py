"""fixed: binary sentiment model trained with BCEWithLogitsLoss (LG004 integer-bce-target)."""
import torch
import torch.nn as nn

VOCAB = 10000


class BagOfWords(nn.Module):
    def __init__(self, vocab=VOCAB, dim=64):
        super().__init__()
        self.emb = nn.EmbeddingBag(vocab, dim, mode="mean")
        self.fc = nn.Linear(dim, 1)

    def forward(self, ids):
        return self.fc(self.emb(ids)).squeeze(-1)


model = BagOfWords()
criterion = nn.BCEWithLogitsLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

for step in range(1000):
    ids = torch.randint(0, VOCAB, (32, 50))
    labels = torch.randint(0, 2, (32,)).float()
    optimizer.zero_grad()
    logits = model(ids)
    loss = criterion(logits, labels)
    loss.backward()
    optimizer.step()
    if step % 200 == 0:
        print(step, loss.item())
