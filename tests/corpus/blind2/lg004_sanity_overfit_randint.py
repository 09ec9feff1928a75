"""positive [LG004]: a quick overfit sanity check draws binary labels with torch.randint (int64) and trains nn.BCEWithLogitsLoss on them."""
import torch
from torch import nn

torch.manual_seed(0)

N, D = 256, 20
features = torch.randn(N, D)
labels = torch.randint(0, 2, (N,))

clf = nn.Sequential(nn.Linear(D, 32), nn.Tanh(), nn.Linear(32, 1))
bce_logits = nn.BCEWithLogitsLoss()
sgd = torch.optim.SGD(clf.parameters(), lr=0.5)

for it in range(500):
    sgd.zero_grad()
    out = clf(features).view(-1)
    loss = bce_logits(out, labels)  # expect: LG004
    loss.backward()
    sgd.step()
    if it % 50 == 0:
        print(it, float(loss))
