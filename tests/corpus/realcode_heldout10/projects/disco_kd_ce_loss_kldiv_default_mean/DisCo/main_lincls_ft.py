"""part of positive project [LG009]: the linear-evaluation script sets criterion = loss_fn_kd (imported from kd_ce_loss.py) and calls it with the student output, the labels and the teacher output in train() and validate()."""
# Source: Yuting-Gao/DisCo-pytorch@1d732c87e32308545680dc4b76c1b124870a2f79 DisCo/main_lincls_ft.py (read as is; re-typed, cut at function boundaries: argument parsing, the distributed set-up, checkpoint loading and the meters left out of main_worker; train() and validate() kept)
import time

import torch
import torch.nn as nn
import torch.optim
import torchvision.models as models

from kd_ce_loss import loss_fn_kd


def main_worker(gpu, args, train_loader, val_loader):
    args.gpu = gpu
    model = models.__dict__[args.arch](num_classes=1000)
    teacher_model = models.__dict__[args.teacher_arch](num_classes=1000)

    for name, param in model.named_parameters():
        if name not in ['fc.weight', 'fc.bias']:
            param.requires_grad = False
    for name, param in teacher_model.named_parameters():
        param.requires_grad = False

    model = torch.nn.DataParallel(model).cuda()
    teacher_model = torch.nn.DataParallel(teacher_model).cuda()

    # criterion = nn.CrossEntropyLoss().cuda(args.gpu)
    criterion = loss_fn_kd

    parameters = list(filter(lambda p: p.requires_grad, model.parameters()))
    optimizer = torch.optim.SGD(parameters, args.lr, momentum=args.momentum, weight_decay=args.weight_decay)

    for epoch in range(args.start_epoch, args.epochs):
        train(train_loader, model, teacher_model, criterion, optimizer, epoch, args)
        validate(val_loader, model, teacher_model, criterion, args)


def train(train_loader, model, teacher_model, criterion, optimizer, epoch, args):
    model.eval()
    teacher_model.eval()

    end = time.time()
    for i, (images, target) in enumerate(train_loader):
        if args.gpu is not None:
            images = images.cuda(args.gpu, non_blocking=True)
        target = target.cuda(args.gpu, non_blocking=True)

        teacher_output = teacher_model(images)
        output = model(images)
        loss = criterion(output, target, teacher_output, args)

        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

        if i % args.print_freq == 0:
            print(epoch, i, loss.item(), time.time() - end)
        end = time.time()


def validate(val_loader, model, teacher_model, criterion, args):
    model.eval()
    teacher_model.eval()
    total = 0.0
    with torch.no_grad():
        for i, (images, target) in enumerate(val_loader):
            if args.gpu is not None:
                images = images.cuda(args.gpu, non_blocking=True)
            target = target.cuda(args.gpu, non_blocking=True)
            output = model(images)
            teacher_output = teacher_model(images)
            loss = criterion(output, target, teacher_output, args)
            total += loss.item()
    return total / len(val_loader)
