"""positive [LG001, LG010, LG011]: a Faster R-CNN head computes `cls_prob = F.softmax(cls_score)` for its output and hands `cls_prob` to `build_loss`, whose `F.cross_entropy(cls_score, label, ...)` then takes probabilities where it expects raw scores (the fix passes `cls_score`); the softmax has no `dim=` and the box loss uses `size_average=False`."""

# Source: longcw/faster_rcnn_pytorch@e00d19aa91 faster_rcnn/faster_rcnn.py, fixed in 264bf4abe9 ("fixed a bug about rcnn_cls") (cut, renamed)
import torch
import torch.nn as nn
import torch.nn.functional as F


class DetectorHead(nn.Module):
    def __init__(self, region_net, roi_pool, n_classes=21):
        super().__init__()
        self.n_classes = n_classes
        self.region_net = region_net
        self.roi_pool = roi_pool
        self.fc6 = nn.Linear(512 * 7 * 7, 4096)
        self.fc7 = nn.Linear(4096, 4096)
        self.score_fc = nn.Linear(4096, n_classes)
        self.bbox_fc = nn.Linear(4096, n_classes * 4)
        self.cls_loss = None
        self.box_loss = None

    @property
    def loss(self):
        return self.cls_loss + self.box_loss * 10

    def forward(self, images, info, gt_boxes=None):
        features, rois = self.region_net(images, info, gt_boxes)
        if self.training:
            roi_data = self.sample_targets(rois, gt_boxes, self.n_classes)
            rois = roi_data[0]
        pooled = self.roi_pool(features, rois)
        x = pooled.view(pooled.size()[0], -1)
        x = F.dropout(F.relu(self.fc6(x)), training=self.training)
        x = F.dropout(F.relu(self.fc7(x)), training=self.training)
        cls_score = self.score_fc(x)
        cls_prob = F.softmax(cls_score)  # expect: LG011
        bbox_pred = self.bbox_fc(x)
        if self.training:
            self.cls_loss, self.box_loss = self.build_loss(cls_prob, bbox_pred, roi_data)
        return cls_prob, bbox_pred, rois

    def build_loss(self, cls_score, bbox_pred, roi_data):
        label = roi_data[1].squeeze()
        fg_cnt = torch.sum(label.data.ne(0))
        bg_cnt = label.data.numel() - fg_cnt
        weights = torch.ones(cls_score.size()[1])
        weights[0] = float(fg_cnt) / bg_cnt
        cross_entropy = F.cross_entropy(cls_score, label, weight=weights.cuda())  # expect: LG001
        bbox_targets, inside_weights, outside_weights = roi_data[2:]
        bbox_targets = torch.mul(bbox_targets, inside_weights)
        bbox_pred = torch.mul(bbox_pred, inside_weights)
        box_loss = F.smooth_l1_loss(bbox_pred, bbox_targets, size_average=False) / fg_cnt  # expect: LG010
        return cross_entropy, box_loss

    @staticmethod
    def sample_targets(rois, gt_boxes, n_classes):
        raise NotImplementedError


def train(net, loader, steps):
    optimizer = torch.optim.SGD(net.parameters(), lr=1e-3, momentum=0.9)
    net.train()
    for step, (images, info, gt_boxes) in zip(range(steps), loader):
        net(images, info, gt_boxes)
        loss = net.loss + net.region_net.loss
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
