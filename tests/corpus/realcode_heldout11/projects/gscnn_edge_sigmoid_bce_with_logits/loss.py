"""part of positive project [LG003, LG010]: JointEdgeSegLoss flattens the edge input (GSCNN's sigmoid output) and feeds it to F.binary_cross_entropy_with_logits, which applies a second sigmoid; the call also passes the deprecated size_average=True."""
# Source: nv-tlabs/GSCNN@edd16c5d3f346a0ec009cec539fbcaf6d79b5111 loss.py (read as is, its issue #62 "Potential bugs for edge loss" is open; re-typed, identifiers renamed, cut at class boundaries: ImageBasedCrossEntropyLoss2d and CrossEntropyLoss2d, which only take the segmentation map, left out)
import logging

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from config import cfg
from my_functionals.DualTaskLoss import DualTaskLoss


def get_loss(args):
    if args.img_wt_loss:
        crit = ImageBasedCrossEntropyLoss2d(
            classes=args.dataset_cls.num_classes, size_average=True,
            ignore_index=args.dataset_cls.ignore_label, upper_bound=args.wt_bound).cuda()
    elif args.joint_edgeseg_loss:
        crit = JointEdgeSegLoss(classes=args.dataset_cls.num_classes,
                                ignore_index=args.dataset_cls.ignore_label, upper_bound=args.wt_bound,
                                edge_weight=args.edge_weight, seg_weight=args.seg_weight,
                                att_weight=args.att_weight, dual_weight=args.dual_weight).cuda()
    else:
        crit = CrossEntropyLoss2d(size_average=True, ignore_index=args.dataset_cls.ignore_label).cuda()

    crit_val = JointEdgeSegLoss(classes=args.dataset_cls.num_classes, mode='val',
                                ignore_index=args.dataset_cls.ignore_label, upper_bound=args.wt_bound,
                                edge_weight=args.edge_weight, seg_weight=args.seg_weight).cuda()
    return crit, crit_val


class JointEdgeSegLoss(nn.Module):
    def __init__(self, classes, weight=None, reduction='mean', ignore_index=255,
                 norm=False, upper_bound=1.0, mode='train',
                 edge_weight=1, seg_weight=1, att_weight=1, dual_weight=1, edge='none'):
        super(JointEdgeSegLoss, self).__init__()
        self.num_classes = classes
        if mode == 'train':
            self.seg_loss = ImageBasedCrossEntropyLoss2d(
                classes=classes, ignore_index=ignore_index, upper_bound=upper_bound).cuda()
        elif mode == 'val':
            self.seg_loss = CrossEntropyLoss2d(size_average=True, ignore_index=ignore_index).cuda()
        self.edge_weight = edge_weight
        self.seg_weight = seg_weight
        self.att_weight = att_weight
        self.dual_weight = dual_weight
        self.dual_task = DualTaskLoss()

    def bce2d(self, pred, target):
        n, c, h, w = pred.size()
        flat = pred.transpose(1, 2).transpose(2, 3).contiguous().view(1, -1)
        flat_t = target.transpose(1, 2).transpose(2, 3).contiguous().view(1, -1)
        t_copy = flat_t.clone()

        pos = (flat_t == 1)
        neg = (flat_t == 0)
        ign = (flat_t > 1)
        t_copy[pos] = 1
        t_copy[neg] = 0

        pos = pos.data.cpu().numpy().astype(bool)
        neg = neg.data.cpu().numpy().astype(bool)
        ign = ign.data.cpu().numpy().astype(bool)

        w_arr = torch.Tensor(flat.size()).fill_(0).numpy()
        n_pos = pos.sum()
        n_neg = neg.sum()
        n_all = n_pos + n_neg
        w_arr[pos] = n_neg * 1.0 / n_all
        w_arr[neg] = n_pos * 1.0 / n_all
        w_arr[ign] = 0
        w_t = torch.from_numpy(w_arr).cuda()
        return F.binary_cross_entropy_with_logits(flat, flat_t, w_t, size_average=True)  # expect: LG003, LG010

    def edge_attention(self, seg, target, edge):
        n, c, h, w = seg.size()
        filler = torch.ones_like(target) * 255
        return self.seg_loss(seg, torch.where(edge.max(1)[0] > 0.8, target, filler))

    def forward(self, inputs, targets):
        seg_in, edge_in = inputs
        seg_mask, edge_mask = targets
        out = {}
        out['seg_loss'] = self.seg_weight * self.seg_loss(seg_in, seg_mask)
        out['edge_loss'] = self.edge_weight * 20 * self.bce2d(edge_in, edge_mask)
        out['att_loss'] = self.att_weight * self.edge_attention(seg_in, seg_mask, edge_in)
        out['dual_loss'] = self.dual_weight * self.dual_task(seg_in, seg_mask)
        return out
