"""look-alike [LG005]: box regression with HuberLoss on (N, 4) predictions against (N, 4) targets; the scalar objectness is squeezed before BCE-with-logits."""
import torch
import torch.nn as nn


class BoxHead(nn.Module):
    def __init__(self, dim=256):
        super().__init__()
        self.shared = nn.Sequential(nn.Linear(dim, dim), nn.ReLU())
        self.box = nn.Linear(dim, 4)
        self.obj = nn.Linear(dim, 1)

    def forward(self, roi_feats):
        h = self.shared(roi_feats)
        return self.box(h), self.obj(h).squeeze(1)


def loss_fn(head, roi_feats, gt_boxes, gt_obj):
    huber = nn.HuberLoss(delta=1.0)
    bce = nn.BCEWithLogitsLoss()
    box_pred, obj_logit = head(roi_feats)
    targets = gt_boxes.reshape(-1, 4)
    return huber(box_pred, targets) + bce(obj_logit, gt_obj.float().flatten())
