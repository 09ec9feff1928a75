"""part of look-alike project [LG006]: the margin loss of a hierarchical capsule network, summed over the hierarchy's levels with per-level weights into one tensor."""

# Source: rzissoldt/Hierarchical-Multi-Label-Classification@f45e6b5fa6 HARNN/model/hcapsnet_model.py, HARNN/model/buhcapsnet_model.py (the fix commit; cut, renamed)
import torch
import torch.nn as nn
import torch.nn.functional as F


class MarginLoss(nn.Module):
    def __init__(self, m_plus=0.9, m_minus=0.1, lambda_=0.5):
        super(MarginLoss, self).__init__()
        self.m_plus = m_plus
        self.m_minus = m_minus
        self.lambda_ = lambda_

    def forward(self, x):
        y_pred, y_true = x
        present = torch.square(F.relu(self.m_plus - y_pred))
        absent = torch.square(F.relu(y_pred - self.m_minus))
        L = torch.add(torch.mul(y_true, present), self.lambda_ * torch.mul((1.0 - y_true), absent))
        return torch.mean(torch.sum(L, dim=1))


class LevelMarginLoss(nn.Module):
    def __init__(self, num_classes_list, m_plus=0.9, m_minus=0.1, lambda_=0.5, device=None):
        super(LevelMarginLoss, self).__init__()
        self.margin_loss = MarginLoss(m_plus=m_plus, m_minus=m_minus, lambda_=lambda_)
        self.device = device
        self.current_loss_weights = [1. / len(num_classes_list) for i in range(len(num_classes_list))]

    def forward(self, x):
        y_pred, y_true = x
        margin_losses = torch.zeros(len(y_pred)).to(self.device)
        for i in range(len(y_pred)):
            margin_losses[i] = self.margin_loss((y_pred[i], y_true[i])) * self.current_loss_weights[i]
        return torch.sum(margin_losses)
