"""part of positive project [LG007]: the classification LightningModule scores the model's output with nn.NLLLoss(): the head gives softmax probabilities (return_logits False in the shipped config) or raw scores (its default), never log-probabilities."""
# Source: sieu-n/awesome-modular-pytorch-lightning@be5f346011ee19354f604eb008bcfa02f9cc3ebf lightning/vision/classification.py (the parent of 5d36cad "b: fix nn.NLLLoss -> nn.CrossEntropyLoss", whose message says NLLLoss needs LogSoftmax, not Softmax; the fix makes the criterion nn.CrossEntropyLoss() and the config return logits; re-typed, identifiers renamed)
import torch
import torch.nn as nn
from lightning.common import _BaseLightningTrainer
from torchmetrics.functional import accuracy


class ClassificationTrainer(_BaseLightningTrainer):
    def __init__(self, training_cfg, model):
        super().__init__(training_cfg, model)
        self.loss_fn = nn.NLLLoss()
        self.model = model

    def training_step(self, batch, batch_idx):
        x, y = batch
        pred = self.model(x)
        loss = self.loss_fn(pred, y)  # expect: LG007
        self.log("step/train_loss", loss)
        return loss

    def evaluate(self, batch, stage=None):
        x, y = batch
        pred = self.model(x)
        loss = self.loss_fn(pred, y)  # expect: LG007
        acc = accuracy(torch.argmax(pred, dim=1), y)
        return loss, acc
