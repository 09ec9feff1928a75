"""positive [LG010]: the face detector's multibox loss sums its box and class terms with `size_average=False`, the argument torch deprecated for `reduction='sum'`."""

# Source: yxlijun/S3FD.pytorch@bccf1d9 layers/modules/multibox_loss.py (re-typed, renamed, cut to the loss terms)
import torch.nn as nn
import torch.nn.functional as F


class MultiBoxLoss(nn.Module):
    def __init__(self, num_classes, neg_ratio=3):
        super().__init__()
        self.num_classes = num_classes
        self.neg_ratio = neg_ratio

    def forward(self, loc_data, conf_data, loc_t, conf_t):
        pos = conf_t > 0
        loc_p = loc_data[pos.unsqueeze(-1).expand_as(loc_data)].view(-1, 4)
        loc_target = loc_t[pos.unsqueeze(-1).expand_as(loc_t)].view(-1, 4)
        loss_l = F.smooth_l1_loss(loc_p, loc_target, size_average=False)  # expect: LG010
        conf_p = conf_data.view(-1, self.num_classes)
        targets = conf_t.view(-1)
        loss_c = F.cross_entropy(conf_p, targets, size_average=False)  # expect: LG010
        n = max(pos.long().sum().item(), 1)
        return loss_l / n, loss_c / n
