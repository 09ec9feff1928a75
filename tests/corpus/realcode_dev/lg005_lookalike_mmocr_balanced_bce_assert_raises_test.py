"""look-alike [LG005]: a balanced BCE-with-logits loss asserts that prediction and target have one size; its unit test
keeps a (4,) prediction on the test case in setUp and calls the loss with a (3,) target inside assertRaises, to see the
assertion fire. The call is an expected failure, not a use of the loss."""
# Source: https://github.com/open-mmlab/mmocr at 966296f26ac34cf0e96d40ab4a0a94c9a697909a,
# mmocr/models/common/losses/bce_loss.py and tests/test_models/test_common/test_losses/test_bce_loss.py; re-typed,
# names changed, reduced, the two files joined. Correct code.
from unittest import TestCase

import torch
import torch.nn as nn


class BalancedBCEWithLogits(nn.Module):
    def __init__(self, negative_ratio=3, eps=1e-6):
        super().__init__()
        self.negative_ratio = negative_ratio
        self.eps = eps
        self.loss = nn.BCEWithLogitsLoss(reduction="none")

    def forward(self, pred, gt, mask=None):
        assert pred.size() == gt.size() and gt.numel() > 0
        if mask is None:
            mask = torch.ones_like(gt)
        positive = (gt * mask).float()
        negative = ((1 - gt) * mask).float()
        n_pos = int(positive.sum())
        n_neg = min(int(negative.sum()), int(n_pos * self.negative_ratio))
        loss = self.loss(pred, gt)
        neg_loss, _ = torch.topk((loss * negative).view(-1), n_neg)
        return ((loss * positive).sum() + neg_loss.sum()) / (n_pos + n_neg + self.eps)


class TestBalancedBCE(TestCase):
    def setUp(self):
        self.criterion = BalancedBCEWithLogits(negative_ratio=2)
        self.pred = torch.FloatTensor([0.1, 0.2, 0.3, 0.4])
        self.gt = torch.FloatTensor([1, 0, 0, 0])

    def test_forward(self):
        with self.assertRaises(AssertionError):
            wrong_gt = torch.FloatTensor([0, 0, 0])
            self.criterion(self.pred, wrong_gt)
        self.assertAlmostEqual(self.criterion(self.pred, self.gt).item(), 1.0567, delta=0.1)
