"""part of positive project [LG010]: the trainer sums the mean of every term of the distiller's loss dict, back-propagates it, and records a detached numpy copy in its meters."""
# Source: megvii-research/mdistiller@a08d46f10d6102bd6e3f258ca5ac880b020ea259 mdistiller/engine/trainer.py (read as is; re-typed, identifiers renamed, cut to BaseTrainer.train_iter and the epoch loop; logging, checkpoints and the CRD and DOT trainers left out)
import time

import torch
import torch.nn as nn
import torch.optim as optim
from collections import OrderedDict
from tqdm import tqdm

from .utils import AverageMeter, accuracy, validate, adjust_learning_rate


class BaseTrainer(object):
    def __init__(self, experiment_name, distiller, train_loader, val_loader, cfg):
        self.cfg = cfg
        self.distiller = distiller
        self.train_loader = train_loader
        self.val_loader = val_loader
        self.optimizer = optim.SGD(
            self.distiller.module.get_learnable_parameters(),
            lr=cfg.SOLVER.LR,
            momentum=cfg.SOLVER.MOMENTUM,
            weight_decay=cfg.SOLVER.WEIGHT_DECAY,
        )

    def train(self):
        epoch = 1
        while epoch < self.cfg.SOLVER.EPOCHS + 1:
            self.train_epoch(epoch)
            epoch += 1

    def train_epoch(self, epoch):
        lr = adjust_learning_rate(epoch, self.cfg, self.optimizer)
        meters = {
            "training_time": AverageMeter(),
            "data_time": AverageMeter(),
            "losses": AverageMeter(),
            "top1": AverageMeter(),
            "top5": AverageMeter(),
        }
        bar = tqdm(range(len(self.train_loader)))
        self.distiller.train()
        for idx, data in enumerate(self.train_loader):
            msg = self.train_iter(data, epoch, meters)
            bar.set_description(msg)
            bar.update()
        bar.close()
        return validate(self.val_loader, self.distiller)

    def train_iter(self, data, epoch, meters):
        self.optimizer.zero_grad()
        start = time.time()
        image, target, index = data
        meters["data_time"].update(time.time() - start)
        image = image.float().cuda(non_blocking=True)
        target = target.cuda(non_blocking=True)
        preds, losses = self.distiller(image=image, target=target, epoch=epoch)
        loss = sum([l.mean() for l in losses.values()])
        loss.backward()
        self.optimizer.step()
        meters["training_time"].update(time.time() - start)
        bs = image.size(0)
        acc1, acc5 = accuracy(preds, target, topk=(1, 5))
        meters["losses"].update(loss.cpu().detach().numpy().mean(), bs)
        meters["top1"].update(acc1[0], bs)
        meters["top5"].update(acc5[0], bs)
        return "Epoch:{}| Loss:{:.4f}| Top-1:{:.3f}".format(epoch, meters["losses"].avg, meters["top1"].avg)
