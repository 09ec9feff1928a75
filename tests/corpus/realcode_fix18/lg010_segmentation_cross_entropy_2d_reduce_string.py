"""positive [LG010]: the segmentation project's 2-D cross-entropy passes reduce='sum', the new argument's value under the old flag's name; torch reads any flag that is not None as True, so the loss is averaged, then divided again by the pixel and batch counts (the fix writes reduction='sum')."""

# Source: nyoki-mtl/pytorch-segmentation@634c62e4ce src/losses/multi/ce_loss.py, fixed in 051b1e4e98 (cut, renamed)
import torch.nn as nn


class PixelCrossEntropy(nn.Module):
    def __init__(self, ignore_index=255, weight=None, size_average=True, batch_average=True):
        super().__init__()
        self.size_average = size_average
        self.batch_average = batch_average
        self.loss_fn = nn.CrossEntropyLoss(weight=weight, ignore_index=ignore_index, reduce="sum")  # expect: LG010

    def forward(self, preds, labels):
        n, c, h, w = preds.size()
        loss = self.loss_fn(preds, labels)
        if self.size_average:
            loss /= h * w
        if self.batch_average:
            loss /= n
        return loss
