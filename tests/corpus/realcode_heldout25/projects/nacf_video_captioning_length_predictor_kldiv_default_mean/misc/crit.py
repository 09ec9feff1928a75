"""part of positive project [LG009]: the multi-task criterion: get_criterion maps names from the options to losses; 'length' is nn.SmoothL1Loss() or, when use_kl is set, nn.KLDivLoss() at its default reduction, applied to the length head's log-probabilities against the dataset's normalised length distribution; Criterion.get_loss weights, records loss.item() and stacks the terms."""
# Source: ybCliff/VideoCaptioning at 93fc3b09 (read as is; non-autoregressive video captioning), misc/crit.py; re-typed, identifiers renamed; the bag-of-words, distillation,
# beam, self-critical and triplet losses and the accuracy bookkeeping cut from the mapping and the class.
import torch
import torch.nn as nn
from torch.nn import CrossEntropyLoss

import models.Constants as Constants
from misc.utils import AverageMeter


class MultiTaskCriterion(object):
    def __init__(self, crit, keys, names, scales, opt={}):
        assert len(crit) == len(keys) == len(names) == len(scales)
        self.num_loss = len(crit)
        self.crit = crit
        self.keys = keys
        self.names = names
        self.scales = scales
        self.opt = opt

    def reset_loss_recorder(self):
        self.loss_recorder = [AverageMeter() for _ in range(self.num_loss)]

    def check_and_cal(self, pred, gt, crit):
        if isinstance(pred, list):
            parts = []
            n = 0
            for i in range(len(pred)):
                parts.append(crit(pred[i], gt))
                n += gt.size(0)
            loss = torch.stack(parts, dim=0).sum(0)
        else:
            loss = crit(pred, gt)
            n = gt.size(0)
        return n, loss

    def get_loss(self, results, epoch=-1):
        loss = []
        for i in range(self.num_loss):
            pred = results[self.keys[i][0]]
            gt = results[self.keys[i][1]]
            n, i_loss = self.check_and_cal(pred, gt, self.crit[i])
            loss.append(i_loss * self.scales[i])
            self.loss_recorder[i].update(i_loss.item(), n)
        return torch.stack(loss, dim=0).sum(0)

    def get_loss_info(self):
        return self.names, [m.avg for m in self.loss_recorder]


def get_criterion(opt):
    table = {
        'lang': CrossEntropyLoss(ignore_index=Constants.PAD),
        'obj': nn.BCELoss(),
        'ce': CrossEntropyLoss(),
        'length': nn.SmoothL1Loss() if not opt.get('use_kl', False) else nn.KLDivLoss(),  # expect: LG009
        'attr': nn.BCELoss(),
    }
    crit = []
    for item in opt['crit']:
        assert item.lower() in table
        crit.append(table[item.lower()])
    return MultiTaskCriterion(crit=crit, keys=opt['crit_key'], names=opt['crit_name'], scales=opt['crit_scale'],
                              opt=opt)
