"""fixed: sequence tagger computing token probabilities (LG011 softmax-without-dim)."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Tagger(nn.Module):
    def __init__(self, vocab=5000, dim=64, n_tags=9):
        super().__init__()
        self.n_tags = n_tags
        self.emb = nn.Embedding(vocab, dim)
        self.rnn = nn.GRU(dim, dim, batch_first=True)
        self.out = nn.Linear(dim, n_tags)

    def forward(self, ids):
        h, _ = self.rnn(self.emb(ids))
        return self.out(h)


model = Tagger()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

for step in range(300):
    ids = torch.randint(0, 5000, (16, 40))
    tags = torch.randint(0, 9, (16, 40))
    logits = model(ids)
    loss = F.cross_entropy(logits.view(-1, model.n_tags), tags.view(-1))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if step % 50 == 0:
        probs = F.softmax(logits.detach(), dim=-1)
        print(step, loss.item(), probs.max(-1).values.mean().item())
