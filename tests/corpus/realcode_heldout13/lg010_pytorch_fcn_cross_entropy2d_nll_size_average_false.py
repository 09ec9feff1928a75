"""positive [LG010, LG011]: FCN's 2-D cross-entropy helper masks the log-probabilities by hand and sums them with F.nll_loss(..., size_average=False); its PyTorch 0.2 branch calls F.log_softmax(input) without dim."""
# Source: wkentaro/pytorch-fcn@eaed842252bca435d66e5017cbd6bebd9c0de711 torchfcn/trainer.py (read as is; the helper keeps size_average= until later rewrites; re-typed, identifiers renamed, cut at method boundaries: visualisation, checkpointing and CSV logging shortened)
import datetime
from distutils.version import LooseVersion
import math

import numpy as np
import pytz
import torch
from torch.autograd import Variable
import torch.nn.functional as F
import tqdm

import torchfcn


def cross_entropy2d(input, target, weight=None, size_average=True):
    n, c, h, w = input.size()
    if LooseVersion(torch.__version__) < LooseVersion('0.3'):
        log_p = F.log_softmax(input)  # expect: LG011
    else:
        log_p = F.log_softmax(input, dim=1)
    log_p = log_p.transpose(1, 2).transpose(2, 3).contiguous()
    log_p = log_p[target.view(n, h, w, 1).repeat(1, 1, 1, c) >= 0]
    log_p = log_p.view(-1, c)
    mask = target >= 0
    target = target[mask]
    loss = F.nll_loss(log_p, target, weight=weight, size_average=False)  # expect: LG010
    if size_average:
        loss /= mask.data.sum()
    return loss


class Trainer(object):

    def __init__(self, cuda, model, optimizer, train_loader, val_loader, out, max_iter,
                 size_average=False, interval_validate=None):
        self.cuda = cuda
        self.model = model
        self.optim = optimizer
        self.train_loader = train_loader
        self.val_loader = val_loader
        self.timestamp_start = datetime.datetime.now(pytz.timezone('Asia/Tokyo'))
        self.size_average = size_average
        if interval_validate is None:
            self.interval_validate = len(self.train_loader)
        else:
            self.interval_validate = interval_validate
        self.out = out
        self.epoch = 0
        self.iteration = 0
        self.max_iter = max_iter
        self.best_mean_iu = 0

    def validate(self):
        training = self.model.training
        self.model.eval()
        n_class = len(self.val_loader.dataset.class_names)
        val_loss = 0
        trues, preds = [], []
        for batch_idx, (data, target) in tqdm.tqdm(enumerate(self.val_loader), total=len(self.val_loader)):
            if self.cuda:
                data, target = data.cuda(), target.cuda()
            data, target = Variable(data, volatile=True), Variable(target)
            score = self.model(data)
            loss = cross_entropy2d(score, target, size_average=self.size_average)
            if np.isnan(float(loss.data[0])):
                raise ValueError('loss is nan while validating')
            val_loss += float(loss.data[0]) / len(data)
            pred = score.data.max(1)[1].cpu().numpy()[:, :, :]
            for lt, lp in zip(target.data.cpu(), pred):
                trues.append(lt)
                preds.append(lp)
        metrics = torchfcn.utils.label_accuracy_score(trues, preds, n_class)
        val_loss /= len(self.val_loader)
        if metrics[2] > self.best_mean_iu:
            self.best_mean_iu = metrics[2]
        if training:
            self.model.train()

    def train_epoch(self):
        self.model.train()
        n_class = len(self.train_loader.dataset.class_names)
        for batch_idx, (data, target) in tqdm.tqdm(enumerate(self.train_loader), total=len(self.train_loader)):
            iteration = batch_idx + self.epoch * len(self.train_loader)
            if self.iteration != 0 and (iteration - 1) != self.iteration:
                continue
            self.iteration = iteration
            if self.iteration % self.interval_validate == 0:
                self.validate()
            if self.cuda:
                data, target = data.cuda(), target.cuda()
            data, target = Variable(data), Variable(target)
            self.optim.zero_grad()
            score = self.model(data)
            loss = cross_entropy2d(score, target, size_average=self.size_average)
            loss /= len(data)
            if np.isnan(float(loss.data[0])):
                raise ValueError('loss is nan while training')
            loss.backward()
            self.optim.step()
            pred = score.data.max(1)[1].cpu().numpy()[:, :, :]
            acc, acc_cls, mean_iu, fwavacc = torchfcn.utils.label_accuracy_score(
                target.data.cpu().numpy(), pred, n_class=n_class)
            if self.iteration >= self.max_iter:
                break

    def train(self):
        max_epoch = int(math.ceil(1. * self.max_iter / len(self.train_loader)))
        for epoch in tqdm.trange(self.epoch, max_epoch):
            self.epoch = epoch
            self.train_epoch()
            if self.iteration >= self.max_iter:
                break
