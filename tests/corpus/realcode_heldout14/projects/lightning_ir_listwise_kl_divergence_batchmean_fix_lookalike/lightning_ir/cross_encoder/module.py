"""part of look-alike project [LG008, LG009]: the cross-encoder reshapes the model's scores to (queries, docs) and calls every loss function on them."""
# Source: webis-de/lightning-ir at the fix 2832d0a ("use batchmean reduction for kldiv"),
# lightning_ir/cross_encoder/module.py; re-typed; tokenizer typing and the in-batch check's message shortened.
from typing import Dict

import torch

from ..base.module import IRModule


class CrossEncoderModule(IRModule):
    def forward(self, batch):
        docs = [d for docs in batch.docs for d in docs]
        num_docs = [len(docs) for docs in batch.docs]
        encoding = self.prepare_input(batch.queries, docs, num_docs)
        return self.model.forward(encoding["encoding"])

    def compute_losses(self, batch, loss_functions) -> Dict[str, torch.Tensor]:
        if loss_functions is None:
            loss_functions = self.loss_functions
        output = self.forward(batch)
        scores = output.scores
        if scores is None or batch.targets is None:
            raise ValueError("scores and targets must be set in the output and batch")
        scores = scores.view(len(batch.query_ids), -1)
        targets = batch.targets.view(*scores.shape, -1)
        losses = {}
        for loss_function in loss_functions:
            losses[loss_function.__class__.__name__] = loss_function.compute_loss(scores, targets)
        return losses
