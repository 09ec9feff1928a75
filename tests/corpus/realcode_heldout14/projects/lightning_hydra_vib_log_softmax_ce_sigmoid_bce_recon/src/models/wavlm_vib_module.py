"""part of positive project [LG001, LG016]: the LightningModule gets Hydra's net and args, calls net.loss on the model's outputs and sums the returned dict."""
# Source: hungdinhxuan/Lightning-hydra at 656e857a (read as is), src/models/wavlmvib_module.py; re-typed, identifiers renamed; the NaN-debug context,
# validation/test steps, metrics and optimiser configuration cut.
from typing import Any, Dict, Tuple, Union

import torch
from lightning import LightningModule


class VIBLitModule(LightningModule):
    def __init__(self, net: torch.nn.Module, optimizer, scheduler, compile: bool, args: Union[Dict[str, Any], None] = None):
        super().__init__()
        self.save_hyperparameters(logger=False, ignore=["net"])
        self.net = net
        self.args = args
        self.running_loss = 0.0
        self.num_total = 0.0
        self.train_loss_detail = {}

    def model_step(self, batch: Tuple[torch.Tensor, torch.Tensor]):
        train_loss = 0.0
        OC_info = {"previous_C": None, "previous_num_bona": None}
        info, batch_x, batch_y = batch
        if len(batch_x.shape) == 3:
            batch_x = batch_x.squeeze(0).transpose(0, 1)
        batch_y = batch_y.view(-1).type(torch.int64)
        self.num_total += batch_y.shape[0]

        batch_out, batch_feat, batch_emb = self.net(batch_x)
        losses = self.net.loss(batch_out, batch_feat,  # expect: LG001
                               batch_emb, batch_y, self.args, OC_info)
        for key, value in losses.items():
            train_loss += value
            self.train_loss_detail[key] = self.train_loss_detail.get(key, 0) + value.item()

        self.running_loss += train_loss.item()
        _, preds = batch_out.max(dim=1)
        return train_loss, preds, batch_y, self.train_loss_detail

    def training_step(self, batch, batch_idx: int) -> torch.Tensor:
        loss, preds, targets, train_loss_detail = self.model_step(batch)
        self.log("train/loss", self.running_loss, on_step=False, on_epoch=True, prog_bar=True)
        for loss_name, _loss in train_loss_detail.items():
            self.log(f"train/{loss_name}", _loss, on_step=False, on_epoch=True, prog_bar=True)
        return loss

    def on_train_epoch_end(self) -> None:
        self.running_loss = 0.0
        self.num_total = 0.0
        self.train_loss_detail = {}
