"""part of look-alike project [LG001, LG006, LG014]: SimCLR adds its contrastive loss over all crops' projections to the base step's classification loss and returns the sum for Lightning to back-propagate."""
# Source: vturrisi/solo-learn@b2fc21087900b5446c3e90daf19b40315d07e404 solo/methods/simclr.py (read at the same commit; re-typed, identifiers renamed, argument parsing and learnable_params left out)
from typing import Any, Dict, Sequence

import torch
import torch.nn as nn
from solo.losses.simclr import nt_xent
from solo.methods.base import BaseMethod


class SimCLR(BaseMethod):
    def __init__(self, proj_output_dim: int, proj_hidden_dim: int, temperature: float, **kwargs):
        super().__init__(**kwargs)
        self.temperature = temperature
        self.projector = nn.Sequential(
            nn.Linear(self.features_dim, proj_hidden_dim),
            nn.ReLU(),
            nn.Linear(proj_hidden_dim, proj_output_dim),
        )

    def forward(self, X) -> Dict[str, Any]:
        out = super().forward(X)
        out.update({"z": self.projector(out["feats"])})
        return out

    def multicrop_forward(self, X) -> Dict[str, Any]:
        out = super().multicrop_forward(X)
        out.update({"z": self.projector(out["feats"])})
        return out

    def training_step(self, batch: Sequence[Any], batch_idx: int) -> torch.Tensor:
        indexes = batch[0]
        out = super().training_step(batch, batch_idx)
        class_loss = out["loss"]
        z = torch.cat(out["z"])
        n_augs = self.num_large_crops + self.num_small_crops
        indexes = indexes.repeat(n_augs)
        nce = nt_xent(z, indexes=indexes, temperature=self.temperature)
        self.log("train_nce_loss", nce, on_epoch=True, sync_dist=True)
        return nce + class_loss
