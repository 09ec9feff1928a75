"""positive [LG011]: the multi-class activation of a LightningModule is nn.Softmax() without dim, applied to the (bags, classes) logits for predicted probabilities; torch picks the axis from the rank and warns."""
# Source: microsoft/hi-ml@aae6f1abd8 (the parent of 0c23eb6d, "ENH: Softmax requires dimension choice (#567)", which passes dim=-1) hi-ml-cpath/src/health_cpath/models/deepmil.py (re-typed: loss, activation and the shared step; encoders, pooling and metrics cut; names kept)
from typing import Callable, Dict

import torch
from pytorch_lightning import LightningModule
from torch import Tensor, argmax, nn, round


class BaseDeepMILModule(LightningModule):
    def __init__(self, label_column: str, n_classes: int, class_weights=None) -> None:
        super().__init__()
        self.label_column = label_column
        self.n_classes = n_classes
        self.class_weights = class_weights
        self.classifier_fn = nn.Linear(512, n_classes)
        self.activation_fn = self.get_activation()
        self.loss_fn = self.get_loss()

    def get_loss(self) -> Callable:
        if self.n_classes > 1:
            if self.class_weights is None:
                return nn.CrossEntropyLoss()
            else:
                return nn.CrossEntropyLoss(weight=self.class_weights.float())
        else:
            pos_weight = None
            if self.class_weights is not None:
                pos_weight = Tensor([self.class_weights[1] / (self.class_weights[0] + 1e-5)])
            return nn.BCEWithLogitsLoss(pos_weight=pos_weight)

    def get_activation(self) -> Callable:
        if self.n_classes > 1:
            return nn.Softmax()  # expect: LG011
        else:
            return nn.Sigmoid()

    def forward(self, instances: Tensor):
        return self.classifier_fn(instances)

    def _shared_step(self, batch: Dict, batch_idx: int, stage: str):
        bag_logits = torch.stack([self(images.float()).view(-1) for images in batch["images"]])
        bag_labels = torch.stack(batch[self.label_column]).view(-1)
        if self.n_classes > 1:
            loss = self.loss_fn(bag_logits, bag_labels.long())
        else:
            loss = self.loss_fn(bag_logits.squeeze(1), bag_labels.float())
        predicted_probs = self.activation_fn(bag_logits)
        if self.n_classes > 1:
            predicted_labels = argmax(predicted_probs, dim=1)
        else:
            predicted_labels = round(predicted_probs)
        return {"loss": loss, "pred_label": predicted_labels.view(-1, 1)}

    def training_step(self, batch: Dict, batch_idx: int):
        return self._shared_step(batch, batch_idx, "train")["loss"]
