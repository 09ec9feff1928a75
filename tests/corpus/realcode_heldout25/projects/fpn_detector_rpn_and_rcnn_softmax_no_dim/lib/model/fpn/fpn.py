"""part of positive project [LG011]: the FPN detector's second stage pools RoI features, predicts class scores with a Linear and takes cls_prob = F.softmax(cls_score) with no dim for the detections it returns; the training loss is F.cross_entropy on the raw cls_score."""
# Source: jwyang/fpn.pytorch at 23bd1d2f (read as is), lib/model/fpn/fpn.py; re-typed, identifiers renamed; the backbone, top-down pathway,
# RoI-level assignment and proposal-target sampling shortened to calls of names the source defines elsewhere.
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

from model.rpn.rpn_fpn import PyramidRPN
from model.utils.net_utils import _smooth_l1_loss


class PyramidDetector(nn.Module):
    def __init__(self, classes, class_agnostic):
        super(PyramidDetector, self).__init__()
        self.classes = classes
        self.n_classes = len(classes)
        self.class_agnostic = class_agnostic
        self.rpn = PyramidRPN(256)

    def forward(self, im_data, im_info, gt_boxes, num_boxes):
        batch_size = im_data.size(0)
        rpn_maps, rcnn_maps = self.pyramid_features(im_data)
        rois, rpn_loss_cls, rpn_loss_bbox = self.rpn(rpn_maps, im_info, gt_boxes, num_boxes)
        if self.training:
            rois, rois_label, rois_target, rois_inside_ws, rois_outside_ws = self.sample_rois(rois, gt_boxes, num_boxes)
            rois_label = Variable(rois_label.view(-1).long())
        else:
            rois_label = None
            rois = rois.view(-1, 5)
        pooled = self._head_to_tail(self.pyramid_roi_pool(rcnn_maps, rois, im_info))

        bbox_pred = self.bbox_head(pooled)
        if self.training and not self.class_agnostic:
            view = bbox_pred.view(bbox_pred.size(0), int(bbox_pred.size(1) / 4), 4)
            bbox_pred = view.gather(1, rois_label.view(rois_label.size(0), 1, 1).expand(rois_label.size(0), 1, 4))
            bbox_pred = bbox_pred.squeeze(1)

        cls_score = self.cls_head(pooled)
        cls_prob = F.softmax(cls_score)  # expect: LG011

        rcnn_loss_cls = 0
        rcnn_loss_bbox = 0
        if self.training:
            rcnn_loss_cls = F.cross_entropy(cls_score, rois_label)
            rcnn_loss_bbox = _smooth_l1_loss(bbox_pred, rois_target, rois_inside_ws, rois_outside_ws)

        cls_prob = cls_prob.view(batch_size, -1, cls_prob.size(1))
        bbox_pred = bbox_pred.view(batch_size, -1, bbox_pred.size(1))
        return rois, cls_prob, bbox_pred, rpn_loss_cls, rpn_loss_bbox, rcnn_loss_cls, rcnn_loss_bbox, rois_label
