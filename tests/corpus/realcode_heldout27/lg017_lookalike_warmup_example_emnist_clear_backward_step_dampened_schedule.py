"""look-alike [LG006, LG007, LG014, LG017]: the warm-up library's EMNIST example the maintainer points to in the same issue: zero_grad, forward, F.nll_loss on the network's log_softmax, backward, step, then the scheduler step under warmup_scheduler.dampening(); the test loss sums nll_loss(reduction='sum').item()."""
# Source: Tony-Y/pytorch_warmup at ed598d3a (the example linked in issue #12), examples/emnist/main.py; re-typed,
# identifiers renamed; the argument parser's help strings, the device and data-loader options and the output files
# shortened.
import argparse
import time

import pytorch_warmup as warmup
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torchvision import datasets, transforms


class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        self.conv1 = nn.Conv2d(1, 20, 5, 1)
        self.conv2 = nn.Conv2d(20, 50, 5, 1)
        self.fc1 = nn.Linear(4 * 4 * 50, 500)
        self.fc2 = nn.Linear(500, 47)

    def forward(self, x):
        x = F.relu(self.conv1(x))
        x = F.max_pool2d(x, 2, 2)
        x = F.relu(self.conv2(x))
        x = F.max_pool2d(x, 2, 2)
        x = x.view(-1, 4 * 4 * 50)
        x = F.relu(self.fc1(x))
        x = self.fc2(x)
        return F.log_softmax(x, dim=1)


def train(args, model, device, train_loader, optimizer, lr_scheduler, warmup_scheduler, epoch, history):
    since = time.time()
    model.train()
    for batch_idx, (data, target) in enumerate(train_loader):
        lr = optimizer.param_groups[0]['lr']
        data, target = data.to(device), target.to(device)
        optimizer.zero_grad()
        output = model(data)
        loss = F.nll_loss(output, target)
        loss.backward()
        optimizer.step()
        with warmup_scheduler.dampening():
            lr_scheduler.step()
        if (batch_idx + 1) % args.log_interval == 0:
            loss = loss.item()
            step = warmup_scheduler.last_step
            print('Train Epoch: {} [{}/{}]\tLoss: {:.6f} LR: {:.6f}'.format(
                epoch, (batch_idx + 1) * len(data), len(train_loader) * len(data), loss, lr))
            history.write(f'{epoch},{step},{loss:g},{lr:g}\n')
    print('Train Elapsed Time: {:.3f} sec'.format(time.time() - since))


def test(args, model, device, test_loader, epoch, evaluation):
    model.eval()
    test_loss = 0
    correct = 0
    with torch.no_grad():
        for data, target in test_loader:
            data, target = data.to(device), target.to(device)
            output = model(data)
            test_loss += F.nll_loss(output, target, reduction='sum').item()
            pred = output.argmax(dim=1, keepdim=True)
            correct += pred.eq(target.view_as(pred)).sum().item()
    test_loss /= len(test_loader.dataset)
    test_acc = 100. * correct / len(test_loader.dataset)
    evaluation.write(f'{epoch},{test_loss:g},{test_acc:.2f}\n')


def warmup_schedule(optimizer, name):
    if name == 'linear':
        return warmup.UntunedLinearWarmup(optimizer)
    elif name == 'exponential':
        return warmup.UntunedExponentialWarmup(optimizer)
    elif name == 'radam':
        return warmup.RAdamWarmup(optimizer)
    elif name == 'none':
        return warmup.LinearWarmup(optimizer, 1)


def main(args=None):
    parser = argparse.ArgumentParser(description='PyTorch EMNIST Example')
    parser.add_argument('--batch-size', type=int, default=64)
    parser.add_argument('--test-batch-size', type=int, default=1000)
    parser.add_argument('--epochs', type=int, default=10)
    parser.add_argument('--lr', type=float, default=0.01)
    parser.add_argument('--lr-min', type=float, default=1e-5)
    parser.add_argument('--wd', type=float, default=0.01)
    parser.add_argument('--beta2', type=float, default=0.999)
    parser.add_argument('--log-interval', type=int, default=10)
    parser.add_argument('--warmup', type=str, default='linear', choices=['linear', 'exponential', 'radam', 'none'])
    args = parser.parse_args(args)
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    tf = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.1751,), (0.3332,))])
    train_loader = torch.utils.data.DataLoader(datasets.EMNIST('data', 'balanced', train=True, download=True,
                                                               transform=tf),
                                               batch_size=args.batch_size, shuffle=True, drop_last=True)
    test_loader = torch.utils.data.DataLoader(datasets.EMNIST('data', 'balanced', train=False, transform=tf),
                                              batch_size=args.test_batch_size, shuffle=False)
    history = open('history.csv', 'w')
    evaluation = open('evaluation.csv', 'w')
    model = Net().to(device)
    optimizer = optim.AdamW(model.parameters(), lr=args.lr, betas=(0.9, args.beta2), weight_decay=args.wd)
    num_steps = len(train_loader) * args.epochs
    lr_scheduler = optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=num_steps, eta_min=args.lr_min)
    warmup_scheduler = warmup_schedule(optimizer, args.warmup)
    for epoch in range(1, args.epochs + 1):
        train(args, model, device, train_loader, optimizer, lr_scheduler, warmup_scheduler, epoch, history)
        test(args, model, device, test_loader, epoch, evaluation)
    history.close()
    evaluation.close()


if __name__ == '__main__':
    main()
