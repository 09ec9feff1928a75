"""part of positive project [LG016]: the non-distributed trainer builds torch.nn.BCELoss(), and for each batch applies F.sigmoid to the predictor's output (a Linear layer's scores) in the loop itself before passing the probabilities to the criterion; the optimizer is rebuilt every ten epochs with a decayed learning rate and cleared every batch."""
# Source: open-mmlab/mmfashion at 4403fba4 (the parent of deebced0, "multiple loss"), mmfashion/apis/train.py; re-typed, identifiers renamed; parse_losses and batch_processor (unused
# mmcv runner helpers) and the distributed branch cut. get_data and build_dataloader are the repository's.
from __future__ import division

import os

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

from mmcv.runner import save_checkpoint
from mmcv.parallel import MMDataParallel

from .env import get_root_logger
from datasets import get_data, build_dataloader


def train_predictor(model, dataset, cfg, distributed=False, validate=False, logger=None):
    if logger is None:
        logger = get_root_logger(cfg.log_level)
    _non_dist_train(model, dataset, cfg, validate=validate)


def build_optimizer(model, optim_cfg):
    if optim_cfg['type'] == 'SGD':
        optimizer = optim.SGD(model.parameters(), lr=optim_cfg.lr, momentum=optim_cfg.momentum)
    elif optim_cfg['type'] == 'Adam':
        optimizer = optim.Adam(model.parameters(), lr=optim_cfg.lr)
    return optimizer


def _non_dist_train(model, dataset, cfg, validate=False):
    data_loader = build_dataloader(dataset, cfg.data.imgs_per_gpu, cfg.data.workers_per_gpu, cfg.gpus, dist=False)
    model = MMDataParallel(model, device_ids=range(cfg.gpus)).cuda()

    criterion = torch.nn.BCELoss().cuda()
    optimizer = build_optimizer(model, cfg.optimizer)
    model.train()
    for epoch in range(cfg.start_epoch, cfg.end_epoch):
        if epoch % 10 == 0:
            cfg.optimizer.lr = cfg.optimizer.lr * 0.1
            optimizer = build_optimizer(model, cfg.optimizer)

        for batch_idx, batch in enumerate(data_loader):
            imgs, target, landmarks, iuv = get_data(cfg, batch)
            output = F.sigmoid(model(imgs, landmarks, iuv))
            loss = criterion(output, target)  # expect: LG016

            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            if batch_idx % cfg.print_interval == 0:
                print('Training Phase: Epoch: [%2d][%2d/%2d]\tIteration Loss: %.4f' %
                      (batch_idx, epoch, cfg.end_epoch, loss.item()))

        if epoch % cfg.save_interval == 0:
            ckpt_path = os.path.join(cfg.work_dir, '%s_%s_epoch%d.pth.tar' % (cfg.arch, cfg.pooling, epoch))
            save_checkpoint(model, ckpt_path)
