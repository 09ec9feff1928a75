"""part of look-alike project [LG003, LG004, LG005]: the wrapper runs the ranking model and gives its "logits" entry, not its "probabilities", to the loss function with the labels and weights cast to float; the loss is returned first for the training loop."""
# Source: twitter/the-algorithm-ml at b8521086, projects/home/recap/model/model_and_loss.py (read as is); re-typed,
# identifiers renamed, docstrings cut.
from typing import Callable, List, Optional

import torch
from absl import logging


class ModelWithLoss(torch.nn.Module):
    def __init__(self, model, loss_fn: Callable, stratifiers: Optional[List] = None) -> None:
        super().__init__()
        self.model = model
        self.loss_fn = loss_fn
        self.stratifiers = stratifiers

    def forward(self, batch):
        outputs = self.model(
            continuous_features=batch.continuous_features,
            binary_features=batch.binary_features,
            discrete_features=batch.discrete_features,
            sparse_features=batch.sparse_features,
            user_embedding=batch.user_embedding,
            user_eng_embedding=batch.user_eng_embedding,
            author_embedding=batch.author_embedding,
            labels=batch.labels,
            weights=batch.weights,
        )
        losses = self.loss_fn(outputs["logits"], batch.labels.float(), batch.weights.float())

        if self.stratifiers:
            logging.info("adding stratifiers")
            outputs["stratifiers"] = {}
            for s in self.stratifiers:
                outputs["stratifiers"][s.name] = batch.discrete_features[:, s.index]

        if isinstance(losses, dict):
            return losses["loss"], {**outputs, **losses, "labels": batch.labels, "weights": batch.weights}
        else:
            return losses, {**outputs, "loss": losses, "labels": batch.labels, "weights": batch.weights}
