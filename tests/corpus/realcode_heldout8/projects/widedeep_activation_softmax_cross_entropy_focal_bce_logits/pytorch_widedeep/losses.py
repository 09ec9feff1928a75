"""part of positive project [LG001, LG003]: FocalLoss computes F.binary_cross_entropy_with_logits on its input, which WideDeep has already put through sigmoid or softmax."""
# Source: jrzaurin/pytorch-widedeep@148bdb2fd02396fd3f9a0911dc292c5ce586a5ea pytorch_widedeep/losses.py (the parent of 54a6fa88; this file's fix is 50d69b8b/706a8998)
import torch
import torch.nn as nn
import torch.nn.functional as F

from .wdtypes import *


use_cuda = torch.cuda.is_available()


class FocalLoss(nn.Module):
    def __init__(self, alpha:float=0.25, gamma:float=1.):
        super().__init__()
        self.alpha = alpha
        self.gamma = gamma

    def get_weight(self, x:Tensor, t:Tensor) -> Tensor:
        p = x.sigmoid()
        pt = p*t + (1-p)*(1-t)
        w = self.alpha*t + (1-self.alpha)*(1-t)
        return (w * (1-pt).pow(self.gamma)).detach()

    def forward(self, input:Tensor, target:Tensor) -> Tensor:
        if input.size(1) == 1:
            input = torch.cat([1-input, input], axis=1)
            num_class = 2
        else: num_class = input.size(1)
        binary_target = torch.eye(num_class)[target.long()]
        if use_cuda: binary_target = binary_target.cuda()
        binary_target = binary_target.contiguous()
        weight = self.get_weight(input, binary_target)
        return F.binary_cross_entropy_with_logits(input, binary_target, weight, reduction='mean')  # expect: LG003
