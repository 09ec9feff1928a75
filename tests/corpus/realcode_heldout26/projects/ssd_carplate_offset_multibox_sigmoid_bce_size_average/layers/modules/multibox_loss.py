"""part of positive project [LG010, LG016]: the car-plate SSD loss sums four regression / classification terms with the deprecated size_average=False and scores the has-plate head with torch.sigmoid right before F.binary_cross_entropy(..., size_average=False), then divides everything by the number of positives."""
# Source: lizhenjia1/ssd.pytorch at 4d72ae69 (read as is; a fork of the SSD port whose car-plate heads and'
# MultiBoxLoss_offset are this repository's own), layers/modules/multibox_loss.py
# (MultiBoxLoss_offset only); re-typed, identifiers renamed, the Chinese comments and the docstring dropped.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

from data import voc as cfg
from ..box_utils import log_sum_exp, match_offset


class MultiBoxLoss_offset(nn.Module):
    def __init__(self, num_classes, overlap_thresh, prior_for_matching, bkg_label, neg_mining, neg_pos, neg_overlap,
                 encode_target, use_gpu=True):
        super(MultiBoxLoss_offset, self).__init__()
        self.use_gpu = use_gpu
        self.num_classes = num_classes
        self.threshold = overlap_thresh
        self.background_label = bkg_label
        self.encode_target = encode_target
        self.use_prior_for_matching = prior_for_matching
        self.do_neg_mining = neg_mining
        self.negpos_ratio = neg_pos
        self.neg_overlap = neg_overlap
        self.variance = cfg['variance']

    def forward(self, predictions, targets):
        loc_data, conf_data, priors, has_lp_data, size_lp_data, offset_data = predictions
        num = loc_data.size(0)
        priors = priors[:loc_data.size(1), :]
        num_priors = priors.size(0)
        loc_t = torch.Tensor(num, num_priors, 4)
        conf_t = torch.LongTensor(num, num_priors)
        has_lp_t = torch.LongTensor(num, num_priors)
        size_lp_t = torch.Tensor(num, num_priors, 2)
        offset_t = torch.Tensor(num, num_priors, 2)
        for idx in range(num):
            truths = targets[idx][:, :-1].data
            labels = targets[idx][:, -1].data
            match_offset(self.threshold, truths, priors.data, self.variance, labels,
                         loc_t, conf_t, has_lp_t, size_lp_t, offset_t, idx)
        if self.use_gpu:
            loc_t, conf_t, has_lp_t = loc_t.cuda(), conf_t.cuda(), has_lp_t.cuda()
            size_lp_t, offset_t = size_lp_t.cuda(), offset_t.cuda()
        loc_t = Variable(loc_t, requires_grad=False)
        conf_t = Variable(conf_t, requires_grad=False)
        has_lp_t = Variable(has_lp_t, requires_grad=False)
        size_lp_t = Variable(size_lp_t, requires_grad=False)
        offset_t = Variable(offset_t, requires_grad=False)

        pos = conf_t > 0
        num_pos = pos.sum(dim=1, keepdim=True)
        pos_idx = pos.unsqueeze(pos.dim()).expand_as(loc_data)
        loc_p = loc_data[pos_idx].view(-1, 4)
        loc_t = loc_t[pos_idx].view(-1, 4)
        loss_l = F.smooth_l1_loss(loc_p, loc_t, size_average=False)  # expect: LG010

        pos_idx = pos.unsqueeze(pos.dim()).expand_as(size_lp_data)
        has_lp_idx = has_lp_t.unsqueeze(pos.dim()).expand_as(size_lp_data).view(num, num_priors, 2) > 0
        size_lp_p = size_lp_data[pos_idx & has_lp_idx].view(-1, 2)
        size_lp_t = size_lp_t[pos_idx & has_lp_idx].view(-1, 2)
        loss_size_lp = F.smooth_l1_loss(size_lp_p, size_lp_t, size_average=False)  # expect: LG010

        pos_idx = pos.unsqueeze(pos.dim()).expand_as(offset_data)
        has_lp_idx = has_lp_t.unsqueeze(pos.dim()).expand_as(offset_data).view(num, num_priors, 2) > 0
        offset_p = offset_data[pos_idx & has_lp_idx].view(-1, 2)
        offset_t = offset_t[pos_idx & has_lp_idx].view(-1, 2)
        loss_offset = F.smooth_l1_loss(offset_p, offset_t, size_average=False)  # expect: LG010

        batch_conf = conf_data.view(-1, self.num_classes)
        loss_c = log_sum_exp(batch_conf) - batch_conf.gather(1, conf_t.view(-1, 1))
        loss_c = loss_c.view(num, -1)
        loss_c[pos] = 0
        _, loss_idx = loss_c.sort(1, descending=True)
        _, idx_rank = loss_idx.sort(1)
        num_pos = pos.long().sum(1, keepdim=True)
        num_neg = torch.clamp(self.negpos_ratio * num_pos, max=pos.size(1) - 1)
        neg = idx_rank < num_neg.expand_as(idx_rank)
        pos_idx = pos.unsqueeze(2).expand_as(conf_data)
        neg_idx = neg.unsqueeze(2).expand_as(conf_data)
        conf_p = conf_data[(pos_idx + neg_idx).gt(0)].view(-1, self.num_classes)
        targets_weighted = conf_t[(pos + neg).gt(0)]
        loss_c = F.cross_entropy(conf_p, targets_weighted, size_average=False)  # expect: LG010

        pos_idx = pos.unsqueeze(2).expand_as(has_lp_data)
        neg_idx = neg.unsqueeze(2).expand_as(has_lp_data)
        has_lp_p = has_lp_data[(pos_idx + neg_idx).gt(0)].view(-1, 1).float()
        has_lp_t = has_lp_t[(pos + neg).gt(0)].view(-1, 1).float()
        loss_has_lp = F.binary_cross_entropy(torch.sigmoid(has_lp_p), has_lp_t, size_average=False)  # expect: LG010, LG016

        N = num_pos.data.sum().double()
        loss_l = loss_l.double() / N
        loss_c = loss_c.double() / N
        loss_size_lp = loss_size_lp.double() / N
        loss_offset = loss_offset.double() / N
        loss_has_lp = loss_has_lp.double() / N
        return loss_l, loss_c, loss_size_lp, loss_offset, loss_has_lp
