"""look-alike [LG001, LG006, LG014]: after the fix the notebook's Net returns raw scores to F.cross_entropy; the EWC penalty is added to the step's own loss, the test loss sums .item(), and the Fisher cell accumulates gradients on purpose without a step."""
# Source: ContinualAI/colab@c5e20ca819d77ec21b4da8e3221558aec32016f0 notebooks/intro_to_continual_learning.ipynb (the fix "Fixed cross_entropy usage", pull request #4); the .py text of the code cells without shell lines, the pip-install cell and the plotting cells; re-typed, identifiers renamed
import torch
import torch.nn as nn
import torch.optim as optim
import torch.nn.functional as F
import numpy as np

from colab.scripts import mnist

mnist.init()
x_train, t_train, x_test, t_test = mnist.load()

use_cuda = True
use_cuda = use_cuda and torch.cuda.is_available()
device = torch.device("cuda" if use_cuda else "cpu")
torch.manual_seed(1)


class DigitNet(nn.Module):
    def __init__(self):
        super(DigitNet, self).__init__()
        self.c1 = nn.Conv2d(1, 10, kernel_size=5)
        self.c2 = nn.Conv2d(10, 20, kernel_size=5)
        self.c2_drop = nn.Dropout2d()
        self.l1 = nn.Linear(320, 50)
        self.l2 = nn.Linear(50, 10)

    def forward(self, x):
        x = F.relu(F.max_pool2d(self.c1(x), 2))
        x = F.relu(F.max_pool2d(self.c2_drop(self.c2(x)), 2))
        x = x.view(-1, 320)
        x = F.relu(self.l1(x))
        x = F.dropout(x, training=self.training)
        x = self.l2(x)
        return x


def fit(net, device, xs, ts, opt, epoch):
    net.train()
    for lo in range(0, len(ts) - 1, 256):
        hi = lo + 256
        x, y = torch.from_numpy(xs[lo:hi]), torch.from_numpy(ts[lo:hi]).long()
        x, y = x.to(device), y.to(device)
        opt.zero_grad()
        out = net(x)
        loss = F.cross_entropy(out, y)
        loss.backward()
        opt.step()
    print('Train Epoch: {} \tLoss: {:.6f}'.format(epoch, loss.item()))


def evaluate(net, device, xs, ts):
    net.eval()
    total = 0
    hits = 0
    for lo in range(0, len(ts) - 1, 256):
        hi = lo + 256
        with torch.no_grad():
            x, y = torch.from_numpy(xs[lo:hi]), torch.from_numpy(ts[lo:hi]).long()
            x, y = x.to(device), y.to(device)
            out = net(x)
            total += F.cross_entropy(out, y).item()
            guess = out.max(1, keepdim=True)[1]
            hits += guess.eq(y.view_as(guess)).sum().item()
    total /= len(t_train)
    print('Test set: Average loss: {:.4f}, Accuracy: {}/{}'.format(total, hits, len(ts)))
    return 100. * hits / len(ts)


def permute_mnist(sets, seed):
    np.random.seed(seed)
    h = w = 28
    order = list(range(h * w))
    np.random.shuffle(order)
    out = []
    for s in sets:
        n = s.shape[0]
        flat = s.reshape(n, w * h)
        out.append(flat[:, order].reshape(n, 1, w, h))
    return out


task_1 = [(x_train, t_train), (x_test, t_test)]
x_train2, x_test2 = permute_mnist([x_train, x_test], 1)
task_2 = [(x_train2, t_train), (x_test2, t_test)]
x_train3, x_test3 = permute_mnist([x_train, x_test], 2)
task_3 = [(x_train3, t_train), (x_test3, t_test)]
tasks = [task_1, task_2, task_3]

net = DigitNet().to(device)
opt = optim.SGD(net.parameters(), lr=0.01, momentum=0.9)

naive_accs = []
for tid, task in enumerate(tasks):
    acc_sum = 0
    (xs, ts), _ = task
    for epoch in range(1, 2):
        fit(net, device, xs, ts, opt, epoch)
    for tid_test, task in enumerate(tasks):
        _, (xv, tv) = task
        acc_sum = acc_sum + evaluate(net, device, xv, tv)
    naive_accs.append(acc_sum / 3)

fisher = {}
anchor = {}
ewc_lambda = 0.4

net = DigitNet().to(device)
opt = optim.SGD(net.parameters(), lr=0.01, momentum=0.9)


def after_task(tid, x_mem, t_mem):
    net.train()
    opt.zero_grad()
    for lo in range(0, len(t_mem) - 1, 256):
        hi = lo + 256
        x, y = torch.from_numpy(x_mem[lo:hi]), torch.from_numpy(t_mem[lo:hi]).long()
        x, y = x.to(device), y.to(device)
        out = net(x)
        loss = F.cross_entropy(out, y)
        loss.backward()
    fisher[tid] = {}
    anchor[tid] = {}
    for name, p in net.named_parameters():
        anchor[tid][name] = p.data.clone()
        fisher[tid][name] = p.grad.data.clone().pow(2)


def fit_ewc(net, device, tid, xs, ts, opt, epoch):
    net.train()
    for lo in range(0, len(ts) - 1, 256):
        hi = lo + 256
        x, y = torch.from_numpy(xs[lo:hi]), torch.from_numpy(ts[lo:hi]).long()
        x, y = x.to(device), y.to(device)
        opt.zero_grad()
        out = net(x)
        loss = F.cross_entropy(out, y)
        for past in range(tid):
            for name, p in net.named_parameters():
                f = fisher[past][name]
                a = anchor[past][name]
                loss += (f * (a - p).pow(2)).sum() * ewc_lambda
        loss.backward()
        opt.step()
    print('Train Epoch: {} \tLoss: {:.6f}'.format(epoch, loss.item()))


ewc_accs = []
for tid, task in enumerate(tasks):
    acc_sum = 0
    (xs, ts), _ = task
    for epoch in range(1, 3):
        fit_ewc(net, device, tid, xs, ts, opt, epoch)
    after_task(tid, xs, ts)
    for tid_test, task in enumerate(tasks):
        _, (xv, tv) = task
        acc_sum = acc_sum + evaluate(net, device, xv, tv)
    ewc_accs.append(acc_sum / 3)
