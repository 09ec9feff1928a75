"""look-alike [LG005]: language-model loss: logits.view(-1, V) (N*T, V) against targets.view(-1) (N*T,) is the correct CE layout."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class CharLM(nn.Module):
    def __init__(self, vocab=96, d=256):
        super().__init__()
        self.emb = nn.Embedding(vocab, d)
        self.rnn = nn.GRU(d, d, num_layers=2, batch_first=True)
        self.out = nn.Linear(d, vocab)

    def forward(self, idx, h=None):
        y, h = self.rnn(self.emb(idx), h)
        return self.out(y), h


model = CharLM()
opt = torch.optim.AdamW(model.parameters(), lr=3e-3)

for step in range(2000):
    batch = torch.randint(0, 96, (64, 129))
    inputs, targets = batch[:, :-1], batch[:, 1:]
    logits, _ = model(inputs)
    loss = F.cross_entropy(logits.view(-1, logits.size(-1)), targets.reshape(-1))
    opt.zero_grad(set_to_none=True)
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    opt.step()
