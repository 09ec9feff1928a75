"""look-alike [LG006, LG013]: mixup: mixup_criterion(criterion, pred, y_a, y_b, lam) = lam * CE(pred, y_a) + (1 - lam) * CE(pred, y_b) with the integer targets of both permuted batches; train_loss accumulates loss.data[0] (a Python number in the PyTorch of the time)."""
# Source: https://github.com/facebookresearch/mixup-cifar10 train.py at eaff31ab397a90fbc0a4aac71fb5311144b3608b;
# re-typed, names changed, reduced. Correct code.
import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim
from torch.autograd import Variable


def mixup_data(x, y, alpha=1.0):
    lam = np.random.beta(alpha, alpha) if alpha > 0 else 1
    batch_size = x.size()[0]
    index = torch.randperm(batch_size)
    mixed_x = lam * x + (1 - lam) * x[index, :]
    y_a, y_b = y, y[index]
    return mixed_x, y_a, y_b, lam


def mixup_criterion(criterion, pred, y_a, y_b, lam):
    return lam * criterion(pred, y_a) + (1 - lam) * criterion(pred, y_b)


def train(net, trainloader, epoch, lr=0.1, alpha=1.0, decay=1e-4):
    criterion = nn.CrossEntropyLoss()
    optimizer = optim.SGD(net.parameters(), lr=lr, momentum=0.9, weight_decay=decay)
    net.train()
    train_loss = 0
    for batch_idx, (inputs, targets) in enumerate(trainloader):
        inputs, targets_a, targets_b, lam = mixup_data(inputs, targets, alpha)
        inputs, targets_a, targets_b = map(Variable, (inputs, targets_a, targets_b))
        outputs = net(inputs)
        loss = mixup_criterion(criterion, outputs, targets_a, targets_b, lam)
        train_loss += loss.data[0]
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return train_loss / (batch_idx + 1)
