"""look-alike [LG001, LG006, LG013]: the head is chosen by a --metric string whose plain option is called 'softmax' but builds nn.Linear; every head's scaled logits go to nn.CrossEntropyLoss with target.long(), and the meters receive loss.item()."""
# Source: 4uiiurz1/pytorch-adacos at 35c086cc (read as is), mnist_train.py; re-typed, identifiers renamed; the --cpu
# branches, the run folder and argument dumps, the CSV log and the SphereFace option cut. Not a rule's concern: the
# optimizer is built from the embedding network's parameters only, so the margin heads' weight W is never trained.
import argparse
from collections import OrderedDict

import torch
import torch.backends.cudnn as cudnn
import torch.nn as nn
import torch.optim as optim
from torch.optim import lr_scheduler
import torchvision.transforms as transforms
import torchvision.datasets as datasets
from tqdm import tqdm

from utils import *
from mnist import archs
import metrics


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument('--arch', default='MNISTNet', choices=archs.__all__)
    p.add_argument('--metric', default='adacos', choices=['adacos', 'arcface', 'cosface', 'softmax'])
    p.add_argument('--num-features', default=512, type=int)
    p.add_argument('-b', '--batch-size', default=128, type=int)
    p.add_argument('--epochs', default=100, type=int)
    p.add_argument('--lr', default=1e-2, type=float)
    p.add_argument('--min-lr', default=1e-3, type=float)
    p.add_argument('--momentum', default=0.5, type=float)
    p.add_argument('--weight-decay', default=1e-4, type=float)
    return p.parse_args()


def train(args, loader, model, head, criterion, optimizer):
    losses = AverageMeter()
    accs = AverageMeter()
    model.train()
    head.train()
    for i, (x, target) in tqdm(enumerate(loader), total=len(loader)):
        x = x.cuda()
        target = target.long().cuda()
        feat = model(x)
        if args.metric == 'softmax':
            out = head(feat)
        else:
            out = head(feat, target)
        loss = criterion(out, target)
        acc1, = accuracy(out, target, topk=(1,))
        losses.update(loss.item(), x.size(0))
        accs.update(acc1.item(), x.size(0))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return OrderedDict([('loss', losses.avg), ('acc1', accs.avg)])


def validate(args, loader, model, head, criterion):
    losses = AverageMeter()
    accs = AverageMeter()
    model.eval()
    head.eval()
    with torch.no_grad():
        for i, (x, target) in tqdm(enumerate(loader), total=len(loader)):
            x = x.cuda()
            target = target.long().cuda()
            feat = model(x)
            if args.metric == 'softmax':
                out = head(feat)
            else:
                out = head(feat, target)
            loss = criterion(out, target)
            acc1, = accuracy(out, target, topk=(1,))
            losses.update(loss.item(), x.size(0))
            accs.update(acc1.item(), x.size(0))
    return OrderedDict([('loss', losses.avg), ('acc1', accs.avg)])


def main():
    args = parse_args()
    criterion = nn.CrossEntropyLoss().cuda()
    cudnn.benchmark = True
    tf = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.1307,), (0.3081,))])
    train_set = datasets.MNIST(root='~/data', train=True, download=True, transform=tf)
    test_set = datasets.MNIST(root='~/data', train=False, download=True, transform=tf)
    train_loader = torch.utils.data.DataLoader(train_set, batch_size=args.batch_size, shuffle=True, num_workers=8)
    test_loader = torch.utils.data.DataLoader(test_set, batch_size=args.batch_size, shuffle=False, num_workers=8)
    model = archs.__dict__[args.arch](args).cuda()
    if args.metric == 'adacos':
        head = metrics.AdaCos(num_features=args.num_features, num_classes=10)
    elif args.metric == 'arcface':
        head = metrics.ArcFace(num_features=args.num_features, num_classes=10)
    elif args.metric == 'cosface':
        head = metrics.CosFace(num_features=args.num_features, num_classes=10)
    else:
        head = nn.Linear(args.num_features, 10)
    head = head.cuda()
    optimizer = optim.SGD(filter(lambda p: p.requires_grad, model.parameters()), lr=args.lr,
                          momentum=args.momentum, weight_decay=args.weight_decay)
    scheduler = lr_scheduler.CosineAnnealingLR(optimizer, T_max=args.epochs, eta_min=args.min_lr)
    best = float('inf')
    for epoch in range(args.epochs):
        scheduler.step()
        tr = train(args, train_loader, model, head, criterion, optimizer)
        va = validate(args, test_loader, model, head, criterion)
        print('loss %.4f - acc1 %.4f - val_loss %.4f - val_acc %.4f'
              % (tr['loss'], tr['acc1'], va['loss'], va['acc1']))
        if va['loss'] < best:
            torch.save(model.state_dict(), 'models/model.pth')
            best = va['loss']


if __name__ == '__main__':
    main()
