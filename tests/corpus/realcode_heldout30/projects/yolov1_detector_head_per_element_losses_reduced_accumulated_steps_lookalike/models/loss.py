"""part of look-alike project [LG003, LG013, LG014, LG015, LG017]: the YOLOv1 loss: a sigmoid-MSE objectness term written by hand, CrossEntropyLoss(reduction='none') over the (B, C, HW) class scores against .long() class targets, BCEWithLogitsLoss(reduction='none') on the raw tx/ty offsets against their fractional targets, MSELoss(reduction='none') on tw/th; each per-cell map is masked, summed and divided by the batch size before the total is returned."""
# Source: yjh0410/pytorch_yolov1 at ce1d764e, models/loss.py; re-typed, identifiers renamed; the label builder (generate_dxdywh, gt_creator) cut,
# the Chinese comments dropped.
import torch
import torch.nn as nn
import torch.nn.functional as F


class SigmoidMSE(nn.Module):
    def __init__(self, ):
        super(SigmoidMSE, self).__init__()

    def forward(self, logits, targets):
        inputs = torch.clamp(torch.sigmoid(logits), min=1e-4, max=1.0 - 1e-4)
        pos = (targets == 1.0).float()
        neg = (targets == 0.0).float()
        pos_loss = pos * (inputs - targets) ** 2
        neg_loss = neg * (inputs) ** 2
        return 5.0 * pos_loss + 1.0 * neg_loss


def compute_loss(pred_conf, pred_cls, pred_txtytwth, targets):
    batch_size = pred_conf.size(0)
    conf_fn = SigmoidMSE()
    cls_fn = nn.CrossEntropyLoss(reduction='none')
    txty_fn = nn.BCEWithLogitsLoss(reduction='none')
    twth_fn = nn.MSELoss(reduction='none')

    pred_conf = pred_conf[:, :, 0]
    pred_cls = pred_cls.permute(0, 2, 1)
    pred_txty = pred_txtytwth[:, :, :2]
    pred_twth = pred_txtytwth[:, :, 2:]

    gt_obj = targets[:, :, 0]
    gt_cls = targets[:, :, 1].long()
    gt_txty = targets[:, :, 2:4]
    gt_twth = targets[:, :, 4:6]
    gt_scale = targets[:, :, 6]

    batch_size = pred_conf.size(0)
    conf_loss = conf_fn(pred_conf, gt_obj)
    conf_loss = conf_loss.sum() / batch_size

    cls_loss = cls_fn(pred_cls, gt_cls) * gt_obj
    cls_loss = cls_loss.sum() / batch_size

    txty_loss = txty_fn(pred_txty, gt_txty).sum(-1) * gt_obj * gt_scale
    txty_loss = txty_loss.sum() / batch_size

    twth_loss = twth_fn(pred_twth, gt_twth).sum(-1) * gt_obj * gt_scale
    twth_loss = twth_loss.sum() / batch_size
    bbox_loss = txty_loss + twth_loss

    total_loss = conf_loss + cls_loss + bbox_loss
    return conf_loss, cls_loss, bbox_loss, total_loss
