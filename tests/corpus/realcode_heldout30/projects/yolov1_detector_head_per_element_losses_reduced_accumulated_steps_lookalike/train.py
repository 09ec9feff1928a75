"""part of look-alike project [LG003, LG013, LG014, LG015, LG017]: the training loop: builds the labels per batch, calls the model with targets, divides the total loss by the accumulation count and back-propagates every batch; steps and then clears the SGD optimizer when the global iteration is a multiple of the count; logs the terms with .item()."""
# Source: yjh0410/pytorch_yolov1 at ce1d764e, train.py; re-typed, identifiers renamed; the argument parser, the dataset and evaluator builders,
# multi-scale resizing, TensorBoard and checkpointing shortened; the warm-up and the accumulation kept.
import time

import torch
import torch.optim as optim

from models.build import build_yolo
from models.matcher import gt_creator


def set_lr(optimizer, lr):
    for group in optimizer.param_groups:
        group['lr'] = lr


def train(args, device, dataloader, num_classes, train_size):
    model = build_yolo(args, device, train_size, num_classes, trainable=True)
    model.to(device).train()
    base_lr = args.lr
    tmp_lr = base_lr
    optimizer = optim.SGD(model.parameters(), lr=args.lr, momentum=args.momentum, weight_decay=args.weight_decay)
    epoch_size = len(dataloader)
    t0 = time.time()
    for epoch in range(args.start_epoch, args.max_epoch):
        if epoch in args.lr_epoch:
            tmp_lr = tmp_lr * 0.1
            set_lr(optimizer, tmp_lr)
        for iter_i, (images, targets) in enumerate(dataloader):
            ni = iter_i + epoch * epoch_size
            if not args.no_warm_up:
                if epoch < args.wp_epoch:
                    nw = args.wp_epoch * epoch_size
                    tmp_lr = base_lr * pow((ni) * 1. / (nw), 4)
                    set_lr(optimizer, tmp_lr)
                elif epoch == args.wp_epoch and iter_i == 0:
                    tmp_lr = base_lr
                    set_lr(optimizer, tmp_lr)

            targets = [label.tolist() for label in targets]
            targets = gt_creator(input_size=train_size, stride=model.stride, label_lists=targets)
            images = images.to(device)
            targets = targets.to(device)

            conf_loss, cls_loss, bbox_loss, total_loss = model(images, targets=targets)

            total_loss /= args.accumulate
            total_loss.backward()

            if ni % args.accumulate == 0:
                optimizer.step()
                optimizer.zero_grad()

            if iter_i % 10 == 0:
                print('[Epoch %d/%d][Iter %d/%d][lr %.6f][obj %.2f || cls %.2f || bbox %.2f || total %.2f || %.2fs]'
                      % (epoch + 1, args.max_epoch, iter_i, epoch_size, tmp_lr, conf_loss.item(), cls_loss.item(),
                         bbox_loss.item(), total_loss.item(), time.time() - t0), flush=True)
                t0 = time.time()
