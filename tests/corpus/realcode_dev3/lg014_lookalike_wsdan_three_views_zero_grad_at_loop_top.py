"""look-alike [LG001, LG006, LG014]: WS-DAN clears the gradients at the top of each batch (an issue asked whether that placement is wrong; it is not), sums three CrossEntropyLoss terms on the raw logits of three forward passes plus a center loss, and hands only `batch_loss.item()` to its meter."""
# Source: GuYuc/WS-DAN.PyTorch@87779124f619ceeb445ddfb0246c8a22ff324db4 train.py (read as is; issue #6 "some questions" on the zero_grad placement, answered as intended; re-typed, main(), validate() and the epoch logs left out)
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

import config
from utils import AverageMeter, CenterLoss, TopKAccuracyMetric, batch_augment

device = torch.device("cuda")

ce = nn.CrossEntropyLoss()
center = CenterLoss()

meter = AverageMeter(name='loss')
raw_acc = TopKAccuracyMetric(topk=(1, 5))
crop_acc = TopKAccuracyMetric(topk=(1, 5))
drop_acc = TopKAccuracyMetric(topk=(1, 5))


def train(**kwargs):
    logs = kwargs['logs']
    loader = kwargs['data_loader']
    net = kwargs['net']
    centers = kwargs['feature_center']
    optimizer = kwargs['optimizer']
    pbar = kwargs['pbar']

    meter.reset()
    raw_acc.reset()
    crop_acc.reset()
    drop_acc.reset()

    started = time.time()
    net.train()
    for i, (X, y) in enumerate(loader):
        optimizer.zero_grad()
        X = X.to(device)
        y = y.to(device)

        logits_raw, features, attention = net(X)

        batch_centers = F.normalize(centers[y], dim=-1)
        centers[y] += config.beta * (features.detach() - batch_centers)

        with torch.no_grad():
            cropped = batch_augment(X, attention[:, :1, :, :], mode='crop', theta=(0.4, 0.6), padding_ratio=0.1)
        logits_crop, _, _ = net(cropped)

        with torch.no_grad():
            dropped = batch_augment(X, attention[:, 1:, :, :], mode='drop', theta=(0.2, 0.5))
        logits_drop, _, _ = net(dropped)

        batch_loss = ce(logits_raw, y) / 3. + \
            ce(logits_crop, y) / 3. + \
            ce(logits_drop, y) / 3. + \
            center(features, batch_centers)

        batch_loss.backward()
        optimizer.step()

        with torch.no_grad():
            epoch_loss = meter(batch_loss.item())
            acc_raw = raw_acc(logits_raw, y)
            acc_crop = crop_acc(logits_crop, y)
            acc_drop = drop_acc(logits_drop, y)
        pbar.update()
        pbar.set_postfix_str('Loss {:.4f}, Raw Acc ({:.2f}, {:.2f})'.format(epoch_loss, acc_raw[0], acc_raw[1]))

    logs['train_{}'.format(meter.name)] = epoch_loss
    logs['train_raw_{}'.format(raw_acc.name)] = acc_raw
    logs['train_crop_{}'.format(crop_acc.name)] = acc_crop
    logs['train_drop_{}'.format(drop_acc.name)] = acc_drop
    logs['train_time'] = time.time() - started
