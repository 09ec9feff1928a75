"""positive [LG010]: the course's PyTorch example builds torch.nn.CrossEntropyLoss(size_average=True), the deprecated pre-1.0 argument, and calls it through loss.forward(logits, labels) inside a train() helper that returns output.item() to the epoch cost."""
# Source: lazyprogrammer/machine_learning_examples at 9c358785 (read as is), ann_class2/pytorch_example.py; re-typed,
# identifiers renamed; the cost and accuracy plots cut. The same constructor is in ann_class2/pytorch_example2.py,
# pytorch_dropout.py and pytorch_batchnorm.py.
import numpy as np
import torch
from torch import optim
from torch.autograd import Variable

from util import get_normalized_data

x_tr, x_te, y_tr, y_te = get_normalized_data()
_, D = x_tr.shape
K = len(set(y_tr))

net = torch.nn.Sequential()
net.add_module("dense1", torch.nn.Linear(D, 500))
net.add_module("relu1", torch.nn.ReLU())
net.add_module("dense2", torch.nn.Linear(500, 300))
net.add_module("relu2", torch.nn.ReLU())
net.add_module("dense3", torch.nn.Linear(300, K))

loss = torch.nn.CrossEntropyLoss(size_average=True)  # expect: LG010
optimizer = optim.Adam(net.parameters())


def train(net, loss, optimizer, inputs, labels):
    inputs = Variable(inputs, requires_grad=False)
    labels = Variable(labels, requires_grad=False)
    optimizer.zero_grad()
    logits = net.forward(inputs)
    output = loss.forward(logits, labels)
    output.backward()
    optimizer.step()
    return output.item()


def predict(net, inputs):
    inputs = Variable(inputs, requires_grad=False)
    logits = net.forward(inputs)
    return logits.data.numpy().argmax(axis=1)


x_tr = torch.from_numpy(x_tr).float()
y_tr = torch.from_numpy(y_tr).long()
x_te = torch.from_numpy(x_te).float()

epochs = 15
bs = 32
n_batches = x_tr.size()[0] // bs
costs = []
accs = []
for i in range(epochs):
    cost = 0.
    for j in range(n_batches):
        xb = x_tr[j * bs:(j + 1) * bs]
        yb = y_tr[j * bs:(j + 1) * bs]
        cost += train(net, loss, optimizer, xb, yb)
    pred = predict(net, x_te)
    acc = np.mean(y_te == pred)
    print("Epoch: %d, cost: %f, acc: %.2f" % (i, cost / n_batches, acc))
    costs.append(cost / n_batches)
    accs.append(acc)
