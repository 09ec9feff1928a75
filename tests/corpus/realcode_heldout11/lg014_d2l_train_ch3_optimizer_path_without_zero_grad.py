"""positive [LG014]: train_ch3 clears gradients only by hand, when a params list is given; the script calls it with params=None and an SGD optimizer, so every batch back-propagates and steps the optimizer without clearing the gradients."""
# Source: Miraclelucy/dive_into_deep_learning@2da7894565c76ef82ce0a5340cfc8e839c8dea74 ch02/04-softmax-linear-regression-concise.py (read as is; its issue #6 asks why it needs no zero_grad after each batch; re-typed, identifiers renamed, the debug prints left out)
import torch
from d2l import torch as d2l
from torch import nn

batch_size = 256
train_iter, test_iter = d2l.load_data_fashion_mnist(batch_size)

net = nn.Sequential(nn.Flatten(), nn.Linear(784, 10))


def init_weight(m):
    if type(m) == nn.Linear:
        nn.init.normal_(m.weight, std=0.01)


net.apply(init_weight)

loss = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(net.parameters(), lr=0.1)
num_epochs = 5


def evaluate_accuracy(data_iter, net):
    acc_sum, n = 0.0, 0
    for X, y in data_iter:
        acc_sum += (net(X).argmax(dim=1) == y).float().sum().item()
        n += y.shape[0]
    return acc_sum / n


def train_ch3(net, train_iter, test_iter, loss, num_epochs, batch_size, params=None, lr=None, optimizer=None):
    for epoch in range(num_epochs):
        l_sum, acc_sum, n = 0.0, 0.0, 0
        for X, y in train_iter:
            y_hat = net(X)
            l = loss(y_hat, y).sum()
            if params is not None and params[0].grad is not None:
                for param in params:
                    param.grad.data.zero_()
            l.backward()
            if optimizer is not None:
                optimizer.step()  # expect: LG014
            else:
                d2l.sgd(params, lr, batch_size)
            l_sum += l.item()
            acc_sum += (y_hat.argmax(dim=1) == y).sum().item()
            n += y.shape[0]
        test_acc = evaluate_accuracy(test_iter, net)
        print('epoch %d, loss %.4f, train acc %.3f, test acc %.3f' % (epoch + 1, l_sum / n, acc_sum / n, test_acc))


train_ch3(net, train_iter, test_iter, loss, num_epochs, 256, None, 0.3, optimizer)
