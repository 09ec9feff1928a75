"""part of positive project [LG016]: segmentation criteria: SegBCELoss subclasses nn.BCELoss and calls its forward on torch.sigmoid(pred); SegmentationLosses (an NLLLoss on log_softmax for the pixels) keeps self.bceloss = nn.BCELoss(...) for the semantic-encoding (class presence) branch and gives it torch.sigmoid(se_pred) in both branches that use it, where BCEWithLogitsLoss on se_pred is the stable form."""
# Source: Wanger-SJTU/SegToolbox.Pytorch at d2ad07ca (read as is), lib/utils/criteria.py; re-typed, identifiers renamed; the
# nested-list flattening lambda, the PSP multi-task loss and the one-hot helper shortened.
from collections.abc import Iterable

import torch
import torch.nn as nn
import torch.nn.functional as F


class PresenceBCELoss(nn.BCELoss):
    def __init__(self, nclass=-1, weight=None, reduction='mean', ignore_index=-1):
        super(PresenceBCELoss, self).__init__(weight=weight, reduction=reduction)
        self.num_classes = nclass
        self.ignore_index = ignore_index

    def forward(self, *inputs):
        pred, lbl = inputs
        lbl = class_presence_vector(lbl, self.num_classes)
        return super(PresenceBCELoss, self).forward(torch.sigmoid(pred), lbl.float())  # expect: LG016


class LogSoftmaxNLL2d(nn.NLLLoss):
    def __init__(self, weight, ignore_index):
        super(LogSoftmaxNLL2d, self).__init__(weight=weight, ignore_index=ignore_index)

    def forward(self, pred, target):
        pred = F.log_softmax(pred, dim=1)
        return super(LogSoftmaxNLL2d, self).forward(pred, target)


class SegLosses(LogSoftmaxNLL2d):
    def __init__(self, se_loss=False, se_weight=0.2, nclass=-1, aux=False, aux_weight=0.4, weight=None,
                 reduction='mean', ignore_index=-1):
        super(SegLosses, self).__init__(weight, ignore_index)
        self.se_loss = se_loss
        self.aux = aux
        self.nclass = nclass
        self.se_weight = se_weight
        self.aux_weight = aux_weight
        self.bceloss = nn.BCELoss(weight, reduction=reduction)

    def forward(self, *inputs):
        flat = lambda x: [y for l in x for y in flat(l)] \
            if isinstance(x, Iterable) and not isinstance(x, torch.Tensor) else [x]
        inputs = flat(inputs)
        if not self.se_loss and not self.aux:
            return super(SegLosses, self).forward(*inputs),
        elif self.se_loss:
            pred1, pred2, target = tuple(inputs)
            loss1 = super(SegLosses, self).forward(pred1, target)
            loss2 = super(SegLosses, self).forward(pred2, target)
            return loss1 + self.aux_weight * loss2, {"loss1": loss1, "loss2": loss2}
        elif self.aux:
            pred, se_pred, target = tuple(inputs)
            se_target = class_presence_vector(target, nclass=self.nclass).type_as(pred)
            loss1 = super(SegLosses, self).forward(pred, target)
            loss2 = self.bceloss(torch.sigmoid(se_pred), se_target)  # expect: LG016
            return loss1 + self.se_weight * loss2, {"seg_loss": loss1, "cls_loss": loss2}
        else:
            pred1, se_pred, pred2, target = tuple(inputs)
            se_target = class_presence_vector(target, nclass=self.nclass).type_as(pred1)
            loss1 = super(SegLosses, self).forward(pred1, target)
            loss2 = super(SegLosses, self).forward(pred2, target)
            loss3 = self.bceloss(torch.sigmoid(se_pred), se_target)  # expect: LG016
            return loss1 + self.aux_weight * loss2 + self.se_weight * loss3, \
                {"loss1": loss1, "loss2": loss2, "loss3": loss3}


def class_presence_vector(target, nclass):
    batch = target.size(0)
    vec = torch.zeros(batch, nclass).cuda().long()
    for i in range(batch):
        hist = torch.histc(target[i].cpu().data.float(), bins=nclass, min=0, max=nclass - 1)
        vec[i] = hist > 0
    return vec.long()
