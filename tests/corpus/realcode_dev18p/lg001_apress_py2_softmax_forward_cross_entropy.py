"""positive [LG001, LG011]: a Python 2 book script: the model's forward ends in F.softmax without dim, and its output goes to CrossEntropyLoss, which applies log-softmax again."""

# Source: Apress/deep-learning-w-python@84a23cf code/chapter12/s7.py (Python 2.7: print statements, xrange; cut, renamed)
import random

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.autograd import Variable


class TwoLayer(nn.Module):
    def __init__(self, n_in, n_hidden):
        super(TwoLayer, self).__init__()
        self.hidden = nn.Linear(n_in, n_hidden)
        self.out = nn.Linear(n_hidden, 2)

    def forward(self, x):
        h = F.relu(self.hidden(x))
        h = self.out(h)
        h = F.softmax(h)  # expect: LG011
        return h


def accuracy(net, xs, ys):
    right = 0.0
    for x, y in zip(xs, ys):
        guess = net(x).data.max(1)[1]
        right += guess.eq(y.data).sum()
    return right / len(ys)


n_samples = 100
xs, ys = [], []
for i in xrange(0, n_samples):
    xs.append(Variable(torch.rand(1, 5)))
    if random.random() > 0.5:
        ys.append(Variable(torch.LongTensor([0])))
    else:
        ys.append(Variable(torch.LongTensor([1])))

net = TwoLayer(5, 20)
criterion = torch.nn.CrossEntropyLoss()
opt = optim.SGD(net.parameters(), lr=0.01)

print "accuracy before", accuracy(net, xs, ys)
for step in xrange(10000):
    k = random.randint(0, n_samples - 1)
    net.zero_grad()
    loss = criterion(net(xs[k]), ys[k])  # expect: LG001
    loss.backward()
    opt.step()
print "accuracy after", accuracy(net, xs, ys)
