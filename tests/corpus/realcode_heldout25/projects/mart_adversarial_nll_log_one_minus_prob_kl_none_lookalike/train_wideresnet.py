"""part of look-alike project [LG001, LG007, LG008, LG009, LG014]: the CIFAR-10 training script zeroes the gradients, gets the MART loss (which zeroes them again after the attack), back-propagates and steps each batch; the white-box evaluation builds a throw-away SGD over the input only, with nn.CrossEntropyLoss()(model(x), y) on logits."""
# Source: YisenWang/MART at 2d83e17b (read as is), train_wideresnet.py; re-typed, identifiers renamed; argument
# parsing shortened to a namespace, data loading, the learning-rate schedule, checkpointing and the natural-accuracy
# evaluation cut. The WideResNet (resnet-style, Linear classifier) is not included.
import torch
import torch.nn as nn
import torch.optim as optim
from torch.autograd import Variable

from mart import robust_loss
from wideresnet import WideResNet


def train(args, model, device, train_loader, optimizer, epoch):
    model.train()
    for i, (data, target) in enumerate(train_loader):
        data, target = data.to(device), target.to(device)
        optimizer.zero_grad()
        loss = robust_loss(model=model, x_clean=data, y=target, optimizer=optimizer, step_size=args.step_size,
                           epsilon=args.epsilon, perturb_steps=args.num_steps, beta=args.beta)
        loss.backward()
        optimizer.step()
        if i % args.log_interval == 0:
            print('Epoch {} [{}/{}]\tLoss: {:.6f}'.format(epoch, i * len(data), len(train_loader.dataset), loss.item()))


def pgd_whitebox(model, X, y, epsilon=0.031, num_steps=20, step_size=0.0031, device='cuda'):
    out = model(X)
    err = (out.data.max(1)[1] != y.data).float().sum()
    X_pgd = Variable(X.data, requires_grad=True)
    noise = torch.FloatTensor(*X_pgd.shape).uniform_(-epsilon, epsilon).to(device)
    X_pgd = Variable(X_pgd.data + noise, requires_grad=True)
    for _ in range(num_steps):
        opt = optim.SGD([X_pgd], lr=1e-3)
        opt.zero_grad()
        with torch.enable_grad():
            loss = nn.CrossEntropyLoss()(model(X_pgd), y)
        loss.backward()
        eta = step_size * X_pgd.grad.data.sign()
        X_pgd = Variable(X_pgd.data + eta, requires_grad=True)
        eta = torch.clamp(X_pgd.data - X.data, -epsilon, epsilon)
        X_pgd = Variable(torch.clamp(X.data + eta, 0, 1.0), requires_grad=True)
    err_pgd = (model(X_pgd).data.max(1)[1] != y.data).float().sum()
    return err, err_pgd


def main(args, train_loader, device):
    model = WideResNet().to(device)
    optimizer = optim.SGD(model.parameters(), lr=args.lr, momentum=args.momentum, weight_decay=args.weight_decay)
    for epoch in range(1, args.epochs + 1):
        train(args, model, device, train_loader, optimizer, epoch)
