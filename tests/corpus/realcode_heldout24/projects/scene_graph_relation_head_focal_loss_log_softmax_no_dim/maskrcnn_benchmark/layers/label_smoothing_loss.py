"""part of positive project [LG011]: a label-smoothing cross entropy over class scores: nn.LogSoftmax(dim=1) of the raw logits against a smoothed one-hot target."""
# Source: KaihuaTang/Scene-Graph-Benchmark.pytorch at 6f75881a (read as is), maskrcnn_benchmark/layers/label_smoothing_loss.py;
# re-typed, identifiers renamed, docstrings dropped.
import torch
import torch.nn as nn


class LabelSmoothingCE(nn.Module):

    def __init__(self, e=0.01, reduction='mean'):
        super().__init__()
        self.log_softmax = nn.LogSoftmax(dim=1)
        self.e = e
        self.reduction = reduction

    def _one_hot(self, labels, classes, value=1):
        one_hot = torch.zeros(labels.size(0), classes)
        labels = labels.view(labels.size(0), -1)
        value_added = torch.Tensor(labels.size(0), 1).fill_(value)
        value_added = value_added.to(labels.device)
        one_hot = one_hot.to(labels.device)
        one_hot.scatter_add_(1, labels, value_added)
        return one_hot

    def _smooth_label(self, target, length, smooth_factor):
        one_hot = self._one_hot(target, length, value=1 - smooth_factor)
        one_hot += smooth_factor / length
        return one_hot.to(target.device)

    def forward(self, x, target):
        if x.size(0) != target.size(0):
            raise ValueError('batch sizes differ')
        if x.dim() != 2:
            raise ValueError('Only 2 dimension tensor are implemented')
        smoothed_target = self._smooth_label(target, x.size(1), self.e)
        x = self.log_softmax(x)
        loss = torch.sum(- x * smoothed_target, dim=1)
        if self.reduction == 'none':
            return loss
        elif self.reduction == 'sum':
            return torch.sum(loss)
        elif self.reduction == 'mean':
            return torch.mean(loss)
        else:
            raise ValueError('unrecognized option')
