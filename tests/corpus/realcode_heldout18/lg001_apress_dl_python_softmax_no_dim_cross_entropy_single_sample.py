"""positive [LG001, LG011]: the book's first PyTorch classifier ends its forward in F.softmax without dim and trains it one sample at a time with torch.nn.CrossEntropyLoss, which applies log-softmax on top of the probabilities."""
# Source: Apress/deep-learning-w-python at 84a23cf5 (read as is), code/chapter12/s7.py; re-typed, identifiers renamed;
# the Python 2 print statements and xrange of the original are written as print() calls and range (they are syntax
# errors in Python 3.10); the trailing comment with the printed accuracies cut.
import random

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.autograd import Variable


class TwoLayerNet(nn.Module):
    def __init__(self, n_in, n_hidden):
        super(TwoLayerNet, self).__init__()
        self.fc_a = torch.nn.Linear(n_in, n_hidden)
        self.fc_b = torch.nn.Linear(n_hidden, 2)

    def forward(self, x):
        h = self.fc_a(x)
        h = F.relu(h)
        h = self.fc_b(h)
        h = F.softmax(h)  # expect: LG011
        return h


def accuracy(net, xs, ys):
    hits = 0.0
    for x, y in zip(xs, ys):
        out = net(x)
        pred = out.data.max(1)[1]
        hits += pred.eq(y.data).sum()
    return hits / len(ys)


n_samples = 100
xs = []
ys = []
for i in range(0, n_samples):
    x = Variable(torch.rand(1, 5))
    if random.random() > 0.5:
        y = Variable(torch.LongTensor([0]))
    else:
        y = Variable(torch.LongTensor([1]))
    xs.append(x)
    ys.append(y)

net = TwoLayerNet(5, 20)
criterion = torch.nn.CrossEntropyLoss()
sgd = optim.SGD(net.parameters(), lr=0.01)

print("Accuracy before training ", accuracy(net, xs, ys))

n_steps = 10000
for i in range(n_steps):
    k = random.randint(0, n_samples - 1)
    net.zero_grad()
    loss = criterion(net(xs[k]), ys[k])  # expect: LG001
    loss.backward()
    sgd.step()

print("Accuracy after training ", accuracy(net, xs, ys))
