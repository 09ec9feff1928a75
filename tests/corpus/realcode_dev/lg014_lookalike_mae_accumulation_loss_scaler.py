"""look-alike [LG014, LG006]: MAE pre-training: the model returns (loss, pred, mask); the loss is divided by accum_iter and handed to a NativeScaler-style loss_scaler that steps only every accum_iter micro-batches; zero_grad() runs at the same boundary; loss_value = loss.item() is logged."""
# Source: https://github.com/facebookresearch/mae engine_pretrain.py at efb2a8062c206524e35e47d04501ed4f544c0ae8;
# re-typed, names changed, reduced. Correct code.
import math
import sys

import torch


def train_one_epoch(model, data_loader, optimizer, device, epoch, loss_scaler, metric_logger, args):
    model.train(True)
    accum_iter = args.accum_iter
    optimizer.zero_grad()
    for data_iter_step, (samples, _) in enumerate(data_loader):
        samples = samples.to(device, non_blocking=True)
        with torch.cuda.amp.autocast():
            loss, _, _ = model(samples, mask_ratio=args.mask_ratio)
        loss_value = loss.item()
        if not math.isfinite(loss_value):
            print("Loss is {}, stopping training".format(loss_value))
            sys.exit(1)
        loss /= accum_iter
        loss_scaler(loss, optimizer, parameters=model.parameters(), update_grad=(data_iter_step + 1) % accum_iter == 0)
        if (data_iter_step + 1) % accum_iter == 0:
            optimizer.zero_grad()
        metric_logger.update(loss=loss_value)
