"""part of positive project [LG010]: the train and test functions of the book's speech-command recogniser; training uses F.nll_loss on the model's log-probabilities, and test sums the batch losses with F.nll_loss(..., size_average=False), the argument deprecated for reduction='sum'."""
# Source: xiaobaoonline/pytorch-in-action at 193745dc (read as is), chapter8_PyTorch项目实战/speech_command/train.py;
# re-typed, identifiers renamed. `loss.data[0]` (an IndexError on a 0-dim tensor since PyTorch 0.5) and
# `Variable(..., volatile=True)` are kept as written.
from __future__ import print_function

import torch.nn.functional as F
from torch.autograd import Variable


def train(loader, model, optimizer, epoch, cuda):
    model.train()
    total = 0
    hits = 0
    for i, (x, y) in enumerate(loader):
        if cuda:
            x, y = x.cuda(), y.cuda()
        x, y = Variable(x), Variable(y)
        optimizer.zero_grad()
        out = model(x)
        loss = F.nll_loss(out, y)
        loss.backward()
        optimizer.step()
        total += loss.data[0]
        guess = out.data.max(1, keepdim=True)[1]
        hits += guess.eq(y.data.view_as(guess)).cpu().sum()
    total = total / len(loader.dataset)
    print('train set: Average loss: {:.4f}, Accuracy: {}/{} ({:.0f}%)'.format(
        total, hits, len(loader.dataset), 100. * hits / len(loader.dataset)))


def test(loader, model, cuda, split):
    model.eval()
    total = 0
    hits = 0
    for x, y in loader:
        if cuda:
            x, y = x.cuda(), y.cuda()
        x, y = Variable(x, volatile=True), Variable(y)
        out = model(x)
        total += F.nll_loss(out, y, size_average=False).data[0]  # expect: LG010
        guess = out.data.max(1, keepdim=True)[1]
        hits += guess.eq(y.data.view_as(guess)).cpu().sum()
    total /= len(loader.dataset)
    print(split + ' set: Average loss: {:.4f}, Accuracy: {}/{} ({:.0f}%)'.format(
        total, hits, len(loader.dataset), 100. * hits / len(loader.dataset)))
