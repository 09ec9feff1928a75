"""part of look-alike project [LG001, LG006, LG014]: the Lightning base method trains an online linear classifier on detached features with F.cross_entropy(ignore_index=-1), averages the per-crop losses inside one step, returns the validation loss in a dict and averages those dicts at epoch end; zero_grad is overridden to set_to_none."""
# Source: vturrisi/solo-learn@b2fc21087900b5446c3e90daf19b40315d07e404 solo/methods/base.py (read at the fix "fix effective batch size and zero grad (#261)", which moves optimizer_zero_grad out of a comment; re-typed, identifiers renamed, cut at method boundaries: the backbone table, argument parsing, optimizer and scheduler set-up and the momentum subclass left out)
from typing import Any, Dict, List

import pytorch_lightning as pl
import torch
import torch.nn as nn
import torch.nn.functional as F
from solo.utils.metrics import accuracy_at_k, weighted_mean


class BaseMethod(pl.LightningModule):
    def __init__(self, backbone, num_classes, num_large_crops, num_small_crops, **kwargs):
        super().__init__()
        self.backbone = backbone
        self.features_dim = backbone.num_features
        self.classifier = nn.Linear(self.features_dim, num_classes)
        self.num_large_crops = num_large_crops
        self.num_small_crops = num_small_crops
        self.num_crops = num_large_crops + num_small_crops
        self.multicrop = num_small_crops > 0

    def optimizer_zero_grad(self, epoch, batch_idx, optimizer, optimizer_idx):
        try:
            optimizer.zero_grad(set_to_none=True)
        except:
            optimizer.zero_grad()

    def forward(self, X) -> Dict:
        feats = self.backbone(X)
        logits = self.classifier(feats.detach())
        return {"logits": logits, "feats": feats}

    def multicrop_forward(self, X) -> Dict[str, Any]:
        return {"feats": self.backbone(X)}

    def _base_shared_step(self, X, targets) -> Dict:
        out = self(X)
        logits = out["logits"]
        loss = F.cross_entropy(logits, targets, ignore_index=-1)
        k = min(5, logits.size(1))
        acc1, acc5 = accuracy_at_k(logits, targets, top_k=(1, k))
        out.update({"loss": loss, "acc1": acc1, "acc5": acc5})
        return out

    def training_step(self, batch: List[Any], batch_idx: int) -> Dict[str, Any]:
        _, X, targets = batch
        X = [X] if isinstance(X, torch.Tensor) else X
        assert len(X) == self.num_crops
        outs = [self._base_shared_step(x, targets) for x in X[: self.num_large_crops]]
        outs = {k: [o[k] for o in outs] for k in outs[0].keys()}
        if self.multicrop:
            small = [self.multicrop_forward(x) for x in X[self.num_large_crops:]]
            for k in small[0].keys():
                outs[k] = outs.get(k, []) + [o[k] for o in small]
        outs["loss"] = sum(outs["loss"]) / self.num_large_crops
        outs["acc1"] = sum(outs["acc1"]) / self.num_large_crops
        outs["acc5"] = sum(outs["acc5"]) / self.num_large_crops
        self.log_dict({"train_class_loss": outs["loss"], "train_acc1": outs["acc1"],
                       "train_acc5": outs["acc5"]}, on_epoch=True, sync_dist=True)
        return outs

    def validation_step(self, batch, batch_idx, dataloader_idx=None) -> Dict[str, Any]:
        X, targets = batch
        out = self._base_shared_step(X, targets)
        return {"batch_size": targets.size(0), "val_loss": out["loss"],
                "val_acc1": out["acc1"], "val_acc5": out["acc5"]}

    def validation_epoch_end(self, outs):
        val_loss = weighted_mean(outs, "val_loss", "batch_size")
        val_acc1 = weighted_mean(outs, "val_acc1", "batch_size")
        val_acc5 = weighted_mean(outs, "val_acc5", "batch_size")
        self.log_dict({"val_loss": val_loss, "val_acc1": val_acc1, "val_acc5": val_acc5}, sync_dist=True)
