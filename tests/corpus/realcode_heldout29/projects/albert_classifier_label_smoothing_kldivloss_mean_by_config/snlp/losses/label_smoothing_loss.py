"""part of positive project [LG009]: LabelSmoothLoss takes log_softmax of the logits and, when label_smoothing > 0 (0.1 by default), compares them with a smoothed one-hot target through nn.KLDivLoss(reduction=reduction), the reduction its callers pass as "mean" (also its default): the mean over batch and classes, not the per-sample KL divergence."""
# Source: Zessay/NLP-Pytorch-Template at df48a495, snlp/losses/label_smoothing_loss.py; re-typed, identifiers renamed; the docstring cut.
import torch
import torch.nn as nn


class LabelSmoothLoss(nn.Module):
    def __init__(self, label_smoothing=0.1, reduction="mean", ignore_index=-100):
        super(LabelSmoothLoss, self).__init__()
        self.label_smoothing = label_smoothing
        self.ignore_index = ignore_index
        self.logsoftmax = nn.LogSoftmax(dim=-1)
        if label_smoothing > 0:
            self.criterion = nn.KLDivLoss(reduction=reduction)  # expect: LG009
        else:
            self.criterion = nn.NLLLoss(reduction=reduction, ignore_index=ignore_index)
        self.confidence = 1.0 - label_smoothing

    def _smooth_label(self, num_classes):
        one_hot = torch.randn(1, num_classes)
        one_hot.fill_(self.label_smoothing / (num_classes - 1))
        return one_hot

    def forward(self, logits: torch.Tensor, labels: torch.Tensor):
        scores = self.logsoftmax(logits)
        num_classes = scores.size(-1)
        targets = labels.view(-1)
        if self.confidence < 1:
            tdata = targets.detach()
            one_hot = self._smooth_label(num_classes)
            if labels.is_cuda:
                one_hot = one_hot.cuda()
            smoothed = one_hot.repeat(targets.size(0), 1)
            smoothed.scatter_(1, tdata.unsqueeze(1), self.confidence)
            smoothed.masked_fill_((targets == self.ignore_index).unsqueeze(1), 0)
            targets = smoothed.detach()
        loss = self.criterion(scores, targets)
        return loss
