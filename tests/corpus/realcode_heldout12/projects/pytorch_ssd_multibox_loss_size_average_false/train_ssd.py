"""part of positive project [LG010]: the training script builds the multibox criterion once, and per batch adds its (regression, classification) pair, back-propagates and keeps .item() running sums; validation runs under torch.no_grad()."""
# Source: qfgaohao/pytorch-ssd@7a839cbc8c3fb39679856b4dc42a1ab19ec07581 train_ssd.py (read as is; re-typed, identifiers renamed, cut to train(), test() and the end of the main block: argument parsing, dataset and network construction shortened)
import logging

import torch
from torch.optim.lr_scheduler import CosineAnnealingLR, MultiStepLR

from vision.nn.multibox_loss import MultiboxCriterion


def train(loader, net, criterion, optimizer, device, debug_steps=100, epoch=-1):
    net.train(True)
    running = 0.0
    running_reg = 0.0
    running_cls = 0.0
    for i, data in enumerate(loader):
        images, boxes, labels = data
        images = images.to(device)
        boxes = boxes.to(device)
        labels = labels.to(device)
        optimizer.zero_grad()
        confidence, locations = net(images)
        reg_loss, cls_loss = criterion(confidence, locations, labels, boxes)
        loss = reg_loss + cls_loss
        loss.backward()
        optimizer.step()
        running += loss.item()
        running_reg += reg_loss.item()
        running_cls += cls_loss.item()
        if i and i % debug_steps == 0:
            logging.info(f"Epoch: {epoch}, Step: {i}, Average Loss: {running / debug_steps:.4f}")
            running = 0.0
            running_reg = 0.0
            running_cls = 0.0


def test(loader, net, criterion, device):
    net.eval()
    running = 0.0
    num = 0
    for _, data in enumerate(loader):
        images, boxes, labels = data
        images = images.to(device)
        boxes = boxes.to(device)
        labels = labels.to(device)
        num += 1
        with torch.no_grad():
            confidence, locations = net(images)
            reg_loss, cls_loss = criterion(confidence, locations, labels, boxes)
            loss = reg_loss + cls_loss
        running += loss.item()
    return running / num


def run(args, net, params, config, train_loader, val_loader, last_epoch, DEVICE):
    net.to(DEVICE)
    criterion = MultiboxCriterion(config.priors, iou_threshold=0.5, neg_pos_ratio=3, center_variance=0.1,
                                  size_variance=0.2, device=DEVICE)
    optimizer = torch.optim.SGD(params, lr=args.lr, momentum=args.momentum, weight_decay=args.weight_decay)
    if args.scheduler == 'multi-step':
        milestones = [int(v.strip()) for v in args.milestones.split(",")]
        scheduler = MultiStepLR(optimizer, milestones=milestones, gamma=0.1, last_epoch=last_epoch)
    else:
        scheduler = CosineAnnealingLR(optimizer, args.t_max, last_epoch=last_epoch)
    for epoch in range(last_epoch + 1, args.num_epochs):
        scheduler.step()
        train(train_loader, net, criterion, optimizer, device=DEVICE, debug_steps=args.debug_steps, epoch=epoch)
        if epoch % args.validation_epochs == 0 or epoch == args.num_epochs - 1:
            val_loss = test(val_loader, net, criterion, DEVICE)
            logging.info(f"Epoch: {epoch}, Validation Loss: {val_loss:.4f}")
