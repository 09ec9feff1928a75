"""positive [LG011]: the GPUNet training script's distillation term builds nn.LogSoftmax() without dim inside its soft-target cross-entropy and applies it to the student's (N, C) logits every step a teacher is given."""
# Source: NVIDIA/DeepLearningExamples at 729963dd (read as is), PyTorch/Classification/GPUNet/train.py; re-typed,
# identifiers renamed; the timm argument parser, model/loader creation, EMA, checkpoint saving and the logging block cut.
import time

import torch
import torch.nn as nn
import torch.nn.functional as F
from timm.utils import AverageMeter, dispatch_clip_grad
from timm.models import model_parameters


def soft_target_cross_entropy(pred, soft_target):
    log_probs = nn.LogSoftmax()  # expect: LG011
    return torch.mean(torch.sum(-soft_target * log_probs(pred), 1))


def train_one_epoch(epoch, model, loader, optimizer, loss_fn, args, lr_scheduler=None, amp_autocast=None,
                    loss_scaler=None, model_ema=None, mixup_fn=None, teacher_model=None, student_res=None,
                    two_res=False):
    second_order = hasattr(optimizer, "is_second_order") and optimizer.is_second_order
    losses_m = AverageMeter()
    model.train()
    if teacher_model is not None:
        teacher_model.eval()
    num_updates = epoch * len(loader)
    for step, (images, target) in enumerate(loader):
        if not args.prefetcher:
            images, target = images.cuda(), target.cuda()
            if mixup_fn is not None:
                images, target = mixup_fn(images, target)
        if teacher_model is not None and two_res:
            student_in = F.interpolate(images, size=(student_res[1], student_res[2]), mode="bicubic")
        with amp_autocast():
            if teacher_model is not None and two_res:
                out = model(student_in)
            else:
                out = model(images)
            loss = loss_fn(out, target)
        if teacher_model is not None:
            with torch.no_grad():
                teacher_logits = teacher_model(images).detach()
                soft_label = F.softmax(teacher_logits, dim=1)
            kd = soft_target_cross_entropy(out, soft_label)
            loss = kd + loss
        if not args.distributed:
            losses_m.update(loss.item(), images.size(0))
        optimizer.zero_grad()
        if loss_scaler is not None:
            loss_scaler(loss, optimizer, clip_grad=args.clip_grad, clip_mode=args.clip_mode,
                        parameters=model_parameters(model, exclude_head="agc" in args.clip_mode),
                        create_graph=second_order)
        else:
            loss.backward(create_graph=second_order)
            if args.clip_grad is not None:
                dispatch_clip_grad(model_parameters(model, exclude_head="agc" in args.clip_mode),
                                   value=args.clip_grad, mode=args.clip_mode)
            optimizer.step()
        if model_ema is not None:
            model_ema.update(model)
        num_updates += 1
        if lr_scheduler is not None:
            lr_scheduler.step_update(num_updates=num_updates, metric=losses_m.avg)
    return {"loss": losses_m.avg}
