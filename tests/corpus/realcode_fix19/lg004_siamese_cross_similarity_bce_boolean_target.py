"""positive [LG004]: the cross-similarity BCE loss of a re-identification model compares every pair of labels with eq() and hands the boolean matrix to nn.BCELoss as its target (the fix converts it to a float dtype)."""

# Source: wang93/SiameseNet@f75cb55cf9 utils/loss.py, fixed in 940d740103 (cut, renamed)
import torch.nn as nn


class CrossSimilarityBCELoss(object):
    def __init__(self):
        self.bce_loss = nn.BCELoss()

    def __call__(self, score_mat, labels):
        N = score_mat.size(0)
        is_pos = labels.expand(N, N).eq(labels.expand(N, N).t())
        loss = self.bce_loss(score_mat, is_pos)  # expect: LG004
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
