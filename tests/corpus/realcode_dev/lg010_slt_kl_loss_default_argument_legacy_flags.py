"""positive [LG010, LG009]: a KL loss module takes its criterion as a default argument, torch.nn.KLDivLoss(size_average=True, reduce=True) (legacy flags meaning reduction='mean', an element mean that the later * batch_size does not turn into a batch mean), applied to F.log_softmax / F.softmax distributions."""
# Source: https://github.com/SoftpaseFar/SLT loss.py at 387382d43077a073b0323acde3d47c9a3094153e (found through a code
# search while preparing this corpus); re-typed, names changed.
import torch
import torch.nn as nn
import torch.nn.functional as F


class KLLoss(nn.Module):
    def __init__(self, error_metric=torch.nn.KLDivLoss(size_average=True, reduce=True)):  # expect: LG010, LG009
        super(KLLoss, self).__init__()
        self.error_metric = error_metric

    def forward(self, prediction, label):
        batch_size = prediction.shape[0]
        probs1 = F.log_softmax(prediction, 1)
        probs2 = F.softmax(label * 10, 1)
        loss = self.error_metric(probs1, probs2) * batch_size
        return loss
