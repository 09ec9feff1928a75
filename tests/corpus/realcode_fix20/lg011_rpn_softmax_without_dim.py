"""positive [LG011]: the region proposal network turns its background/foreground scores, reshaped to (N, 2, H*A, W), into probabilities with F.softmax and no dim (the fix passes dim=1)."""

# Source: roytseng-tw/Detectron.pytorch@81aac7df42 lib/model/rpn/rpn.py, fixed in 6f734ffc91 (cut, renamed)
import torch.nn as nn
import torch.nn.functional as F

from model.utils.config import cfg
from .proposal_layer import ProposalLayer


class RegionProposals(nn.Module):
    def __init__(self, din):
        super(RegionProposals, self).__init__()
        self.din = din
        self.dout = din if cfg.RPN.OUT_DIM_AS_IN_DIM else 512
        self.anchor_scales = cfg.ANCHOR_SCALES
        self.anchor_ratios = cfg.ANCHOR_RATIOS
        self.feat_stride = cfg.FEAT_STRIDE[0]
        self.conv = nn.Conv2d(self.din, self.dout, 3, 1, 1, bias=True)
        self.nc_score_out = len(self.anchor_scales) * len(self.anchor_ratios)
        if cfg.RPN.CLS_ACTIVATION == 'softmax':
            self.nc_score_out *= 2
        self.cls_score = nn.Conv2d(self.dout, self.nc_score_out, 1, 1, 0)
        self.nc_bbox_out = len(self.anchor_scales) * len(self.anchor_ratios) * 4
        self.bbox_pred = nn.Conv2d(self.dout, self.nc_bbox_out, 1, 1, 0)
        self.proposal = ProposalLayer(self.feat_stride, self.anchor_scales, self.anchor_ratios)

    @staticmethod
    def reshape(x, d):
        input_shape = x.size()
        return x.view(input_shape[0], int(d), int(float(input_shape[1] * input_shape[2]) / float(d)), input_shape[3])

    def forward(self, base_feat, im_info):
        conv1 = F.relu(self.conv(base_feat), inplace=True)
        cls_score = self.cls_score(conv1)
        if cfg.RPN.CLS_ACTIVATION == 'softmax':
            cls_score_reshape = self.reshape(cls_score, 2)
            cls_prob_reshape = F.softmax(cls_score_reshape)  # expect: LG011
            cls_prob = self.reshape(cls_prob_reshape, self.nc_score_out)
        else:
            cls_prob = F.sigmoid(cls_score)
        bbox_pred = self.bbox_pred(conv1)
        cfg_key = 'TRAIN' if self.training else 'TEST'
        rois = self.proposal((cls_prob.data, bbox_pred.data, im_info, cfg_key))
        return rois
