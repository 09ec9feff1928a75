"""part of positive project [LG010]: CrossEntropy2d stores its size_average argument (default True, never reassigned) and passes it to F.cross_entropy as the deprecated size_average=."""
# Source: wasidennis/AdaptSegNet@fca9ff0f09dab45d44bf6d26091377ac66607028 utils/loss.py (read as is; re-typed, identifiers renamed, the docstring left out)
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable


class CrossEntropy2d(nn.Module):

    def __init__(self, size_average=True, ignore_label=255):
        super(CrossEntropy2d, self).__init__()
        self.size_average = size_average
        self.ignore_label = ignore_label

    def forward(self, predict, target, weight=None):
        assert not target.requires_grad
        assert predict.dim() == 4
        assert target.dim() == 3
        assert predict.size(0) == target.size(0), "{0} vs {1} ".format(predict.size(0), target.size(0))
        assert predict.size(2) == target.size(1), "{0} vs {1} ".format(predict.size(2), target.size(1))
        assert predict.size(3) == target.size(2), "{0} vs {1} ".format(predict.size(3), target.size(3))
        n, c, h, w = predict.size()
        keep = (target >= 0) * (target != self.ignore_label)
        target = target[keep]
        if not target.data.dim():
            return Variable(torch.zeros(1))
        predict = predict.transpose(1, 2).transpose(2, 3).contiguous()
        predict = predict[keep.view(n, h, w, 1).repeat(1, 1, 1, c)].view(-1, c)
        return F.cross_entropy(predict, target, weight=weight, size_average=self.size_average)  # expect: LG010
