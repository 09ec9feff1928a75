"""look-alike [LG007, LG001]: a user-defined `nll_loss(probs, y)` expects probabilities; softmax before it is the intended input."""
import torch
import torch.nn as nn


def nll_loss(probs, y, eps=1e-9):
    return -torch.log(probs[torch.arange(len(y)), y] + eps).mean()


class Perceptron(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 3)

    def forward(self, x):
        return self.fc(x)


model = Perceptron()
opt = torch.optim.SGD(model.parameters(), lr=0.5)
X = torch.randn(300, 2)
y = torch.randint(0, 3, (300,))
for epoch in range(100):
    opt.zero_grad()
    probs = torch.softmax(model(X), dim=1)
    loss = nll_loss(probs, y)
    loss.backward()
    opt.step()
