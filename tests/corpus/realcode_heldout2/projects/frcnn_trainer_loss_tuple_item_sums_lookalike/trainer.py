"""part of look-alike project [LG006]: the Faster R-CNN trainer returns a namedtuple of four losses and their sum; train_step calls backward on the total and returns the tuple."""
# Source: https://github.com/bubbliiiing/faster-rcnn-pytorch trainer.py at 202d5406d9932c48c43e309fba923a7325df0b28
# (the fix of issue #35; the loss tuple and train_step have the same shape as in its parent); re-typed, names changed,
# reduced. Correct code.
from collections import namedtuple

import torch
from torch import nn
from torch.nn import functional as F

from utils.utils import AnchorTargetCreator, ProposalTargetCreator

LossTuple = namedtuple("LossTuple", ["rpn_loc_loss", "rpn_cls_loss", "roi_loc_loss", "roi_cls_loss", "total_loss"])


class DetTrainer(nn.Module):
    def __init__(self, detector, optimizer):
        super(DetTrainer, self).__init__()
        self.detector = detector
        self.rpn_sigma = 3
        self.roi_sigma = 1
        self.anchor_targets = AnchorTargetCreator()
        self.proposal_targets = ProposalTargetCreator()
        self.optimizer = optimizer

    def forward(self, imgs, bboxes, labels, scale):
        _, _, H, W = imgs.shape
        img_size = (H, W)
        bbox = bboxes[0]
        label = labels[0]
        features = self.detector.extractor(imgs)
        rpn_locs, rpn_scores, rois, roi_indices, anchor = self.detector.rpn(features, img_size, scale)
        rpn_score = rpn_scores[0]
        rpn_loc = rpn_locs[0]
        gt_rpn_loc, gt_rpn_label = self.anchor_targets(bbox.cpu().numpy(), anchor, img_size)
        gt_rpn_label = torch.Tensor(gt_rpn_label).long()
        gt_rpn_loc = torch.Tensor(gt_rpn_loc)
        rpn_loc_loss = _loc_loss(rpn_loc, gt_rpn_loc, gt_rpn_label.data, self.rpn_sigma)
        rpn_cls_loss = F.cross_entropy(rpn_score, gt_rpn_label, ignore_index=-1)

        sample_roi, gt_roi_loc, gt_roi_label = self.proposal_targets(rois, bbox.cpu().numpy(), label.cpu().numpy())
        sample_roi_index = torch.zeros(len(sample_roi))
        roi_cls_loc, roi_score = self.detector.head(features, sample_roi, sample_roi_index)
        n_sample = roi_cls_loc.shape[0]
        roi_cls_loc = roi_cls_loc.view(n_sample, -1, 4)
        roi_loc = roi_cls_loc[torch.arange(0, n_sample).long(), torch.Tensor(gt_roi_label).long()]
        gt_roi_label = torch.Tensor(gt_roi_label).long()
        gt_roi_loc = torch.Tensor(gt_roi_loc)
        roi_loc_loss = _loc_loss(roi_loc.contiguous(), gt_roi_loc, gt_roi_label.data, self.roi_sigma)
        roi_cls_loss = nn.CrossEntropyLoss()(roi_score, gt_roi_label)

        losses = [rpn_loc_loss, rpn_cls_loss, roi_loc_loss, roi_cls_loss]
        losses = losses + [sum(losses)]
        return LossTuple(*losses)

    def train_step(self, imgs, bboxes, labels, scale):
        self.optimizer.zero_grad()
        losses = self.forward(imgs, bboxes, labels, scale)
        losses.total_loss.backward()
        self.optimizer.step()
        return losses


def _smooth_l1(x, t, in_weight, sigma):
    sigma2 = sigma ** 2
    diff = in_weight * (x - t)
    abs_diff = diff.abs()
    flag = (abs_diff.data < (1.0 / sigma2)).float()
    y = flag * (sigma2 / 2.0) * (diff ** 2) + (1 - flag) * (abs_diff - 0.5 / sigma2)
    return y.sum()


def _loc_loss(pred_loc, gt_loc, gt_label, sigma):
    in_weight = torch.zeros(gt_loc.shape)
    in_weight[(gt_label > 0).view(-1, 1).expand_as(in_weight)] = 1
    loc_loss = _smooth_l1(pred_loc, gt_loc, in_weight.detach(), sigma)
    loc_loss /= (gt_label >= 0).sum().float()
    return loc_loss
