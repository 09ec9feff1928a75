"""look-alike [LG010]: user-defined loss class with its own `size_average` / `reduce` options (a Dice loss), not a torch loss."""
import torch
import torch.nn as nn


class DiceLoss(nn.Module):
    def __init__(self, smooth=1.0, size_average=True, reduce=True):
        super().__init__()
        self.smooth, self.size_average, self.reduce = smooth, size_average, reduce

    def forward(self, probs, target):
        inter = (probs * target).flatten(1).sum(1)
        union = probs.flatten(1).sum(1) + target.flatten(1).sum(1)
        loss = 1 - (2 * inter + self.smooth) / (union + self.smooth)
        if not self.reduce:
            return loss
        return loss.mean() if self.size_average else loss.sum()


dice = DiceLoss(size_average=True, reduce=True)


def train(model, loader, optimizer):
    for img, mask in loader:
        optimizer.zero_grad()
        loss = dice(model(img), mask)
        loss.backward()
        optimizer.step()
