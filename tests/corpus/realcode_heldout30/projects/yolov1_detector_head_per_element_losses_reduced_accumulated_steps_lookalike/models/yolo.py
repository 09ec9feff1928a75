"""part of look-alike project [LG003, LG013, LG014, LG015, LG017]: the detector: ResNet-18 backbone, SPP neck, a conv head and one 1x1 Conv2d predicting objectness, class scores and tx/ty/tw/th per cell; in training mode forward splits the raw prediction and returns compute_loss's four terms, in inference mode (under no_grad) it applies sigmoid and softmax for the scores."""
# Source: yjh0410/pytorch_yolov1 at ce1d764e, models/yolo.py; re-typed, identifiers renamed; the grid creation, box decoding and NMS shortened.
import torch
import torch.nn as nn

from .basic import Conv, SPP
from backbone import build_resnet
from .loss import compute_loss


class YOLOv1(nn.Module):
    def __init__(self, device, input_size=None, num_classes=20, trainable=False, conf_thresh=0.01, nms_thresh=0.5):
        super(YOLOv1, self).__init__()
        self.device = device
        self.num_classes = num_classes
        self.trainable = trainable
        self.stride = 32
        self.input_size = input_size
        self.backbone, feat_dim = build_resnet('resnet18', pretrained=trainable)
        self.neck = nn.Sequential(SPP(), Conv(feat_dim * 4, feat_dim, k=1))
        self.convsets = nn.Sequential(
            Conv(feat_dim, feat_dim // 2, k=1),
            Conv(feat_dim // 2, feat_dim, k=3, p=1),
            Conv(feat_dim, feat_dim // 2, k=1),
            Conv(feat_dim // 2, feat_dim, k=3, p=1))
        self.pred = nn.Conv2d(feat_dim, 1 + self.num_classes + 4, 1)

    @torch.no_grad()
    def inference(self, x):
        pred = self.pred(self.convsets(self.neck(self.backbone(x))))
        pred = pred.permute(0, 2, 3, 1).contiguous().flatten(1, 2)
        conf_pred = pred[..., :1][0]
        cls_pred = pred[..., 1:1 + self.num_classes][0]
        box_pred = pred[..., 1 + self.num_classes:][0]
        scores = torch.sigmoid(conf_pred) * torch.softmax(cls_pred, dim=-1)
        bboxes = self.decode_boxes(box_pred) / self.input_size
        return self.postprocess(bboxes.cpu().numpy(), scores.cpu().numpy())

    def forward(self, x, targets=None):
        if not self.trainable:
            return self.inference(x)
        feat = self.backbone(x)
        feat = self.neck(feat)
        feat = self.convsets(feat)
        pred = self.pred(feat)
        pred = pred.permute(0, 2, 3, 1).contiguous().flatten(1, 2)
        conf_pred = pred[..., :1]
        cls_pred = pred[..., 1:1 + self.num_classes]
        txtytwth_pred = pred[..., 1 + self.num_classes:]
        (conf_loss, cls_loss, bbox_loss, total_loss) = compute_loss(
            pred_conf=conf_pred, pred_cls=cls_pred, pred_txtytwth=txtytwth_pred, targets=targets)
        return conf_loss, cls_loss, bbox_loss, total_loss
