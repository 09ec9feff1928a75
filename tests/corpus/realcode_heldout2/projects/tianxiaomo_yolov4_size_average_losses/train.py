"""part of positive project [LG010, LG016]: Yolo_loss applies torch.sigmoid to the xy/objectness/class channels in place and then calls F.binary_cross_entropy and F.mse_loss with size_average=False on them."""
# Source: https://github.com/Tianxiaomo/pytorch-YOLOv4 train.py at 99045748bd6fdbb55c7dac48ef82941c641e65c6 (the parent of ac43ec2a8c8846691b46b435ce2ac431a89a1fdf,
# pull request #192); re-typed, names changed, reduced.
import numpy as np
import torch
import torch.nn.functional as F
from torch import nn


class Yolo_loss(nn.Module):
    def __init__(self, n_classes=80, n_anchors=3, batch=2):
        super(Yolo_loss, self).__init__()
        self.n_classes = n_classes
        self.n_anchors = n_anchors
        self.grid_x, self.grid_y, self.anchor_w, self.anchor_h = [], [], [], []

    def build_target(self, pred, labels, batchsize, fsize, n_ch, output_id):
        raise NotImplementedError

    def forward(self, xin, labels=None):
        loss, loss_xy, loss_wh, loss_obj, loss_cls, loss_l2 = 0, 0, 0, 0, 0, 0
        for output_id, output in enumerate(xin):
            batchsize = output.shape[0]
            fsize = output.shape[2]
            n_ch = 5 + self.n_classes
            output = output.view(batchsize, self.n_anchors, n_ch, fsize, fsize)
            output = output.permute(0, 1, 3, 4, 2)
            output[..., np.r_[:2, 4:n_ch]] = torch.sigmoid(output[..., np.r_[:2, 4:n_ch]])
            pred = output[..., :4].clone()
            pred[..., 0] += self.grid_x[output_id]
            pred[..., 1] += self.grid_y[output_id]
            pred[..., 2] = torch.exp(pred[..., 2]) * self.anchor_w[output_id]
            pred[..., 3] = torch.exp(pred[..., 3]) * self.anchor_h[output_id]
            obj_mask, tgt_mask, tgt_scale, target = self.build_target(pred, labels, batchsize, fsize, n_ch, output_id)
            output[..., 4] *= obj_mask
            output[..., np.r_[0:4, 5:n_ch]] *= tgt_mask
            output[..., 2:4] *= tgt_scale
            target[..., 4] *= obj_mask
            target[..., np.r_[0:4, 5:n_ch]] *= tgt_mask
            target[..., 2:4] *= tgt_scale
            loss_xy += F.binary_cross_entropy(input=output[..., :2], target=target[..., :2],  # expect: LG010, LG016
                                              weight=tgt_scale * tgt_scale, size_average=False)
            loss_wh += F.mse_loss(input=output[..., 2:4], target=target[..., 2:4], size_average=False) / 2  # expect: LG010
            loss_obj += F.binary_cross_entropy(input=output[..., 4], target=target[..., 4], size_average=False)  # expect: LG010, LG016
            loss_cls += F.binary_cross_entropy(input=output[..., 5:], target=target[..., 5:], size_average=False)  # expect: LG010, LG016
            loss_l2 += F.mse_loss(input=output, target=target, size_average=False)  # expect: LG010
        loss = loss_xy + loss_wh + loss_obj + loss_cls
        return loss, loss_xy, loss_wh, loss_obj, loss_cls, loss_l2


def train(model, train_loader, optimizer, device, epochs):
    criterion = Yolo_loss(batch=4, n_classes=80)
    for epoch in range(epochs):
        for i, batch in enumerate(train_loader):
            images = batch[0].to(device=device, dtype=torch.float32)
            bboxes = batch[1].to(device=device)
            bboxes_pred = model(images)
            loss, loss_xy, loss_wh, loss_obj, loss_cls, loss_l2 = criterion(bboxes_pred, bboxes)
            loss.backward()
            optimizer.step()
            model.zero_grad()
