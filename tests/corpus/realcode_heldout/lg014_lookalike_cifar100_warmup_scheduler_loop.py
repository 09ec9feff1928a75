"""look-alike [LG014, LG001, LG006]: CIFAR-100 training: zero_grad before every backward, a per-iteration warm-up LR scheduler stepped in the first epochs, raw logits into nn.CrossEntropyLoss, loss.item() summed under @torch.no_grad() in evaluation."""
# Source: https://github.com/weiaicunzai/pytorch-cifar100 train.py and utils.py at
# 11d8418f415b261e4ae3cb1ffe20d06ec95b98e4; re-typed, names changed, reduced. Correct code.
import torch
import torch.nn as nn
import torch.optim as optim
from torch.optim.lr_scheduler import _LRScheduler


class LinearWarmup(_LRScheduler):
    def __init__(self, optimizer, total_iters, last_epoch=-1):
        self.total_iters = total_iters
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        return [lr * self.last_epoch / (self.total_iters + 1e-8) for lr in self.base_lrs]


def train_one_epoch(net, loader, criterion, optimizer, warmup, epoch, warm_epochs, writer):
    net.train()
    for i, (images, labels) in enumerate(loader):
        optimizer.zero_grad()
        outputs = net(images)
        loss = criterion(outputs, labels)
        loss.backward()
        optimizer.step()
        step = (epoch - 1) * len(loader) + i + 1
        writer.add_scalar("train/loss", loss.item(), step)
        if epoch <= warm_epochs:
            warmup.step()


@torch.no_grad()
def evaluate(net, loader, criterion):
    net.eval()
    total_loss, correct = 0.0, 0.0
    for images, labels in loader:
        outputs = net(images)
        loss = criterion(outputs, labels)
        total_loss += loss.item()
        _, pred = outputs.max(1)
        correct += pred.eq(labels).sum()
    return total_loss / len(loader.dataset), correct.float() / len(loader.dataset)


def main(net, train_loader, test_loader, writer, epochs=200, warm_epochs=1):
    criterion = nn.CrossEntropyLoss()
    optimizer = optim.SGD(net.parameters(), lr=0.1, momentum=0.9, weight_decay=5e-4)
    decay = optim.lr_scheduler.MultiStepLR(optimizer, milestones=[60, 120, 160], gamma=0.2)
    warmup = LinearWarmup(optimizer, len(train_loader) * warm_epochs)
    for epoch in range(1, epochs + 1):
        if epoch > warm_epochs:
            decay.step()
        train_one_epoch(net, train_loader, criterion, optimizer, warmup, epoch, warm_epochs, writer)
        evaluate(net, test_loader, criterion)
