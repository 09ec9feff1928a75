"""positive [LG003]: a binary focal loss takes the sigmoid of the inputs and passes it to binary_cross_entropy_with_logits, which applies a second sigmoid."""

# Source: thread https://github.com/itakurah/focal-loss-pytorch/pull/5 ("F.binary_cross_entropy_with_logits already
# applies a sigmoid"; the PR removes the sigmoid before the call; the author asked for a unit test). Re-typed from the
# lines the PR touches, renamed; the alpha weighting cut. The thread concluded the scores the loss sees lie in
# [0.5, 0.73].
import torch
import torch.nn as nn
import torch.nn.functional as F


class BinaryFocal(nn.Module):
    def __init__(self, gamma=2.0):
        super().__init__()
        self.gamma = gamma

    def forward(self, inputs, targets):
        probs = torch.sigmoid(inputs)
        bce = F.binary_cross_entropy_with_logits(probs, targets, reduction="none")  # expect: LG003
        p_t = probs * targets + (1 - probs) * (1 - targets)
        return (bce * (1 - p_t) ** self.gamma).mean()
