"""positive [LG016]: the RoI-head template of a 3D detection toolbox applies torch.sigmoid to the flattened class scores inside the loss method and passes the result to F.binary_cross_entropy (reduction='none', masked mean), where binary_cross_entropy_with_logits would be the stable form."""
# Source: open-mmlab/OpenPCDet at 8cacccec (read as is), pcdet/models/roi_heads/roi_head_template.py; re-typed,
# identifiers renamed; proposal assignment, box decoding and the corner-loss regularisation shortened.
import torch
import torch.nn as nn
import torch.nn.functional as F

from ...utils import box_coder_utils, loss_utils
from .target_assigner.proposal_target_layer import ProposalTargetLayer


class RoIHeadBase(nn.Module):
    def __init__(self, num_class, model_cfg, **kwargs):
        super().__init__()
        self.model_cfg = model_cfg
        self.num_class = num_class
        self.box_coder = getattr(box_coder_utils, self.model_cfg.TARGET_CONFIG.BOX_CODER)(
            **self.model_cfg.TARGET_CONFIG.get('BOX_CODER_CONFIG', {})
        )
        self.proposal_target_layer = ProposalTargetLayer(roi_sampler_cfg=self.model_cfg.TARGET_CONFIG)
        self.add_module(
            'reg_loss_func',
            loss_utils.WeightedSmoothL1Loss(code_weights=self.model_cfg.LOSS_CONFIG.LOSS_WEIGHTS['code_weights'])
        )
        self.forward_ret_dict = None

    def box_reg_loss(self, ret):
        cfg = self.model_cfg.LOSS_CONFIG
        code_size = self.box_coder.code_size
        reg_valid = ret['reg_valid_mask'].view(-1)
        gt_ct = ret['gt_of_rois'][..., 0:code_size]
        reg = ret['rcnn_reg']
        rois = ret['rois']
        n = gt_ct.view(-1, code_size).shape[0]
        fg = (reg_valid > 0)
        fg_sum = fg.long().sum().item()
        tb = {}
        if cfg.REG_LOSS == 'smooth-l1':
            anchors = rois.clone().detach().view(-1, code_size)
            anchors[:, 0:3] = 0
            anchors[:, 6] = 0
            targets = self.box_coder.encode_torch(gt_ct.view(n, code_size), anchors)
            loss_reg = self.reg_loss_func(reg.view(n, -1).unsqueeze(dim=0), targets.unsqueeze(dim=0))
            loss_reg = (loss_reg.view(n, -1) * fg.unsqueeze(dim=-1).float()).sum() / max(fg_sum, 1)
            loss_reg = loss_reg * cfg.LOSS_WEIGHTS['rcnn_reg_weight']
            tb['rcnn_loss_reg'] = loss_reg.item()
        else:
            raise NotImplementedError
        return loss_reg, tb

    def box_cls_loss(self, ret):
        cfg = self.model_cfg.LOSS_CONFIG
        cls = ret['rcnn_cls']
        labels = ret['rcnn_cls_labels'].view(-1)
        if cfg.CLS_LOSS == 'BinaryCrossEntropy':
            flat = cls.view(-1)
            per_roi = F.binary_cross_entropy(torch.sigmoid(flat), labels.float(), reduction='none')  # expect: LG016
            valid = (labels >= 0).float()
            loss_cls = (per_roi * valid).sum() / torch.clamp(valid.sum(), min=1.0)
        elif cfg.CLS_LOSS == 'CrossEntropy':
            per_roi = F.cross_entropy(cls, labels, reduction='none', ignore_index=-1)
            valid = (labels >= 0).float()
            loss_cls = (per_roi * valid).sum() / torch.clamp(valid.sum(), min=1.0)
        else:
            raise NotImplementedError
        loss_cls = loss_cls * cfg.LOSS_WEIGHTS['rcnn_cls_weight']
        return loss_cls, {'rcnn_loss_cls': loss_cls.item()}

    def get_loss(self, tb_dict=None):
        tb_dict = {} if tb_dict is None else tb_dict
        total = 0
        loss_cls, cls_tb = self.box_cls_loss(self.forward_ret_dict)
        total += loss_cls
        tb_dict.update(cls_tb)
        loss_reg, reg_tb = self.box_reg_loss(self.forward_ret_dict)
        total += loss_reg
        tb_dict.update(reg_tb)
        tb_dict['rcnn_loss'] = total.item()
        return total, tb_dict
