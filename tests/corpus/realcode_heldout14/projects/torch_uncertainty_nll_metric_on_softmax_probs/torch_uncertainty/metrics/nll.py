"""part of positive project [LG007]: the NLL metric feeds the probabilities it is updated with straight into F.nll_loss."""
# Source: ENSTA-U2IS-AI/torch-uncertainty at the parent of 7692f1ce ("Fix bug in ClassificationSingle routine", which
# stores torch.log(probs) and calls F.nll_loss on the log-probabilities), torch_uncertainty/metrics/nll.py; re-typed; error messages shortened.
from typing import Any, Literal, Optional

import torch
import torch.nn.functional as F
from torchmetrics import Metric
from torchmetrics.utilities.data import dim_zero_cat


class NegativeLogLikelihood(Metric):
    is_differentiable: bool = False
    higher_is_better: Optional[bool] = False
    full_state_update: bool = False

    def __init__(self, reduction: Literal["mean", "sum", "none", None] = "mean", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if reduction not in ("sum", "mean", "none", None):
            raise ValueError(f"Unexpected reduction {reduction}")
        self.reduction = reduction
        if self.reduction in ["mean", "sum"]:
            self.add_state("values", default=torch.tensor(0.0), dist_reduce_fx="sum")
        else:
            self.add_state("values", default=[], dist_reduce_fx="cat")
        self.add_state("total", default=torch.tensor(0), dist_reduce_fx="sum")

    def update(self, probs: torch.Tensor, target: torch.Tensor) -> None:
        if self.reduction is None or self.reduction == "none":
            self.values.append(F.nll_loss(probs, target, reduction="none"))  # expect: LG007
        else:
            self.values += F.nll_loss(probs, target, reduction="sum")  # expect: LG007
            self.total += target.size(0)

    def compute(self) -> torch.Tensor:
        values = dim_zero_cat(self.values)
        if self.reduction == "sum":
            return values.sum(dim=-1)
        elif self.reduction == "mean":
            return values.sum(dim=-1) / self.total
        return values
