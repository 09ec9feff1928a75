"""part of positive project [LG016]: the binary spoofing loss keeps an nn.Sigmoid() and an nn.BCELoss(reduction="mean") as attributes and computes self.loss(self.sigmoid(pred.view(-1)), label.view(-1).float()): the sigmoid is applied right before BCELoss in the same call (BCEWithLogitsLoss on pred is the stable form)."""
# Source: espnet/espnet at 4405530d (read as is), espnet2/asvspoof/loss/binary_loss.py; re-typed, identifiers
# renamed.
import torch

from espnet2.asvspoof.loss.abs_loss import AbsASVSpoofLoss
from espnet.nets.pytorch_backend.nets_utils import to_device


class ASVSpoofBinaryLoss(AbsASVSpoofLoss):
    def __init__(self, weight: float = 1.0):
        super().__init__()
        self.weight = weight
        self.sigmoid = torch.nn.Sigmoid()
        self.loss = torch.nn.BCELoss(reduction="mean")

    def forward(self, pred: torch.Tensor, label: torch.Tensor, **kwargs):
        loss = self.loss(self.sigmoid(pred.view(-1)), label.view(-1).float())  # expect: LG016
        return loss

    def score(self, pred: torch.Tensor):
        return pred
