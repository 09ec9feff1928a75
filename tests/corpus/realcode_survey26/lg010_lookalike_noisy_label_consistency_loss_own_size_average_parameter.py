"""look-alike [LG010]: a noisy-label consistency loss of the checked code takes its own `size_average` parameter and computes the KL map by hand; no torch loss gets the deprecated argument."""

# Source: HiLab-git/PyMIC@8bcebd6 pymic/net_run/noisy_label/nll_dast.py (re-typed, renamed, cut to the losses)
import torch
import torch.nn as nn


class ConsistencyLoss(nn.Module):
    def kl_map(self, input, label):
        return torch.sum(label * (torch.log(label + 1e-16) - torch.log(input + 1e-16)), dim=1)

    def kl_loss(self, input, target, size_average=True):
        kl = self.kl_map(input, target)
        if size_average:
            return torch.mean(kl)
        return kl

    def forward(self, input1, input2, size_average=True):
        kl1 = self.kl_loss(input1, input2.detach(), size_average=size_average)
        kl2 = self.kl_loss(input2, input1.detach(), size_average=size_average)
        return (kl1 + kl2) / 2


@torch.no_grad()
def selection_score(noisy_prob, clean_prob):
    distance = ConsistencyLoss()
    variance = distance(noisy_prob, clean_prob, size_average=False)
    return torch.exp(-16 * variance)
