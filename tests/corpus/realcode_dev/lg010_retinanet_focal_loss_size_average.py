"""positive [LG010]: RetinaNet focal loss: weights from x.sigmoid() and a one-hot target, then F.binary_cross_entropy_with_logits(x, t, w, size_average=False) with the weight passed positionally."""
# Source: https://github.com/kuangliu/pytorch-retinanet loss.py at 2d7c663350f330a34771a8fa6a4f37a2baa52a1d (found
# by this survey); re-typed, names changed, reduced.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable


def one_hot_embedding(labels, num_classes):
    y = torch.eye(num_classes)
    return y[labels]


class FocalLoss(nn.Module):
    def __init__(self, num_classes=20):
        super(FocalLoss, self).__init__()
        self.num_classes = num_classes

    def focal_loss(self, x, y):
        alpha = 0.25
        gamma = 2
        t = one_hot_embedding(y.data.cpu(), 1 + self.num_classes)
        t = t[:, 1:]
        t = Variable(t).cuda()
        p = x.sigmoid()
        pt = p * t + (1 - p) * (1 - t)
        w = alpha * t + (1 - alpha) * (1 - t)
        w = w * (1 - pt).pow(gamma)
        return F.binary_cross_entropy_with_logits(x, t, w, size_average=False)  # expect: LG010
