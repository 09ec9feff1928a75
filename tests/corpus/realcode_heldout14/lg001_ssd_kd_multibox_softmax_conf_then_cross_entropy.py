"""positive [LG001]: the SSD distillation loss softmaxes the selected confidence scores (for the teacher term) and then feeds them to F.cross_entropy."""
# Source: SsisyphusTao/Object-Detection-Knowledge-Distillation at the parent of d9a71cd ("sigh..", which swaps the
# cross_entropy for nll_loss on the same probabilities; d6bea76 then moves the softmax after it), nets/multibox_loss.py;
# re-typed, identifiers renamed; the VOC prior config dict and the long docstring cut. The training script builds
# this loss with cfg["num_classes"] and calls it on the MobileNetV2 student and VGG teacher SSD outputs.
import torch
import torch.nn as nn
import torch.nn.functional as F

from .box_utils import log_sum_exp, match

VARIANCE = [0.1, 0.2]


def weighted_kl_div(ps, qt, pos_w, neg_w):
    eps = 1e-10
    ps = ps + eps
    qt = qt + eps
    log_p = qt * torch.log(ps)
    log_p[:, 0] *= neg_w
    log_p[:, 1:] *= pos_w
    return -torch.sum(log_p)


def bounded_regression_loss(Rs, Rt, gt, m, v=0.5):
    loss = F.mse_loss(Rs, gt)
    if loss + m > F.mse_loss(Rt, gt):
        return loss * v
    loss.fill_(0)
    return loss


class DistillMultiBoxLoss(nn.Module):
    """SSD multibox loss with a teacher: confidence CE + soft KD term, smooth-L1 + bounded regression."""

    def __init__(self, num_classes, overlap_thresh, prior_for_matching, bkg_label, neg_mining, neg_pos, neg_overlap,
                 encode_target, use_gpu=True, neg_w=1.5, pos_w=1.0, Temperature=1., reg_m=0., lmda=1.):
        super(DistillMultiBoxLoss, self).__init__()
        self.use_gpu = use_gpu
        self.num_classes = num_classes
        self.threshold = overlap_thresh
        self.negpos_ratio = neg_pos
        self.variance = VARIANCE
        self.neg_w = neg_w
        self.pos_w = pos_w
        self.reg_m = reg_m
        self.T = Temperature
        self.lmda = lmda

    def forward(self, predictions, predT, targets, u=1.):
        loc_data, conf_data, priors = predictions
        num = loc_data.size(0)
        priors = priors[:loc_data.size(1), :]
        num_priors = priors.size(0)
        self.u = u
        locT, confT = predT

        loc_t = torch.Tensor(num, num_priors, 4)
        conf_t = torch.LongTensor(num, num_priors)
        for idx in range(num):
            truths = targets[idx][:, :-1].data.cuda()
            labels = targets[idx][:, -1].data.cuda()
            match(self.threshold, truths, priors.data.cuda(), self.variance, labels, loc_t, conf_t, idx)
        with torch.no_grad():
            if self.use_gpu:
                loc_t = loc_t.cuda(non_blocking=True)
                conf_t = conf_t.cuda(non_blocking=True)

        pos = conf_t > 0
        num_pos = pos.sum(dim=1, keepdim=True)

        pos_idx = pos.unsqueeze(pos.dim()).expand_as(loc_data)
        loc_p = loc_data[pos_idx].view(-1, 4)
        loc_t = loc_t[pos_idx].view(-1, 4)
        loss_l = F.smooth_l1_loss(loc_p, loc_t, reduction="sum")
        locT_p = locT[pos_idx].view(-1, 4)
        loss_reg = loss_l + bounded_regression_loss(loc_p, locT_p, loc_t, self.reg_m)

        batch_conf = conf_data.view(-1, self.num_classes)
        loss_c = log_sum_exp(batch_conf) - batch_conf.gather(1, conf_t.view(-1, 1))
        loss_c[pos.view(-1, 1)] = 0
        loss_c = loss_c.view(num, -1)
        _, loss_idx = loss_c.sort(1, descending=True)
        _, idx_rank = loss_idx.sort(1)
        num_pos = pos.long().sum(1, keepdim=True)
        num_neg = torch.clamp(self.negpos_ratio * num_pos, max=pos.size(1) - 1)
        neg = idx_rank < num_neg.expand_as(idx_rank)

        pos_idx = pos.unsqueeze(2).expand_as(conf_data)
        neg_idx = neg.unsqueeze(2).expand_as(conf_data)
        conf_p = conf_data[(pos_idx + neg_idx).gt(0)].view(-1, self.num_classes)
        targets_weighted = conf_t[(pos + neg).gt(0)]

        # modified original code here: add softmax before cross_entropy
        conf_p = F.softmax(conf_p / self.T, dim=1)
        loss_c = F.cross_entropy(conf_p, targets_weighted, reduction="sum")  # expect: LG001

        confT_p = confT[(pos_idx + neg_idx).gt(0)].view(-1, self.num_classes)
        confT_p = F.softmax(confT_p / self.T, dim=1)
        loss_soft = weighted_kl_div(conf_p, confT_p, self.pos_w, self.neg_w)

        N = num_pos.data.sum()
        loss_cls = self.u * loss_c + (1 - self.u) * loss_soft
        return (loss_cls + self.lmda * loss_reg) / N
