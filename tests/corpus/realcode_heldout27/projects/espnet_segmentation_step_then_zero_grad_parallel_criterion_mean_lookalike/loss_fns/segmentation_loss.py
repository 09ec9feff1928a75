"""part of look-alike project [LG003, LG004, LG006, LG014, LG015, LG017]: SegmentationLoss wraps BCEWithLogitsLoss (loss_type 'bce') or CrossEntropyLoss with ignore_index; for BCE the (N, H, W) label map is scattered into a float one-hot map of the score's shape; a pair of outputs (the auxiliary head) sums two losses."""
# Source: sacmehta/EdgeNets at cd36c752 (the code quoted in issue #14, "Zeroing out the gradient before calling optimizer.step()", the parent of b8fd23eb "Incorporated mitalbert suggestions"), loss_fns/segmentation_loss.py; re-typed, identifiers renamed.
import torch
from torch import nn


class SegmentationLoss(nn.Module):
    def __init__(self, n_classes=21, loss_type='ce', device='cuda', ignore_idx=255, class_wts=None):
        super(SegmentationLoss, self).__init__()
        self.loss_type = loss_type
        self.n_classes = n_classes
        self.device = device
        self.ignore_idx = ignore_idx
        self.class_wts = class_wts
        if self.loss_type == 'bce':
            self.loss_fn = nn.BCEWithLogitsLoss(weight=self.class_wts)
        else:
            self.loss_fn = nn.CrossEntropyLoss(ignore_index=self.ignore_idx, weight=self.class_wts)

    def to_one_hot(self, x):
        n, h, w = x.size()
        x[x == self.ignore_idx] = self.n_classes
        x = x.unsqueeze(1)
        one_hot = torch.zeros(n, self.n_classes + 1, h, w).to(device=self.device)
        one_hot = one_hot.scatter_(1, x, 1)
        return one_hot[:, :self.n_classes, :, :].contiguous()

    def forward(self, inputs, target):
        if isinstance(inputs, tuple):
            assert len(inputs) == 2
            loss = 0
            for i in range(len(inputs)):
                if target.dim() == 3 and self.loss_type == 'bce':
                    target = self.to_one_hot(target)
                loss_ = self.loss_fn(inputs[i], target)
                loss += loss_
        else:
            if target.dim() == 3 and self.loss_type == 'bce':
                target = self.to_one_hot(target)
            return self.loss_fn(inputs, target)
        return loss
