"""part of look-alike project [LG001, LG006, LG014]: CrossEntropyLoss on the tree's linear leaves plus its penalty, the tree's own optimizer cleared every batch, and the logged loss recomputed under no_grad and stored as a numpy value."""
# Source: xuyxu/Soft-Decision-Tree@32f2990c880c7a6a3f09a61faecd5aa409356074 main.py ("Fix up the loss function", which adds the penalty to the loss; re-typed, the data-loader transforms and the test stage shortened)
import torch
import torch.nn as nn
from torchvision import datasets, transforms

from SDT import SDT


def onehot_coding(target, device, output_dim):
    onehot = torch.FloatTensor(target.size()[0], output_dim).to(device)
    onehot.data.zero_()
    onehot.scatter_(1, target.view(-1, 1), 1.)
    return onehot


if __name__ == '__main__':
    args = {'input_dim': 28 * 28, 'output_dim': 10, 'depth': 5, 'lamda': 1e-3, 'lr': 1e-3,
            'weight_decay': 5e-4, 'batch_size': 128, 'epochs': 40, 'cuda': False, 'log_interval': 100}
    device = torch.device('cpu')
    tree = SDT(args).to(device)
    criterion = nn.CrossEntropyLoss()
    train_loader = torch.utils.data.DataLoader(
        datasets.MNIST('../Dataset/mnist', train=True, download=True, transform=transforms.ToTensor()),
        batch_size=args['batch_size'], shuffle=True)
    loss_log = []

    for epoch in range(1, args['epochs'] + 1):
        tree.train()
        for batch_idx, (data, target) in enumerate(train_loader):
            data, target = data.to(device), target.to(device)
            onehot = onehot_coding(target, device, args['output_dim'])
            output, penalty = tree.forward(data)

            tree.optimizer.zero_grad()
            loss = criterion(output, target.view(-1))
            loss += penalty
            loss.backward()
            tree.optimizer.step()

            if batch_idx % args['log_interval'] == 0:
                with torch.no_grad():
                    pred = output.data.max(1)[1]
                    correct = pred.eq(target.view(-1).data).sum()
                    loss = criterion(output, target.view(-1))
                    loss_log.append(loss.cpu().data.numpy())
                    print('Epoch: {:02d} | Batch: {:03d} | loss: {:.5f} | Correct: {}/{}'.format(
                        epoch, batch_idx, loss.data, correct, output.size()[0]))
