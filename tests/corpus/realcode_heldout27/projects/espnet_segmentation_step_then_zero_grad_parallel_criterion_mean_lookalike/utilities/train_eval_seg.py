"""part of look-alike project [LG003, LG004, LG006, LG014, LG015, LG017]: train_seg averages the criterion's per-GPU results with .mean() on CUDA, records loss.item(), then calls backward(), step() and only then zero_grad(): the gradients are cleared after each step, so every step applies one batch's gradients."""
# Source: sacmehta/EdgeNets at cd36c752 (the code quoted in issue #14, "Zeroing out the gradient before calling optimizer.step()", the parent of b8fd23eb "Incorporated mitalbert suggestions"), utilities/train_eval_seg.py; re-typed, identifiers renamed; val_seg and the IoU printing shortened.
import time

import torch
from torch.nn.parallel import gather

from utilities.metrics.segmentation_miou import MIOU
from utilities.utils import AverageMeter


def train_seg(model, loader, optimizer, criterion, num_classes, epoch, device='cuda'):
    losses = AverageMeter()
    inter_meter = AverageMeter()
    union_meter = AverageMeter()
    model.train()
    miou_class = MIOU(num_classes=num_classes)
    end = time.time()
    for i, (inputs, target) in enumerate(loader):
        inputs = inputs.to(device=device)
        target = target.to(device=device)
        outputs = model(inputs)
        if device == 'cuda':
            loss = criterion(outputs, target).mean()
            if isinstance(outputs, (list, tuple)):
                target_dev = outputs[0].device
                outputs = gather(outputs, target_device=target_dev)
        else:
            loss = criterion(outputs, target)
        inter, union = miou_class.get_iou(outputs, target)
        inter_meter.update(inter)
        union_meter.update(union)
        losses.update(loss.item(), inputs.size(0))
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        if i % 10 == 0:
            miou = (inter_meter.sum / (union_meter.sum + 1e-10)).mean() * 100
            print("Epoch: %d[%d/%d]\tTime:%.4f\tLoss:%.4f\tmiou:%.4f" % (epoch, i, len(loader), time.time() - end,
                                                                       losses.avg, miou))
    miou = (inter_meter.sum / (union_meter.sum + 1e-10)).mean() * 100
    return miou, losses.avg
