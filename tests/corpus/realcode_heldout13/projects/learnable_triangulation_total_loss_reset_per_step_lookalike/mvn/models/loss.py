"""part of look-alike project [LG006, LG014, LG015]: hand-written keypoint losses reduce to a scalar themselves; the volumetric cross-entropy adds -log terms over the batch's joints into one local sum."""
# Source: karfly/learnable-triangulation-pytorch@8dcc4e97a407ba0474d2e5299a92bb32cfaeadfe mvn/models/loss.py (read as is; re-typed, identifiers renamed, the MAE variant left out)
import numpy as np

import torch
from torch import nn


class KeypointsMSELoss(nn.Module):
    def __init__(self):
        super().__init__()

    def forward(self, pred, gt, valid):
        dim = pred.shape[-1]
        loss = torch.sum((gt - pred) ** 2 * valid)
        return loss / (dim * max(1, torch.sum(valid).item()))


class KeypointsMSESmoothLoss(nn.Module):
    def __init__(self, threshold=400):
        super().__init__()
        self.threshold = threshold

    def forward(self, pred, gt, valid):
        dim = pred.shape[-1]
        diff = (gt - pred) ** 2 * valid
        diff[diff > self.threshold] = torch.pow(diff[diff > self.threshold], 0.1) * (self.threshold ** 0.9)
        return torch.sum(diff) / (dim * max(1, torch.sum(valid).item()))


class KeypointsL2Loss(nn.Module):
    def __init__(self):
        super().__init__()

    def forward(self, pred, gt, valid):
        loss = torch.sum(torch.sqrt(torch.sum((gt - pred) ** 2 * valid, dim=2)))
        return loss / max(1, torch.sum(valid).item())


class VolumetricCELoss(nn.Module):
    def __init__(self):
        super().__init__()

    def forward(self, coord_volumes, volumes_pred, gt, valid):
        loss = 0.0
        n = 0
        bs = volumes_pred.shape[0]
        for b in range(bs):
            coords = coord_volumes[b].unsqueeze(0)
            gt_b = gt[b].unsqueeze(1).unsqueeze(1).unsqueeze(1)
            dists = torch.sqrt(((coords - gt_b) ** 2).sum(-1))
            dists = dists.view(dists.shape[0], -1)
            idx = torch.argmin(dists, dim=-1).detach().cpu().numpy()
            idx = np.stack(np.unravel_index(idx, volumes_pred.shape[-3:]), axis=1)
            for j, index in enumerate(idx):
                v = valid[b, j]
                loss += v[0] * (-torch.log(volumes_pred[b, j, index[0], index[1], index[2]] + 1e-6))
                n += 1
        return loss / n
