"""part of positive project [LG016]: the trainer sums the chosen loss function over the model's list of raw side outputs, clears, back-propagates, steps and keeps loss.item()."""
# Source: xavysp/LDC@8b6e3280c03b6a7cd81beb4bc2ba4edde99b789c main.py (read as is; re-typed, identifiers renamed, cut to train_one_epoch and the criterion choice; visualisation, validation and argument parsing left out)
import time

import numpy as np
import torch

from loss2 import bdcn_loss2, cats_loss
from modelB4 import LDC


def train_one_epoch(epoch, dataloader, model, criterions, optimizer, device, tb_writer=None):
    if isinstance(criterions, list):
        criterion1, criterion2 = criterions
    else:
        criterion1 = criterions
    model.train()
    l_weight = [[0.05, 2.], [0.05, 2.], [0.05, 2.],
                [0.1, 1.], [0.1, 1.], [0.1, 1.],
                [0.01, 4.]]
    loss_avg = []
    for batch_id, sample in enumerate(dataloader):
        images = sample['images'].to(device)
        labels = sample['labels'].to(device)
        preds_list = model(images)
        loss = sum([criterion1(preds, labels, l_w, device) for preds, l_w in zip(preds_list, l_weight)])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        loss_avg.append(loss.item())
        if epoch == 0 and (batch_id == 100 and tb_writer is not None):
            tb_writer.add_scalar('loss', np.array(loss_avg).mean(), epoch)
        if batch_id % 10 == 0:
            print(time.ctime(), 'Epoch: {0} Sample {1}/{2} Loss: {3}'.format(
                epoch, batch_id, len(dataloader), format(loss.item(), '.4f')))
    return np.array(loss_avg).mean()


def main(args, train_loader, device):
    model = LDC().to(device)
    criterion1 = cats_loss
    criterion2 = bdcn_loss2
    criterion = [criterion1, criterion2]
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr, weight_decay=args.wd)
    for epoch in range(args.epochs):
        train_one_epoch(epoch, train_loader, model, criterion, optimizer, device)
