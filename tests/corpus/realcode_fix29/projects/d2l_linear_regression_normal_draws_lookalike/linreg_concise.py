"""part of look-alike project [LG005]: the concise linear regression scores `net(features)`, `(1000, 1)`, against `labels.view(-1, 1)`, `(1000, 1)`: the same shapes (the branch point read `torch.normal(0, 1, (n, 2))` as `torch.randn`'s sizes, a `(0, 1, ?)` tensor, and reported the model's `(0, 1, 1)` output against the labels)."""

# Source: smashHit3/pytorch-deep-learning@8d48104324 CNN_d2l/01-LinReg-concise.py (cut, renamed)
import torch
from torch import nn

import shared as helpers

true_w = torch.tensor([2, -3.4])
true_b = 4.2
features, labels = helpers.make_linear_data(true_w, true_b, 1000)
batch_size = 10
loader = helpers.array_loader((features, labels), batch_size)

net = nn.Sequential(nn.Linear(2, 1))
net[0].weight.data.normal_(0, 0.01)
net[0].bias.data.fill_(0)
loss = nn.MSELoss()
trainer = torch.optim.SGD(net.parameters(), lr=0.03)

num_epochs = 3
for epoch in range(num_epochs):
    for X, y in loader:
        l = loss(net(X), y.view(-1, 1))
        trainer.zero_grad()
        l.backward()
        trainer.step()
    with torch.no_grad():
        train_l = loss(net(features), labels.view(-1, 1))
        print(f"epoch {epoch + 1}, loss {float(train_l):f}")
