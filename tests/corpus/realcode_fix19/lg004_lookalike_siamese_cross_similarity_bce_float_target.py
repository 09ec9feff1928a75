"""look-alike [LG004]: the same loss at the fix commit: the comparison matrix converted to a float dtype before nn.BCELoss."""

# Source: wang93/SiameseNet@940d740103 utils/loss.py (the fix commit; cut, renamed)
import torch
import torch.nn as nn


class CrossSimilarityBCELoss(object):
    def __init__(self):
        self.bce_loss = nn.BCELoss()

    def __call__(self, score_mat, labels):
        N = score_mat.size(0)
        is_pos = labels.expand(N, N).eq(labels.expand(N, N).t()).to(dtype=torch.float64)
        loss = self.bce_loss(score_mat, is_pos)
        return loss


class CrossTrainer(object):
    def __init__(self, model, optimizer, criterion):
        self.model = model
        self.optimizer = optimizer
        self.criterion = criterion

    def train_step(self, data, target):
        self.optimizer.zero_grad()
        score_mat = self.model(data).sigmoid()
        loss = self.criterion(score_mat, target)
        loss.backward()
        self.optimizer.step()
        return loss.item()
