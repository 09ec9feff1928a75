"""look-alike [LG007, LG001, LG011]: a Japanese PyTorch textbook's multi-class chapter trains the iris logistic model three ways, all correct: Linear logits with nn.CrossEntropyLoss, a model ending in nn.LogSoftmax(dim=1) with nn.NLLLoss, and a model ending in nn.Softmax(dim=1) whose output the loop passes through torch.log before nn.NLLLoss (train and test); an nn.Softmax(dim=1) is also applied to print probabilities."""
# Source: makaishi2/pytorch_book_info at d950bcf7 (read as is), notebooks/ch07_multi_classifier.ipynb, code cells 3, 5-7,
# 10, 11, 15, 16, 20, 21, 26, 27, 43, 46, 47 and 50-52; re-typed, identifiers renamed; the `!pip` and `%matplotlib`
# lines, the plotting, graph-drawing and weight-printing cells and the NLLLoss demonstration on hand-made numbers (cell
# 42) cut. Each model's weights are filled with 1.0 as in the book (to match its companion math book).
import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim
from sklearn.datasets import load_iris
from sklearn.model_selection import train_test_split

# ---- cell 5
iris = load_iris()
x_all, y_all = iris.data, iris.target
# ---- cell 6
x_sel = x_all[:, [0, 2]]
# ---- cell 7
x_tr, x_te, y_tr, y_te = train_test_split(x_sel, y_all, train_size=75, test_size=75, random_state=123)
# ---- cell 10
n_in = x_tr.shape[1]
n_out = len(list(set(y_tr)))


# ---- cell 11
class Logistic(nn.Module):
    def __init__(self, n_in, n_out):
        super().__init__()
        self.l1 = nn.Linear(n_in, n_out)
        self.l1.weight.data.fill_(1.0)
        self.l1.bias.data.fill_(1.0)

    def forward(self, x):
        return self.l1(x)


net = Logistic(n_in, n_out)
# ---- cell 15
crit = nn.CrossEntropyLoss()
lr = 0.01
opt = optim.SGD(net.parameters(), lr=lr)
# ---- cell 16
xs = torch.tensor(x_tr).float()
ys = torch.tensor(y_tr).long()
xs_te = torch.tensor(x_te).float()
ys_te = torch.tensor(y_te).long()
# ---- cell 20
net = Logistic(n_in, n_out)
crit = nn.CrossEntropyLoss()
opt = optim.SGD(net.parameters(), lr=lr)
EPOCHS = 10000
history = np.zeros((0, 5))
# ---- cell 21
for ep in range(EPOCHS):
    opt.zero_grad()
    out = net(xs)
    loss = crit(out, ys)
    loss.backward()
    opt.step()
    guess = torch.max(out, 1)[1]
    tr_loss = loss.item()
    tr_acc = (guess == ys).sum() / len(ys)
    out_te = net(xs_te)
    loss_te = crit(out_te, ys_te)
    guess_te = torch.max(out_te, 1)[1]
    te_loss = loss_te.item()
    te_acc = (guess_te == ys_te).sum() / len(ys_te)
    if ep % 10 == 0:
        history = np.vstack((history, np.array([ep, tr_loss, tr_acc, te_loss, te_acc])))
# ---- cell 26
x3 = xs[[0, 2, 3], :]
# ---- cell 27
sm = torch.nn.Softmax(dim=1)
o3 = net(x3)
p3 = sm(o3)
print(o3.data.numpy())
print(p3.data.numpy())


# ---- cell 43
class LogSoftmaxNet(nn.Module):
    def __init__(self, n_in, n_out):
        super().__init__()
        self.l1 = nn.Linear(n_in, n_out)
        self.log_sm = nn.LogSoftmax(dim=1)
        self.l1.weight.data.fill_(1.0)
        self.l1.bias.data.fill_(1.0)

    def forward(self, x):
        h = self.l1(x)
        return self.log_sm(h)


# ---- cell 46
net = LogSoftmaxNet(n_in, n_out)
crit = nn.NLLLoss()
opt = optim.SGD(net.parameters(), lr=lr)
history = np.zeros((0, 5))
# ---- cell 47
for ep in range(EPOCHS):
    opt.zero_grad()
    out = net(xs)
    loss = crit(out, ys)
    loss.backward()
    opt.step()
    guess = torch.max(out, 1)[1]
    tr_loss = loss.item()
    tr_acc = (guess == ys).sum() / len(ys)
    out_te = net(xs_te)
    loss_te = crit(out_te, ys_te)
    guess_te = torch.max(out_te, 1)[1]
    te_loss = loss_te.item()
    te_acc = (guess_te == ys_te).sum() / len(ys_te)
    if ep % 10 == 0:
        history = np.vstack((history, np.array([ep, tr_loss, tr_acc, te_loss, te_acc])))


# ---- cell 50
class SoftmaxNet(nn.Module):
    def __init__(self, n_in, n_out):
        super().__init__()
        self.l1 = nn.Linear(n_in, n_out)
        self.sm = nn.Softmax(dim=1)
        self.l1.weight.data.fill_(1.0)
        self.l1.bias.data.fill_(1.0)

    def forward(self, x):
        h = self.l1(x)
        return self.sm(h)


# ---- cell 51
net = SoftmaxNet(n_in, n_out)
crit = nn.NLLLoss()
opt = optim.SGD(net.parameters(), lr=lr)
history = np.zeros((0, 5))
# ---- cell 52
for ep in range(EPOCHS):
    opt.zero_grad()
    out = net(xs)
    log_out = torch.log(out)
    loss = crit(log_out, ys)
    loss.backward()
    opt.step()
    guess = torch.max(out, 1)[1]
    tr_loss = loss.item()
    tr_acc = (guess == ys).sum() / len(ys)
    out_te = net(xs_te)
    log_out_te = torch.log(out_te)
    loss_te = crit(log_out_te, ys_te)
    guess_te = torch.max(out_te, 1)[1]
    te_loss = loss_te.item()
    te_acc = (guess_te == ys_te).sum() / len(ys_te)
    if ep % 10 == 0:
        history = np.vstack((history, np.array([ep, tr_loss, tr_acc, te_loss, te_acc])))
