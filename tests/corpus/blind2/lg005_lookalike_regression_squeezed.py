"""look-alike [LG005]: single-output regressors whose (N, 1) outputs are squeezed / reshaped so both sides of MSE and SmoothL1 agree."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class AgeEstimator(nn.Module):
    def __init__(self, backbone, feat_dim=2048):
        super().__init__()
        self.backbone = backbone
        self.age = nn.Linear(feat_dim, 1)
        self.quality = nn.Linear(feat_dim, 1)

    def forward(self, faces):
        f = self.backbone(faces)
        return self.age(f), self.quality(f)


def step(model, faces, ages, quality_scores, optimizer):
    age_pred, q_pred = model(faces)
    ages = ages.float().view(-1)
    loss_age = F.smooth_l1_loss(age_pred.squeeze(-1), ages, beta=2.0)
    loss_q = F.mse_loss(q_pred, quality_scores.float().view(-1, 1))
    loss_rank = F.mse_loss(age_pred.view(-1), ages)
    loss = loss_age + 0.1 * loss_q + 0.01 * loss_rank
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()
