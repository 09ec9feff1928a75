"""part of positive project [LG002]: the Lightning Classifier picks F.binary_cross_entropy for every task but multiclass and calls it on self.model(x), which it names logits; the tampering model returns Linear probe outputs, so the binary loss gets unbounded scores."""
# Source: ejnnr/cupbearer at 0b2d2bdd (the parent of 3389efb6, "Use BCE with logits (same as multiclass)", PR #35), src/cupbearer/scripts/_shared.py;
# re-typed, identifiers renamed; the per-loader accuracy metrics of validation and test and the epoch-end hooks cut.
import lightning as L
import torch
from torchmetrics.classification import Accuracy
from typing_extensions import Literal

from cupbearer.models import HookedModel

ClassificationTask = Literal["binary", "multiclass", "multilabel"]


class Classifier(L.LightningModule):
    def __init__(
        self,
        model: HookedModel,
        lr: float,
        num_classes: int | None = None,
        num_labels: int | None = None,
        val_loader_names: list[str] | None = None,
        test_loader_names: list[str] | None = None,
        save_hparams: bool = True,
        task: ClassificationTask = "multiclass",
    ):
        super().__init__()
        if save_hparams:
            self.save_hyperparameters(ignore=["model"])
        if val_loader_names is None:
            val_loader_names = []
        if test_loader_names is None:
            test_loader_names = []

        self.model = model
        self.lr = lr
        self.val_loader_names = val_loader_names
        self.test_loader_names = test_loader_names
        self.task = task
        self.loss_func = self._get_loss_func(self.task)
        self.train_accuracy = Accuracy(task=self.task, num_classes=num_classes, num_labels=num_labels)

    def _get_loss_func(self, task):
        if task == "multiclass":
            return torch.nn.functional.cross_entropy
        return torch.nn.functional.binary_cross_entropy

    def _shared_step(self, batch):
        inputs, labels = batch
        scores = self.model(inputs)
        loss = self.loss_func(scores, labels)  # expect: LG002
        return loss, scores, labels

    def training_step(self, batch, batch_idx):
        loss, scores, labels = self._shared_step(batch)
        self.log("train/loss", loss, prog_bar=True)
        self.train_accuracy(scores, labels)
        self.log("train/acc_step", self.train_accuracy)
        return loss

    def validation_step(self, batch, batch_idx, dataloader_idx=0):
        loss, scores, labels = self._shared_step(batch)
        name = self.val_loader_names[dataloader_idx]
        self.log(f"{name}/loss", loss)

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=self.lr)
