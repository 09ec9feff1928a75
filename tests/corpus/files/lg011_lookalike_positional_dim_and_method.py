"""look-alike [LG011]: dim given positionally: F.softmax(x, 1), nn.Softmax(1), nn.LogSoftmax(-1), x.softmax(-1), torch.log_softmax(x, 2)."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Heads(nn.Module):
    def __init__(self, d=64, c=10):
        super().__init__()
        self.fc = nn.Linear(d, c)
        self.sm = nn.Softmax(1)
        self.lsm = nn.LogSoftmax(-1)

    def forward(self, x):
        logits = self.fc(x)
        return logits, self.sm(logits), self.lsm(logits)


model = Heads()
opt = torch.optim.SGD(model.parameters(), lr=0.1)

for step in range(200):
    x = torch.randn(16, 64)
    y = torch.randint(0, 10, (16,))
    logits, probs, log_probs = model(x)
    loss = F.cross_entropy(logits, y) + 0.0 * F.nll_loss(log_probs, y)
    opt.zero_grad()
    loss.backward()
    opt.step()
    p1 = F.softmax(logits.detach(), 1)
    p2 = logits.detach().softmax(-1)
    seq = torch.log_softmax(torch.randn(4, 7, 10), 2)
