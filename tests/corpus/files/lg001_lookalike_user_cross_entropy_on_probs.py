"""look-alike [LG001, LG007]: a local function named `cross_entropy` takes probabilities by design; softmax before it is correct."""
import torch
import torch.nn as nn


def softmax_stable(z, dim=-1):
    z = z - z.max(dim=dim, keepdim=True).values
    e = z.exp()
    return e / e.sum(dim=dim, keepdim=True)


def cross_entropy(probs, target, eps=1e-8):
    """Mean negative log-likelihood of the true class, given probabilities."""
    picked = probs.gather(1, target.unsqueeze(1)).squeeze(1)
    return -(picked + eps).log().mean()


class LinearSoftmax(nn.Module):
    def __init__(self, d, k):
        super().__init__()
        self.W = nn.Parameter(torch.zeros(d, k))
        self.b = nn.Parameter(torch.zeros(k))

    def forward(self, x):
        return x @ self.W + self.b


model = LinearSoftmax(784, 10)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

for epoch in range(20):
    for X, y in torch.utils.data.DataLoader(torch.load("mnist_flat.pt"), batch_size=256):
        probs = softmax_stable(model(X), dim=1)
        loss = cross_entropy(probs, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    print(epoch, loss.item())
