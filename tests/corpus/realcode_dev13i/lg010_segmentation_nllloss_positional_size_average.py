"""positive [LG010]: a 2-D cross-entropy wrapper passes size_average to NLLLoss positionally (NLLLoss(weight, size_average, ignore_index)), the deprecated argument."""
# Source: https://github.com/pytorch/pytorch/issues/74411 (the code the user posted, in the pytorch/pytorch tracker; re-typed, renamed)
import torch
import torch.nn as nn


class PixelCrossEntropy(nn.Module):
    def __init__(self, weight=None, size_average=True, ignore_index=255):
        super().__init__()
        self.nll = nn.NLLLoss(weight, size_average, ignore_index)  # expect: LG010

    def forward(self, probs, targets):
        return self.nll(torch.log(probs), targets)
