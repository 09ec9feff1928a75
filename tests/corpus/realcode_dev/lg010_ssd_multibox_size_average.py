"""positive [LG010]: SSD MultiBoxLoss sums the localisation and confidence losses with size_average=False (deprecated) and divides by the number of positives."""
# Source: https://github.com/amdegroot/ssd.pytorch layers/modules/multibox_loss.py at
# 5b0b77faa955c1917b0c710d770739ba8fbff9b7 (found by this survey); re-typed, names changed, reduced.
import torch
import torch.nn as nn
import torch.nn.functional as F


class MultiBoxLoss(nn.Module):
    def __init__(self, num_classes, negpos_ratio=3):
        super(MultiBoxLoss, self).__init__()
        self.num_classes = num_classes
        self.negpos_ratio = negpos_ratio

    def forward(self, predictions, loc_t, conf_t):
        loc_data, conf_data, priors = predictions
        pos = conf_t > 0
        pos_idx = pos.unsqueeze(pos.dim()).expand_as(loc_data)
        loc_p = loc_data[pos_idx].view(-1, 4)
        loc_t = loc_t[pos_idx].view(-1, 4)
        loss_l = F.smooth_l1_loss(loc_p, loc_t, size_average=False)  # expect: LG010
        num_pos = pos.long().sum(1, keepdim=True)
        num_neg = torch.clamp(self.negpos_ratio * num_pos, max=pos.size(1) - 1)
        neg = torch.zeros_like(pos)
        pos_idx = pos.unsqueeze(2).expand_as(conf_data)
        neg_idx = neg.unsqueeze(2).expand_as(conf_data)
        conf_p = conf_data[(pos_idx + neg_idx).gt(0)].view(-1, self.num_classes)
        targets_weighted = conf_t[(pos + neg).gt(0)]
        loss_c = F.cross_entropy(conf_p, targets_weighted, size_average=False)  # expect: LG010
        N = num_pos.data.sum()
        return loss_l / N, loss_c / N
