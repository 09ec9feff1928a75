"""part of positive project [LG016]: the abstract base of ESPnet's spoofing-countermeasure losses: forward(ref, inf) returns the loss, score(pred) the detection score."""
# Source: espnet/espnet at 214c50e7 (read as is), espnet2/asvspoof/loss/abs_loss.py; re-typed, docstrings cut.
from abc import ABC, abstractmethod

import torch

EPS = torch.finfo(torch.get_default_dtype()).eps


class AbsASVSpoofLoss(torch.nn.Module, ABC):
    @property
    def name(self) -> str:
        return NotImplementedError

    @abstractmethod
    def forward(self, ref, inf) -> torch.Tensor:
        raise NotImplementedError

    @abstractmethod
    def score(self, pred) -> torch.Tensor:
        raise NotImplementedError
