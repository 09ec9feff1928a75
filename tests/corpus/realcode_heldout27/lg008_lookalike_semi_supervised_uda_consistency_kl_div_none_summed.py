"""look-alike [LG006, LG008, LG009, LG014, LG015]: unsupervised data augmentation's epoch: for the unlabelled pair, F.kl_div of log_softmax on the augmented view against the detached softmax of the original view with reduction='none', summed over classes and averaged into the supervised cross-entropy; backward, clip, step, then zero_grad each batch; metrics keep loss.item(); the same function evaluates with optimizer=None."""
# Source: ildoonet/unsupervised-data-augmentation at a2356e4a, train.py (run_epoch, train_and_eval); re-typed,
# identifiers renamed; the tensorboard writers, checkpointing, the warm-up scheduler set-up and the evaluation-only
# branch shortened. get_dataloaders, get_model, num_class, accuracy and Accumulator are the repository's.
import math

import torch
from theconf import Config as C
from torch import nn, optim
from torch.nn.functional import kl_div, log_softmax, softmax
from tqdm import tqdm

from data import get_dataloaders
from metrics import Accumulator, accuracy
from networks import get_model, num_class


def run_epoch(model, loader_s, loader_u, loss_fn, optimizer, desc_default='', epoch=0, verbose=1, unsupervised=False,
              scheduler=None):
    if verbose:
        loader_s = tqdm(loader_s)
        loader_s.set_description('[%s %04d/%04d]' % (desc_default, epoch, C.get()['epoch']))
    iter_u = iter(loader_u)
    metrics = Accumulator()
    cnt = 0
    total_steps = len(loader_s)
    steps = 0
    for data, label in loader_s:
        steps += 1
        if not unsupervised:
            data, label = data.cuda(), label.cuda()
            preds = model(data)
            loss = loss_fn(preds, label)
        else:
            label = label.cuda()
            try:
                unlabel1, unlabel2 = next(iter_u)
            except StopIteration:
                iter_u = iter(loader_u)
                unlabel1, unlabel2 = next(iter_u)
            data_all = torch.cat([data, unlabel1, unlabel2]).cuda()
            preds_all = model(data_all)
            preds = preds_all[:len(data)]
            loss = loss_fn(preds, label)
            preds_unsup = preds_all[len(data):]
            preds1, preds2 = torch.chunk(preds_unsup, 2)
            preds1 = softmax(preds1, dim=1).detach()
            preds2 = log_softmax(preds2, dim=1)
            assert len(preds1) == len(preds2) == C.get()['batch_unsup']
            loss_kldiv = kl_div(preds2, preds1, reduction='none')
            loss_kldiv = torch.sum(loss_kldiv, dim=1)
            assert len(loss_kldiv) == len(unlabel1)
            if C.get()['ratio_mode'] == 'constant':
                loss += C.get()['ratio_unsup'] * torch.mean(loss_kldiv)
            elif C.get()['ratio_mode'] == 'gradual':
                loss += (epoch / float(C.get()['epoch'])) * C.get()['ratio_unsup'] * torch.mean(loss_kldiv)
            else:
                raise ValueError
        if optimizer:
            loss.backward()
            if C.get()['optimizer'].get('clip', 5) > 0:
                nn.utils.clip_grad_norm_(model.parameters(), C.get()['optimizer'].get('clip', 5))
            optimizer.step()
            optimizer.zero_grad()
        top1, top5 = accuracy(preds, label, (1, 5))
        metrics.add_dict({'loss': loss.item() * len(data), 'top1': top1.item() * len(data),
                          'top5': top5.item() * len(data)})
        cnt += len(data)
        if scheduler is not None:
            scheduler.step(epoch - 1 + float(steps) / total_steps)
        del preds, loss, top1, top5, data, label
    metrics /= cnt
    return metrics


def train_and_eval(dataroot, unsupervised=False):
    max_epoch = C.get()['epoch']
    trainloader, unsuploader, testloader = get_dataloaders(C.get()['dataset'], C.get()['batch'],
                                                           C.get()['batch_unsup'], dataroot)
    model = get_model(C.get()['model'], num_class(C.get()['dataset']), data_parallel=True)
    criterion = nn.CrossEntropyLoss()
    optimizer = optim.SGD(model.parameters(), lr=C.get()['lr'], momentum=C.get()['optimizer'].get('momentum', 0.9),
                          weight_decay=C.get()['optimizer']['decay'], nesterov=C.get()['optimizer']['nesterov'])
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=C.get()['epoch'], eta_min=0.)
    for epoch in range(1, max_epoch + 1):
        model.train()
        rs = dict()
        rs['train'] = run_epoch(model, trainloader, unsuploader, criterion, optimizer, desc_default='train',
                                epoch=epoch, verbose=True, unsupervised=unsupervised, scheduler=scheduler)
        if math.isnan(rs['train']['loss']):
            raise Exception('train loss is NaN.')
        model.eval()
        if epoch % 10 == 0 or epoch == max_epoch:
            rs['test'] = run_epoch(model, testloader, unsuploader, criterion, None, desc_default='*test', epoch=epoch,
                                   verbose=True)
    return rs
