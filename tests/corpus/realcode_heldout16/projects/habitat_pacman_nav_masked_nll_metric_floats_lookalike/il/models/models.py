"""part of look-alike project [LG006, LG007, LG014]: a hand-written masked NLL criterion that gathers the target's log-probability and averages it over the mask."""
# Source: facebookresearch/habitat-lab at 0fb6f43ff (read as is), habitat-baselines/habitat_baselines/il/models/models.py;
# re-typed, identifiers renamed; the planner-controller network itself cut (its forward returns raw action scores).
import torch
from torch import Tensor, nn


class MaskedNLL(nn.Module):
    def __init__(self) -> None:
        super().__init__()

    def forward(self, logp: Tensor, target: Tensor, mask: Tensor) -> Tensor:
        picked = torch.gather(logp, 1, target.long())
        kept = torch.masked_select(picked, mask)
        return -torch.sum(kept) / mask.float().sum()
