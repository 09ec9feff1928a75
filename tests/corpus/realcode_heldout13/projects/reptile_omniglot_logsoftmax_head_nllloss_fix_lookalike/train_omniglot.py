"""part of look-alike project [LG001, LG007]: after the fix the module-level criterion is nn.NLLLoss, applied by a helper to the log-probabilities of a cloned GlyphNet (its head ends in nn.LogSoftmax(1))."""
# Source: gabrielhuang/reptile-pytorch@6cbc577a3c7f231ac5a8d0efb72b1eb97a77fa4e train_omniglot.py (the fix "fix crossentropy -> nllloss", issue #2; re-typed, identifiers renamed, Python 2 prints made print() calls, xrange made range and .next() made next(), argument parsing, checkpoint resuming and the tensorboard logging shortened)
import os
import argparse

import numpy as np
import torch
import tqdm
from torch import nn
from torch.autograd import Variable
from torch.utils.data import DataLoader

from models import GlyphNet
from omniglot import MetaOmniglotFolder, split_omniglot, ImageCache, transform_image, transform_label


def endless(loader):
    while True:
        for batch in loader:
            yield batch


def to_var(tensor, *a, **kw):
    if type(tensor) in (list, tuple):
        return [to_var(t, *a, **kw) for t in tensor]
    v = Variable(tensor, *a, **kw)
    if opts.cuda:
        v = v.cuda()
    return v


parser = argparse.ArgumentParser('Train reptile on omniglot')
parser.add_argument('logdir')
parser.add_argument('--classes', default=5, type=int)
parser.add_argument('--shots', default=5, type=int)
parser.add_argument('--train-shots', default=10, type=int)
parser.add_argument('--meta-iterations', default=100000, type=int)
parser.add_argument('--iterations', default=5, type=int)
parser.add_argument('--test-iterations', default=50, type=int)
parser.add_argument('--batch', default=10, type=int)
parser.add_argument('--meta-lr', default=1., type=float)
parser.add_argument('--lr', default=1e-3, type=float)
parser.add_argument('--validation', default=0.1, type=float)
parser.add_argument('--validate-every', default=100, type=int)
parser.add_argument('--input', default='omniglot')
parser.add_argument('--cuda', default=1, type=int)
opts = parser.parse_args()
print(opts)

glyphs = MetaOmniglotFolder(opts.input, size=(28, 28), cache=ImageCache(),
                            transform_image=transform_image,
                            transform_label=transform_label)
meta_train, meta_test = split_omniglot(glyphs, opts.validation)


xent = nn.NLLLoss()
def task_loss(scores, labels):
    return xent(scores, labels)


def inner_train(net, optimizer, batches, iterations):
    net.train()
    for it in range(iterations):
        images, labels = to_var(next(batches))
        scores = net(images)
        loss = task_loss(scores, labels)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return loss.data[0]


def inner_eval(net, batches, iterations):
    losses = []
    accs = []
    net.eval()
    for it in range(iterations):
        images, labels = to_var(next(batches))
        scores = net(images)
        loss = task_loss(scores, labels)
        guess = net.predict(scores)
        acc = (guess == labels).float().mean()
        losses.append(loss.data[0])
        accs.append(acc.data[0])
    return np.mean(losses), np.mean(accs)


def make_optimizer(net, state=None):
    optimizer = torch.optim.Adam(net.parameters(), lr=opts.lr, betas=(0, 0.999))
    if state is not None:
        optimizer.load_state_dict(state)
    return optimizer


def set_lr(optimizer, lr):
    for group in optimizer.param_groups:
        group['lr'] = lr


slow_net = GlyphNet(opts.classes)
if opts.cuda:
    slow_net.cuda()
slow_opt = torch.optim.SGD(slow_net.parameters(), lr=opts.meta_lr)
inner_state = None

for meta_it in tqdm.trange(0, opts.meta_iterations):
    meta_lr = opts.meta_lr * (1. - meta_it / float(opts.meta_iterations))
    set_lr(slow_opt, meta_lr)

    fast_net = slow_net.clone()
    fast_opt = make_optimizer(fast_net, inner_state)

    task = meta_train.get_random_task(opts.classes, opts.train_shots or opts.shots)
    batches = endless(DataLoader(task, opts.batch, shuffle=True))

    loss = inner_train(fast_net, fast_opt, batches, opts.iterations)
    inner_state = fast_opt.state_dict()

    slow_net.move_grad_towards(fast_net)
    slow_opt.step()

    if meta_it % opts.validate_every == 0:
        for (meta_set, mode) in [(meta_train, 'train'), (meta_test, 'val')]:
            support, query = meta_set.get_random_task_split(opts.classes, train_K=opts.shots, test_K=5)
            support_batches = endless(DataLoader(support, opts.batch, shuffle=True))
            query_batches = endless(DataLoader(query, opts.batch, shuffle=True))
            fast_net = slow_net.clone()
            fast_opt = make_optimizer(fast_net, inner_state)
            loss = inner_train(fast_net, fast_opt, support_batches, opts.test_iterations)
            meta_loss, meta_acc = inner_eval(fast_net, query_batches, 1)
            print('Meta-{}'.format(mode), meta_loss, meta_acc)
