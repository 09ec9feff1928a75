"""part of look-alike project [LG007, LG006, LG014]: the ELBO example averages log_softmax outputs over Monte Carlo runs into F.nll_loss plus the scaled KL; the test loss adds nll_loss(...).item() and the KL under torch.no_grad()."""
# Source: IntelLabs/bayesian-torch at aa7e57b3 (read as is), bayesian_torch/examples/main_bayesian_mnist.py; re-typed,
# identifiers renamed; most command-line options, the Monte Carlo evaluation and TensorBoard setup cut.
import argparse

import torch
import torch.nn.functional as F
import torch.optim as optim
from torch.optim.lr_scheduler import StepLR
from torchvision import datasets, transforms

import bayesian_torch.models.bayesian.simple_cnn_variational as simple_cnn


def train(args, model, device, loader, optimizer, epoch, tb_writer=None):
    model.train()
    for step, (data, target) in enumerate(loader):
        data, target = data.to(device), target.to(device)
        optimizer.zero_grad()
        outs = []
        kls = []
        for _ in range(args.num_mc):
            out, kl = model(data)
            outs.append(out)
            kls.append(kl)
        out = torch.mean(torch.stack(outs), dim=0)
        kl = torch.mean(torch.stack(kls), dim=0)
        nll = F.nll_loss(out, target)
        loss = nll + (kl / args.batch_size)

        loss.backward()
        optimizer.step()

        if step % args.log_interval == 0:
            print('Train Epoch: {} [{}/{}]\tLoss: {:.6f}'.format(epoch, step * len(data), len(loader.dataset), loss.item()))
        if tb_writer is not None:
            tb_writer.add_scalar('train/loss', loss.item(), epoch)
            tb_writer.flush()


def test(args, model, device, loader, epoch, tb_writer=None):
    model.eval()
    test_loss = 0
    correct = 0
    with torch.no_grad():
        for data, target in loader:
            data, target = data.to(device), target.to(device)
            out, kl = model(data)
            test_loss += F.nll_loss(out, target, reduction='sum').item() + (kl / args.batch_size)
            pred = out.argmax(dim=1, keepdim=True)
            correct += pred.eq(target.view_as(pred)).sum().item()
    test_loss /= len(loader.dataset)
    print('\nTest set: Average loss: {:.4f}, Accuracy: {}/{}\n'.format(test_loss, correct, len(loader.dataset)))
    if tb_writer is not None:
        tb_writer.add_scalar('val/loss', test_loss, epoch)


def main():
    parser = argparse.ArgumentParser(description='PyTorch simple_cnn MNIST Example')
    parser.add_argument('--batch-size', type=int, default=64)
    parser.add_argument('--test-batch-size', type=int, default=1000)
    parser.add_argument('--epochs', type=int, default=14)
    parser.add_argument('--lr', type=float, default=1.0)
    parser.add_argument('--gamma', type=float, default=0.7)
    parser.add_argument('--log-interval', type=int, default=10)
    parser.add_argument('--num_mc', type=int, default=1)
    args = parser.parse_args()
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    tf = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.1307,), (0.3081,))])
    train_loader = torch.utils.data.DataLoader(datasets.MNIST('../data', train=True, download=True, transform=tf),
                                               batch_size=args.batch_size, shuffle=True)
    test_loader = torch.utils.data.DataLoader(datasets.MNIST('../data', train=False, transform=tf),
                                              batch_size=args.test_batch_size, shuffle=False)

    model = simple_cnn.BayesSmallCNN().to(device)
    for epoch in range(1, args.epochs + 1):
        if epoch < args.epochs / 2:
            optimizer = optim.Adadelta(model.parameters(), lr=args.lr)
        else:
            optimizer = optim.Adadelta(model.parameters(), lr=args.lr / 10)
        scheduler = StepLR(optimizer, step_size=1, gamma=args.gamma)
        train(args, model, device, train_loader, optimizer, epoch)
        test(args, model, device, test_loader, epoch)
        scheduler.step()


if __name__ == '__main__':
    main()
