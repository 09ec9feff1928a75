"""part of look-alike project [LG006, LG008, LG009, LG014]: timm's train_one_epoch: a nested _forward() computes the criterion and, with a teacher, the distillation term, divides by the accumulation count; a nested _backward() back-propagates and steps when an update is due; gradients are cleared once before the loop and after each update; the meter gets loss.item()."""
# Source: huggingface/pytorch-image-models@60e8022f4a811d8a5616dbb0b7c88059265ce605 train.py (the commit "Add knowledge distillation model and loss function support"; re-typed, identifiers renamed, cut to train_one_epoch without the naflex branch, the EMA, logging and LR-scheduler tail shortened)
import time
from contextlib import suppress

import torch

from timm import utils
from timm.utils import add_kd_loss


def train_one_epoch(epoch, model, loader, optimizer, loss_fn, args, device=torch.device('cuda'), lr_scheduler=None,
                    amp_autocast=suppress, loss_scaler=None, model_dtype=None, mixup_fn=None, teacher=None):
    second_order = hasattr(optimizer, 'is_second_order') and optimizer.is_second_order
    has_no_sync = hasattr(model, "no_sync")
    losses_m = utils.AverageMeter()
    model.train()
    accum_steps = args.grad_accum_steps
    last_accum_steps = len(loader) % accum_steps
    updates_per_epoch = (len(loader) + accum_steps - 1) // accum_steps
    num_updates = epoch * updates_per_epoch
    last_batch_idx = len(loader) - 1
    last_batch_idx_to_accum = len(loader) - last_accum_steps
    optimizer.zero_grad()
    for batch_idx, (input, target) in enumerate(loader):
        last_batch = batch_idx == last_batch_idx
        need_update = last_batch or (batch_idx + 1) % accum_steps == 0
        if batch_idx >= last_batch_idx_to_accum:
            accum_steps = last_accum_steps
        if not args.prefetcher:
            input, target = input.to(device=device, dtype=model_dtype), target.to(device=device)
            if mixup_fn is not None:
                input, target = mixup_fn(input, target)

        def _forward():
            with amp_autocast():
                output = model(input)
                _loss = loss_fn(output, target)
                if teacher is not None:
                    _loss = add_kd_loss(_loss, output, input, model, teacher, args)
            if accum_steps > 1:
                _loss /= accum_steps
            return _loss

        def _backward(_loss):
            if loss_scaler is not None:
                loss_scaler(_loss, optimizer, clip_grad=args.clip_grad, clip_mode=args.clip_mode,
                            parameters=model.parameters(), create_graph=second_order, need_update=need_update)
            else:
                _loss.backward(create_graph=second_order)
                if need_update:
                    optimizer.step()

        batch_size = input.shape[0]
        if has_no_sync and not need_update:
            with model.no_sync():
                loss = _forward()
                _backward(loss)
        else:
            loss = _forward()
            _backward(loss)
        losses_m.update(loss.item() * accum_steps, batch_size)
        if not need_update:
            continue
        num_updates += 1
        optimizer.zero_grad()
        if lr_scheduler is not None:
            lr_scheduler.step_update(num_updates=num_updates, metric=losses_m.avg)
    return {'loss': losses_m.avg}
