"""positive [LG010]: an SSD-style MultiBoxLoss uses F.smooth_l1_loss(..., size_average=False) and nn.CrossEntropyLoss(reduce=False) for hard-negative mining."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class MultiBoxLoss(nn.Module):
    def __init__(self, num_classes, neg_pos_ratio=3):
        super().__init__()
        self.num_classes = num_classes
        self.neg_pos_ratio = neg_pos_ratio
        self.conf_loss = nn.CrossEntropyLoss(reduce=False)  # expect: LG010

    def forward(self, loc_pred, conf_pred, loc_t, conf_t):
        pos = conf_t > 0
        num_pos = pos.sum(dim=1, keepdim=True)
        loss_l = F.smooth_l1_loss(loc_pred[pos], loc_t[pos], size_average=False)  # expect: LG010

        batch_conf = conf_pred.view(-1, self.num_classes)
        per_prior = self.conf_loss(batch_conf, conf_t.view(-1)).view(conf_t.size(0), -1)
        mining = per_prior.clone().detach()
        mining[pos] = 0
        _, idx = mining.sort(dim=1, descending=True)
        _, rank = idx.sort(dim=1)
        num_neg = torch.clamp(self.neg_pos_ratio * num_pos, max=pos.size(1) - 1)
        neg = rank < num_neg
        loss_c = per_prior[pos | neg].sum()
        n = num_pos.sum().clamp(min=1).float()
        return loss_l / n, loss_c / n
