"""part of look-alike project [LG007]: after the fix the NLL metric stores torch.log(probs) and calls F.nll_loss on the log-probabilities."""
# Source: ENSTA-U2IS-AI/torch-uncertainty at the fix 7692f1ce ("Fix bug in ClassificationSingle routine"),
# torch_uncertainty/metrics/nll.py; re-typed; the memory warning cut.
import torch
import torch.nn.functional as F
from torchmetrics import Metric
from torchmetrics.utilities.data import dim_zero_cat


class NegativeLogLikelihood(Metric):
    full_state_update: bool = False

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.add_state("log_probs", [], dist_reduce_fx="cat")
        self.add_state("targets", [], dist_reduce_fx="cat")

    def update(self, probs: torch.Tensor, target: torch.Tensor) -> None:
        self.log_probs.append(torch.log(probs))
        self.targets.append(target)

    def compute(self) -> torch.Tensor:
        log_probs = dim_zero_cat(self.log_probs)
        targets = dim_zero_cat(self.targets)
        return F.nll_loss(log_probs, targets)
