"""part of positive project [LG001]: the compression sample builds its model with models.create_model and trains and validates it with nn.CrossEntropyLoss on the model's output."""
# Source: IntelLabs/distiller@d181923edb3549129f921ec7d8181ea122450d17 examples/classifier_compression/compress_classifier.py (the parent of 7221c3cc "Bug fix: remove softmax layer from model loading code": "CrossEntropyLoss implicitly computes softmax on the logits it receives"; re-typed, identifiers renamed, cut at function boundaries: the argument parser, the sensitivity, summary, quantization and early-exit helpers (earlyexit_loss, earlyexit_validate_loss) left out, main() and the logging of train() shortened)
import math
import time
from collections import OrderedDict

import torch
import torch.nn as nn
import torchnet.meter as tnt

import apputils
import distiller
from models import ALL_MODEL_NAMES, create_model

OVERALL_LOSS_KEY = 'Overall Loss'
OBJECTIVE_LOSS_KEY = 'Objective Loss'


def main(args, msglogger, pylogger, tflogger, train_loader, val_loader):
    start_epoch = 0
    model = create_model(args.pretrained, args.dataset, args.arch, device_ids=args.gpus)
    scheduler = None
    if args.resume:
        model, scheduler, start_epoch = apputils.load_checkpoint(model, chkpt_file=args.resume)

    criterion = nn.CrossEntropyLoss().cuda()
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=args.momentum,
                                weight_decay=args.weight_decay)
    if args.compress:
        scheduler = distiller.file_config(model, optimizer, args.compress)
        model.cuda()
    else:
        scheduler = distiller.CompressionScheduler(model)

    for epoch in range(start_epoch, start_epoch + args.epochs):
        if scheduler:
            scheduler.on_epoch_begin(epoch)
        train(train_loader, model, criterion, optimizer, epoch, scheduler, loggers=[tflogger, pylogger], args=args)
        top1, top5, vloss = validate(val_loader, model, criterion, [pylogger], args, epoch)
        if scheduler:
            scheduler.on_epoch_end(epoch, optimizer)


def train(train_loader, model, criterion, optimizer, epoch, scheduler, loggers, args):
    losses = OrderedDict([(OVERALL_LOSS_KEY, tnt.AverageValueMeter()),
                          (OBJECTIVE_LOSS_KEY, tnt.AverageValueMeter())])
    classerr = tnt.ClassErrorMeter(accuracy=True, topk=(1, 5))
    steps_per_epoch = math.ceil(len(train_loader.sampler) / train_loader.batch_size)
    model.train()
    for step, (inputs, target) in enumerate(train_loader):
        inputs, target = inputs.to('cuda'), target.to('cuda')
        if scheduler:
            scheduler.on_minibatch_begin(epoch, step, steps_per_epoch, optimizer)

        if args.kd_policy is None:
            output = model(inputs)
        else:
            output = args.kd_policy.forward(inputs)

        if not args.earlyexit_lossweights:
            loss = criterion(output, target)  # expect: LG001
            classerr.add(output.data, target)
        else:
            loss = earlyexit_loss(output, target, criterion, args)
        losses[OBJECTIVE_LOSS_KEY].add(loss.item())

        if scheduler:
            agg = scheduler.before_backward_pass(epoch, step, steps_per_epoch, loss,
                                                 optimizer=optimizer, return_loss_components=True)
            loss = agg.overall_loss
            losses[OVERALL_LOSS_KEY].add(loss.item())

        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if scheduler:
            scheduler.on_minibatch_end(epoch, step, steps_per_epoch, optimizer)


def validate(val_loader, model, criterion, loggers, args, epoch=-1):
    losses = {'objective_loss': tnt.AverageValueMeter()}
    classerr = tnt.ClassErrorMeter(accuracy=True, topk=(1, 5))
    model.eval()
    for step, (inputs, target) in enumerate(val_loader):
        with torch.no_grad():
            inputs, target = inputs.to('cuda'), target.to('cuda')
            output = model(inputs)
            if not args.earlyexit_thresholds:
                loss = criterion(output, target)  # expect: LG001
                losses['objective_loss'].add(loss.item())
                classerr.add(output.data, target)
            else:
                earlyexit_validate_loss(output, target, criterion, args)
    return classerr.value(1), classerr.value(5), losses['objective_loss'].mean
