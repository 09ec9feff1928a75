"""part of look-alike project [LG010]: the capsule network's margin loss keeps the reconstruction MSE unreduced with nn.MSELoss(reduction='none'), sums it over the image dimensions and averages over the batch; the margin term is averaged over the batch."""
# Source: mavanb/capsnet_pytorch at 53694b38 (the fix "updated to torch 4.1": nn.MSELoss(reduction="none"),
# size_average dropped), loss.py; re-typed, identifiers renamed, docstrings cut
# (one_hot as in the source's utils).
from torch import nn
from torch.nn.modules.loss import _Loss
import torch.nn.functional as F

from utils import one_hot


class CapsuleMarginLoss(_Loss):
    def __init__(self, m_plus, m_min, alpha, beta, include_recon, include_entropy, caps_sizes=None):
        super(CapsuleMarginLoss, self).__init__()
        self.m_plus = m_plus
        self.m_min = m_min
        self.alpha = alpha
        self.beta = beta
        self.include_recon = include_recon
        self.include_entropy = include_entropy
        self.caps_sizes = caps_sizes
        self.recon_mse = nn.MSELoss(reduction="none")

    def forward(self, images, labels, lengths, recon, entropy=None):
        n_classes = lengths.shape[1]
        target = one_hot(labels, n_classes)

        present = 0.5 * F.relu(self.m_plus - lengths, inplace=True) ** 2
        absent = 0.5 * F.relu(lengths - self.m_min, inplace=True) ** 2
        margin = target * present + 0.5 * (1. - target) * absent
        per_sample = margin.sum(dim=1)
        margin = per_sample.mean()

        if self.include_recon:
            recon_loss = self.recon_mse(recon, images).sum(dim=-1).sum(dim=-1).sum(dim=-1)
            assert len(recon_loss.shape) == 1, "Only batch dimension should be left after in recon loss."
            recon_loss = recon_loss.mean()
        else:
            recon_loss = None

        if self.include_entropy:
            if self.caps_sizes is None:
                raise ValueError("If include entropy, the size of each capsule layer should be known.")
            last = entropy[:, :, -1]
            if self.size_average:
                last = last.mean(dim=1)
            else:
                last = last.sum(dim=1)
            sizes = self.caps_sizes.float()
            weights = sizes / sum(sizes)
            entropy_loss = (last * weights).sum()
        else:
            entropy_loss = None

        total = margin
        if self.include_recon:
            total = total + self.alpha * recon_loss
        if self.include_entropy:
            total = total + self.beta * entropy_loss
        return total, margin, recon_loss, entropy_loss
