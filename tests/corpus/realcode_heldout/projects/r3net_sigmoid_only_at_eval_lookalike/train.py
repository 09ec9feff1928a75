"""part of look-alike project [LG003, LG002, LG006]: module-level nn.BCEWithLogitsLoss() applied to each raw side output unpacked from net(inputs) in training mode; the records keep loss.data[0]."""
# Source: https://github.com/zijundeng/R3Net train.py at 93b8a34e68445aea1b97cdda9bc7a34be99309db; re-typed, names changed, reduced.
# Correct code.
from torch import nn, optim
from torch.autograd import Variable

from model import R3Net

args = {"iter_num": 6000, "lr": 0.001, "lr_decay": 0.9, "weight_decay": 5e-4, "momentum": 0.9}
criterion = nn.BCEWithLogitsLoss()


def main(backbone, train_loader, record):
    net = R3Net(backbone).train()
    optimizer = optim.SGD(net.parameters(), lr=args["lr"], momentum=args["momentum"], weight_decay=args["weight_decay"])
    curr_iter = 0
    while True:
        for i, data in enumerate(train_loader):
            inputs, labels = data
            batch_size = inputs.size(0)
            inputs = Variable(inputs)
            labels = Variable(labels)
            optimizer.zero_grad()
            outputs0, outputs1 = net(inputs)
            loss0 = criterion(outputs0, labels)
            loss1 = criterion(outputs1, labels)
            total_loss = loss0 + loss1
            total_loss.backward()
            optimizer.step()
            record.update(total_loss.data[0], batch_size)
            curr_iter += 1
            if curr_iter == args["iter_num"]:
                return
