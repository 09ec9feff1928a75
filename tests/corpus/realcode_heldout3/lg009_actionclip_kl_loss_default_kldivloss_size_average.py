"""positive [LG009, LG010]: ActionCLIP's KLLoss takes its metric from a default argument, nn.KLDivLoss(size_average=True, reduce=True): deprecated flags, and the legacy element mean instead of batchmean (the result is then multiplied by the batch size)."""
# Source: https://github.com/sallymmx/ActionCLIP utils/KLLoss.py at a06b48d7eedd8c4ee786e29857451ad046e967a7
# (issue #24 "About KLLoss": divided by feature dims instead of batch size); re-typed, names changed.
import torch.nn.functional as F
import torch.nn as nn


class KLLoss(nn.Module):
    """Loss that uses a 'hinge' on the lower bound."""

    def __init__(self, error_metric=nn.KLDivLoss(size_average=True, reduce=True)):  # expect: LG009, LG010
        super().__init__()
        print('=========using KL Loss=and has temperature and * bz==========')
        self.error_metric = error_metric

    def forward(self, prediction, label):
        batch_size = prediction.shape[0]
        probs1 = F.log_softmax(prediction, 1)
        probs2 = F.softmax(label * 10, 1)
        loss = self.error_metric(probs1, probs2) * batch_size
        return loss
