"""look-alike [LG014, LG006, LG001]: the correlation-regularised classifier zeroes the gradients once before the loop and again right after every optimizer.step(); running sums keep loss.data.cpu() and regularization_loss.data; softmax only feeds argmax."""
# Source: https://github.com/salesforce/corr_based_prediction main.py at f04a72fe0806ee45af9f494aafddb86647794c5c
# (issue #1 asked whether zero_grad outside the loop accumulates gradients; the zero_grad after step covers it);
# re-typed, names changed, reduced. Correct code.
import numpy as np
import torch
import torch.nn as nn
from torch.autograd import Variable

from models import CNN, ResNet_model
from utils import correlation_reg

if args.arch == "resnet":
    model0 = ResNet_model(bn=args.bn, num_classes=nb_classes, depth=args.depth, inp_channels=3, k=args.k)
elif args.arch == "cnn":
    model0 = CNN(bn=args.bn, num_classes=nb_classes)
params = list(model0.parameters())
model = torch.nn.DataParallel(model0, device_ids=range(len(args.gpu)))
criterion = nn.CrossEntropyLoss()


def train(epoch):
    global trainloader, optimizer, args, model, best_loss
    model.train()
    correct = 0
    total = 0
    total_loss, tot_regularization_loss = 0, 0
    optimizer.zero_grad()
    tot_iters = len(trainloader)
    for batch_idx in range(tot_iters):
        inputs, targets = next(iter(trainloader))
        inputs = Variable(inputs)
        outputs, hid_repr = model(inputs, ret_hid=True)
        loss = criterion(outputs, targets)
        regularization_loss = correlation_reg(hid_repr, targets.cpu().numpy())
        tot_regularization_loss = tot_regularization_loss + regularization_loss.data
        total_loss_ = loss + args.beta * regularization_loss
        total_loss_.backward()
        total_loss += loss.data.cpu()
        _, predicted = torch.max(nn.Softmax(dim=1)(outputs).data, 1)
        total += targets.size(0)
        correct += predicted.eq(targets.data).cpu().sum()
        optimizer.step()
        optimizer.zero_grad()
    acc = 100.0 * correct / total
    return total_loss / (batch_idx + 1), acc, tot_regularization_loss / (batch_idx + 1)


optimizer = torch.optim.Adam(params, lr=args.lr, weight_decay=args.wdecay)
best_acc, best_loss = 0, np.inf
epoch = 0
while epoch < args.epochs:
    epoch += 1
    loss, train_acc, regularization_loss = train(epoch)
