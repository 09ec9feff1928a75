"""positive [LG010]: the segmentation project's 2-D cross-entropy wraps nn.CrossEntropyLoss built with the deprecated size_average=False (a warning on every construction; the fix writes reduction='sum'), then divides by the pixel and batch counts itself."""

# Source: nyoki-mtl/pytorch-segmentation@04b8700d2d src/losses/multi/ce_loss.py, fixed in 7d44d09144 (cut, renamed)
import torch
import torch.nn as nn


class PixelCrossEntropy(nn.Module):
    def __init__(self, ignore_index=255, weight=None, size_average=True, batch_average=True):
        super().__init__()
        self.size_average = size_average
        self.batch_average = batch_average
        self.loss_fn = nn.CrossEntropyLoss(weight=weight, ignore_index=ignore_index, size_average=False)  # expect: LG010

    def forward(self, preds, labels):
        n, c, h, w = preds.size()
        loss = self.loss_fn(preds, labels)
        if self.size_average:
            loss /= h * w
        if self.batch_average:
            loss /= n
        return loss


def train_step(model, images, labels, optimizer, loss_config):
    loss_fn = PixelCrossEntropy(**loss_config)
    optimizer.zero_grad()
    loss = loss_fn(model(images), labels)
    loss.backward()
    optimizer.step()
    return loss.item()
