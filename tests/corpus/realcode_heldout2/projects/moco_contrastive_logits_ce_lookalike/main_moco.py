"""part of look-alike project [LG001, LG013, LG006]: the training loop feeds the (logits, labels) pair returned by the model to nn.CrossEntropyLoss and records loss.item()."""
# Source: https://github.com/facebookresearch/moco main_moco.py at 132aea9da9bb995a411c915c0420be3db62052f3; re-typed, names changed, reduced. Correct code.
import torch
import torch.nn as nn
import torchvision.models as models

import moco.builder


def train(train_loader, model, criterion, optimizer, epoch, args) -> None:
    losses = []
    model.train()
    for i, (images, _) in enumerate(train_loader):
        images[0] = images[0].cuda(args.gpu, non_blocking=True)
        images[1] = images[1].cuda(args.gpu, non_blocking=True)
        output, target = model(im_q=images[0], im_k=images[1])
        loss = criterion(output, target)
        losses.append(loss.item())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


def main_worker(gpu, args):
    model = moco.builder.MoCo(models.__dict__[args.arch], args.moco_dim, args.moco_k, args.moco_m, args.moco_t, args.mlp)
    criterion = nn.CrossEntropyLoss().cuda(args.gpu)
    optimizer = torch.optim.SGD(model.parameters(), args.lr, momentum=args.momentum, weight_decay=args.weight_decay)
    for epoch in range(args.start_epoch, args.epochs):
        train(args.train_loader, model, criterion, optimizer, epoch, args)
