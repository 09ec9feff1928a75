"""positive [LG006]: BaseModel.training_step appends the log dict whose "loss" Lightning back-propagates to self.training_step_outputs, which only on_train_epoch_end clears: every step's graph is kept for the whole epoch."""
# Source: sktime/pytorch-forecasting@81b5303eca (the parent of a88a404, "fixed memory leak in BaseModel by detach some tensor", pull request #1924) pytorch_forecasting/models/base/_base_model.py (BaseModel's step hooks as is; __init__ reduced to the three output lists and the loss, step() to its plain branch)
from typing import Any, Dict, Tuple

import torch
from lightning.pytorch import LightningModule

from pytorch_forecasting.metrics import MASE, MultiLoss


class BaseModel(LightningModule):
    def __init__(self, loss=None, logging_metrics=None, **kwargs):
        super().__init__()
        self.loss = loss
        self.logging_metrics = logging_metrics
        self.training_step_outputs = []
        self.validation_step_outputs = []
        self.testing_step_outputs = []

    def training_step(self, batch, batch_idx):
        """
        Train on batch.
        """
        x, y = batch
        log, out = self.step(x, y, batch_idx)
        self.training_step_outputs.append(log)  # expect: LG006
        return log

    def on_train_epoch_end(self):
        self.on_epoch_end(self.training_step_outputs)
        self.training_step_outputs.clear()

    def validation_step(self, batch, batch_idx):
        x, y = batch
        log, out = self.step(x, y, batch_idx)
        log.update(self.create_log(x, y, out, batch_idx))
        self.validation_step_outputs.append(log)
        return log

    def on_validation_epoch_end(self):
        self.on_epoch_end(self.validation_step_outputs)
        self.validation_step_outputs.clear()

    def test_step(self, batch, batch_idx):
        x, y = batch
        log, out = self.step(x, y, batch_idx)
        log.update(self.create_log(x, y, out, batch_idx))
        self.testing_step_outputs.append(log)
        return log

    def on_test_epoch_end(self):
        self.on_epoch_end(self.testing_step_outputs)
        self.testing_step_outputs.clear()

    def create_log(self, x, y, out, batch_idx) -> Dict[str, Any]:
        return {}

    def on_epoch_end(self, outputs):
        pass

    def step(self, x: Dict[str, torch.Tensor], y: Tuple[torch.Tensor, torch.Tensor], batch_idx: int, **kwargs) -> Tuple[Dict[str, torch.Tensor], Dict[str, torch.Tensor]]:
        out = self(x, **kwargs)

        prediction = out["prediction"]
        if not self.predicting:
            if isinstance(self.loss, (MASE, MultiLoss)):
                mase_kwargs = dict(
                    encoder_target=x["encoder_target"],
                    encoder_lengths=x["encoder_lengths"],
                )
                loss = self.loss(prediction, y, **mase_kwargs)
            else:
                loss = self.loss(prediction, y)
        else:
            loss = None
        self.log(
            f"{self.current_stage}_loss",
            loss,
            on_step=self.training,
            on_epoch=True,
            prog_bar=True,
            batch_size=len(x["decoder_target"]),
        )
        log = {"loss": loss, "n_samples": x["decoder_lengths"].size(0)}
        return log, out
