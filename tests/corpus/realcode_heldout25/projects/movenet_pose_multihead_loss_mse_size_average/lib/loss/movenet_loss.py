"""part of positive project [LG010]: the MoveNet loss builds torch.nn.MSELoss(size_average=True) in its constructor (the deprecated argument; the attribute is kept although the heads now use hand-written weighted MSE and L1 terms) and returns the five head losses (heatmap, bone, centre, regression, offset) as a list."""
# Source: fire717/movenet.pytorch at f7391969 (read as is), lib/loss/movenet_loss.py; re-typed, identifiers renamed; the regression and offset
# gathering by centre location, the CenterNet focal variant and the bone-length helper shortened.
import numpy as np
import torch

_feature_map_size = 48
_center_weight_path = 'lib/data/center_weight_origin.npy'


class PoseLoss(torch.nn.Module):
    def __init__(self, use_target_weight=False, target_weight=[1]):
        super(PoseLoss, self).__init__()
        self.mse = torch.nn.MSELoss(size_average=True)  # expect: LG010
        self.use_target_weight = use_target_weight
        self.target_weight = target_weight
        self.center_weight = torch.from_numpy(np.load(_center_weight_path))

    def l1(self, pre, target, kps_mask):
        return torch.sum(torch.abs(pre - target) * kps_mask) / (kps_mask.sum() + 1e-4)

    def weighted_mse(self, pre, target):
        loss = torch.pow((pre - target), 2)
        weight_mask = target * 8 + 1
        loss = loss * weight_mask
        return torch.sum(loss) / target.shape[0] / target.shape[1]

    def bone_loss(self, pred, target):
        def frob(a, b):
            return torch.pow(torch.sum(torch.pow(a - b, 2)), 0.5)
        loss = 0
        for i in range(pred.shape[1] - 1):
            loss += frob(pred[:, i] - pred[:, i + 1], target[:, i] - target[:, i + 1])
        return loss / pred.shape[0]

    def forward(self, output, target, kps_mask):
        heatmaps = target[:, :17, :, :]
        centers = target[:, 17:18, :, :]
        regs = target[:, 18:52, :, :]
        offsets = target[:, 52:, :, :]
        heatmap_loss = self.weighted_mse(output[0], heatmaps)
        bone_loss = self.bone_loss(output[0], heatmaps)
        center_loss = self.weighted_mse(output[1], centers)
        regs_loss = self.l1(output[2], regs, kps_mask)
        offset_loss = self.l1(output[3], offsets, kps_mask)
        return [heatmap_loss, bone_loss, center_loss, regs_loss, offset_loss]
