"""positive [LG003]: the YOLOv4 detection layer squashes its objectness and class scores with torch.sigmoid (for the boxes it returns and the targets it builds) and, one commit before the fix, passed those probabilities to F.binary_cross_entropy_with_logits, which applies the sigmoid again (the commit that followed went back to F.binary_cross_entropy)."""

# Source: VCasecnikovs/Yet-Another-YOLOv4-Pytorch@6caadc4013 model.py, fixed in b70b4bb6ec (cut, renamed)
import torch
import torch.nn as nn
import torch.nn.functional as F


class YOLOLayer(nn.Module):
    def __init__(self, anchors, num_classes, img_dim=608):
        super().__init__()
        self.anchors = anchors
        self.num_anchors = len(anchors)
        self.num_classes = num_classes
        self.ignore_thres = 0.5
        self.obj_scale = 1
        self.noobj_scale = 100
        self.img_dim = img_dim
        self.grid_size = 0

    def build_targets(self, pred_boxes, pred_cls, target, anchors, ignore_thres):
        nB, nA, nG = pred_boxes.size(0), pred_boxes.size(1), pred_boxes.size(2)
        obj_mask = torch.zeros(nB, nA, nG, nG, dtype=torch.bool)
        noobj_mask = torch.ones(nB, nA, nG, nG, dtype=torch.bool)
        tcls = torch.zeros(nB, nA, nG, nG, self.num_classes)
        tconf = obj_mask.float()
        iou = torch.zeros(nB, nA, nG, nG)
        return iou, obj_mask, noobj_mask, tcls, tconf

    def forward(self, x, targets=None):
        num_samples = x.size(0)
        grid_size = x.size(2)
        prediction = x.view(num_samples, self.num_anchors, self.num_classes + 5, grid_size, grid_size).permute(0, 1, 3, 4, 2).contiguous()

        cx = torch.sigmoid(prediction[..., 0])
        cy = torch.sigmoid(prediction[..., 1])
        w = prediction[..., 2]
        h = prediction[..., 3]
        pred_conf = torch.sigmoid(prediction[..., 4])
        pred_cls = torch.sigmoid(prediction[..., 5:])

        pred_boxes = torch.stack((cx, cy, torch.exp(w), torch.exp(h)), -1)
        output = torch.cat(
            (pred_boxes.view(num_samples, -1, 4), pred_conf.view(num_samples, -1, 1), pred_cls.view(num_samples, -1, self.num_classes)), -1
        )
        if targets is None:
            return output, 0

        iou, obj_mask, noobj_mask, tcls, tconf = self.build_targets(pred_boxes, pred_cls, targets, self.anchors, self.ignore_thres)
        box_loss = (1 - iou[obj_mask]).sum(0) / num_samples
        loss_conf_obj = F.binary_cross_entropy_with_logits(pred_conf[obj_mask], tconf[obj_mask])  # expect: LG003
        loss_conf_noobj = F.binary_cross_entropy_with_logits(pred_conf[noobj_mask], tconf[noobj_mask])  # expect: LG003
        loss_conf = self.obj_scale * loss_conf_obj + self.noobj_scale * loss_conf_noobj
        loss_cls = F.binary_cross_entropy_with_logits(input=pred_cls[obj_mask], target=tcls[obj_mask])  # expect: LG003
        total_loss = box_loss + loss_conf + loss_cls
        return output, total_loss
