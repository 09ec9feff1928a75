"""part of positive project [LG011]: the FPN region-proposal head reshapes each level's fg/bg scores to (B, 2, H*A, W) and takes F.softmax of them with no dim for the proposal layer; the classification loss is F.cross_entropy on the raw scores."""
# Source: jwyang/fpn.pytorch at 23bd1d2f (read as is), lib/model/rpn/rpn_fpn.py; re-typed, identifiers renamed; the proposal and anchor-target
# layers are not included, the bbox regression loss weights shortened.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

from model.utils.config import cfg
from model.utils.net_utils import _smooth_l1_loss
from .anchor_target_layer_fpn import _AnchorTargetLayer_FPN
from .proposal_layer_fpn import _ProposalLayer_FPN


class PyramidRPN(nn.Module):
    def __init__(self, din):
        super(PyramidRPN, self).__init__()
        self.din = din
        self.anchor_ratios = cfg.ANCHOR_RATIOS
        self.anchor_scales = cfg.ANCHOR_SCALES
        self.feat_stride = cfg.FEAT_STRIDE[0]
        self.conv = nn.Conv2d(self.din, 512, 3, 1, 1, bias=True)
        self.nc_score_out = 1 * len(self.anchor_ratios) * 2
        self.cls_score = nn.Conv2d(512, self.nc_score_out, 1, 1, 0)
        self.nc_bbox_out = 1 * len(self.anchor_ratios) * 4
        self.bbox_pred = nn.Conv2d(512, self.nc_bbox_out, 1, 1, 0)
        self.proposal = _ProposalLayer_FPN(self.feat_stride, self.anchor_scales, self.anchor_ratios)
        self.anchor_target = _AnchorTargetLayer_FPN(self.feat_stride, self.anchor_scales, self.anchor_ratios)
        self.rpn_loss_cls = 0
        self.rpn_loss_box = 0

    @staticmethod
    def reshape(x, d):
        s = x.size()
        return x.view(s[0], int(d), int(float(s[1] * s[2]) / float(d)), s[3])

    def forward(self, feature_maps, im_info, gt_boxes, num_boxes):
        scores, probs, deltas, shapes = [], [], [], []
        for fmap in feature_maps:
            batch_size = fmap.size(0)
            h = F.relu(self.conv(fmap), inplace=True)
            score = self.cls_score(h)
            score_reshape = self.reshape(score, 2)
            prob_reshape = F.softmax(score_reshape)  # expect: LG011
            prob = self.reshape(prob_reshape, self.nc_score_out)
            delta = self.bbox_pred(h)
            shapes.append([score.size()[2], score.size()[3]])
            scores.append(score.permute(0, 2, 3, 1).contiguous().view(batch_size, -1, 2))
            probs.append(prob.permute(0, 2, 3, 1).contiguous().view(batch_size, -1, 2))
            deltas.append(delta.permute(0, 2, 3, 1).contiguous().view(batch_size, -1, 4))
        score_all = torch.cat(scores, 1)
        prob_all = torch.cat(probs, 1)
        delta_all = torch.cat(deltas, 1)
        cfg_key = 'TRAIN' if self.training else 'TEST'
        rois = self.proposal((prob_all.data, delta_all.data, im_info, cfg_key, shapes))

        self.rpn_loss_cls = 0
        self.rpn_loss_box = 0
        if self.training:
            rpn_data = self.anchor_target((score_all.data, gt_boxes, im_info, num_boxes, shapes))
            label = rpn_data[0].view(batch_size, -1)
            keep = Variable(label.view(-1).ne(-1).nonzero().view(-1))
            kept_scores = torch.index_select(score_all.view(-1, 2), 0, keep)
            label = Variable(torch.index_select(label.view(-1), 0, keep.data).long())
            self.rpn_loss_cls = F.cross_entropy(kept_scores, label)
            targets, inside_w, outside_w = rpn_data[1:]
            inside_w = Variable(inside_w.unsqueeze(2).expand(batch_size, inside_w.size(1), 4))
            outside_w = Variable(outside_w.unsqueeze(2).expand(batch_size, outside_w.size(1), 4))
            self.rpn_loss_box = _smooth_l1_loss(delta_all, Variable(targets), inside_w, outside_w, sigma=3)
        return rois, self.rpn_loss_cls, self.rpn_loss_box
