"""part of positive project [LG010]: the SSD multibox loss mines hard negatives from the class logits, then sums F.cross_entropy and F.smooth_l1_loss with the deprecated size_average=False and divides both by the number of positive priors."""
# Source: qfgaohao/pytorch-ssd@7a839cbc8c3fb39679856b4dc42a1ab19ec07581 vision/nn/multibox_loss.py (read as is; its issue #100 quotes the "size_average and reduce args will be deprecated" warning; re-typed, identifiers renamed, the docstrings left out)
import torch
import torch.nn as nn
import torch.nn.functional as F

from ..utils import box_utils


class MultiboxCriterion(nn.Module):
    def __init__(self, priors, iou_threshold, neg_pos_ratio, center_variance, size_variance, device):
        super(MultiboxCriterion, self).__init__()
        self.iou_threshold = iou_threshold
        self.neg_pos_ratio = neg_pos_ratio
        self.center_variance = center_variance
        self.size_variance = size_variance
        self.priors = priors
        self.priors.to(device)

    def forward(self, confidence, predicted_locations, labels, gt_locations):
        num_classes = confidence.size(2)
        with torch.no_grad():
            bg_loss = -F.log_softmax(confidence, dim=2)[:, :, 0]
            mask = box_utils.hard_negative_mining(bg_loss, labels, self.neg_pos_ratio)
        confidence = confidence[mask, :]
        cls_loss = F.cross_entropy(confidence.reshape(-1, num_classes), labels[mask], size_average=False)  # expect: LG010
        pos_mask = labels > 0
        predicted_locations = predicted_locations[pos_mask, :].reshape(-1, 4)
        gt_locations = gt_locations[pos_mask, :].reshape(-1, 4)
        reg_loss = F.smooth_l1_loss(predicted_locations, gt_locations, size_average=False)  # expect: LG010
        num_pos = gt_locations.size(0)
        return reg_loss / num_pos, cls_loss / num_pos
