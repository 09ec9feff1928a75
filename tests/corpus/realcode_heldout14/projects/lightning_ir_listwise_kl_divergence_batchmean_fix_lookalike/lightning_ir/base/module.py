"""part of look-alike project [LG008, LG009]: the LightningModule sums the dict of losses computed by the configured loss functions in training_step."""
# Source: webis-de/lightning-ir at the fix 2832d0a ("use batchmean reduction for kldiv"),
# lightning_ir/base/module.py; re-typed; model construction from a checkpoint name, tokenisation and validation cut.
from typing import Dict, Sequence

import torch
from lightning import LightningModule

from ..loss.loss import LossFunction


class IRModule(LightningModule):
    def __init__(self, model=None, loss_functions: Sequence[LossFunction] | None = None, evaluation_metrics=None):
        super().__init__()
        self.model = model
        self.config = self.model.config
        self.loss_functions = loss_functions
        self.evaluation_metrics = evaluation_metrics

    def compute_losses(self, batch, loss_functions) -> Dict[str, torch.Tensor]:
        raise NotImplementedError

    def training_step(self, batch, batch_idx: int) -> torch.Tensor:
        if self.loss_functions is None:
            raise ValueError("Loss function is not set")
        losses = self.compute_losses(batch, self.loss_functions)
        for key, loss in losses.items():
            self.log(key, loss)
        loss = sum(losses.values(), torch.tensor(0))
        self.log("loss", loss, prog_bar=True)
        return loss
