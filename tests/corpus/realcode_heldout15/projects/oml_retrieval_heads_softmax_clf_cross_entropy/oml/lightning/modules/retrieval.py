"""part of positive project [LG001, LG011]: the LightningModule scores the head's softmax output with the classification criterion (nn.CrossEntropyLoss in the run's config)."""
# Source: OML-Team/open-metric-learning at ab1c4847 (parent of ce28a36), oml/lightning/modules/retrieval.py; re-typed,
# identifiers renamed; the scheduler hooks and progress-bar override cut.
from typing import Any, Dict, Optional

import pytorch_lightning as pl
import torch
from torch import nn

from oml.interfaces.models import IExtractor, IHead


class EmbeddingModule(pl.LightningModule):
    def __init__(
        self,
        model: IExtractor,
        head: Optional[IHead],
        emb_criterion: Optional[nn.Module],
        optimizer: torch.optim.Optimizer,
        clf_criterion: Optional[nn.Module] = None,
        key_input: str = "input_tensors",
        key_targets: str = "labels",
        key_embeddings: str = "embeddings",
    ):
        super(EmbeddingModule, self).__init__()
        assert emb_criterion is not None or clf_criterion is not None, "You have to set at least one criterion."
        self.model = model
        self.head = head
        self.emb_criterion = emb_criterion
        self.clf_criterion = clf_criterion
        self.optimizer = optimizer
        self.key_input = key_input
        self.key_target = key_targets
        self.key_embeddings = key_embeddings

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.model(x)

    def training_step(self, batch: Dict[str, Any], batch_idx: int) -> torch.Tensor:
        emb = self.model(batch[self.key_input])
        bs = len(emb)

        if self.emb_criterion is not None:
            loss = self.emb_criterion(emb, batch[self.key_target])
            self.log("loss", loss.item(), prog_bar=True, batch_size=bs, on_step=True, on_epoch=True)
        else:
            loss = 0

        if self.head is not None:
            scores = self.head(emb)
            loss_clf = self.clf_criterion(scores, batch[self.key_target])  # expect: LG001
            self.log("loss_clf", loss_clf.item(), prog_bar=True, batch_size=bs, on_step=True, on_epoch=True)
            return loss + 1e-4 * loss_clf
        return loss

    def validation_step(self, batch: Dict[str, Any], batch_idx: int, *dataset_idx: int) -> Dict[str, Any]:
        emb = self.model(batch[self.key_input])
        return {**batch, **{self.key_embeddings: emb}}

    def configure_optimizers(self) -> Any:
        return self.optimizer
