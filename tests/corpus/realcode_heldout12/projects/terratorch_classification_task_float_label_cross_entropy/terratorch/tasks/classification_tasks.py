"""part of positive project [LG013]: the Lightning classification task picks its criterion from the 'loss' hyperparameter (default 'ce' -> nn.CrossEntropyLoss) and casts the integer class labels to torch.float32 in training, validation and test steps before handing them to the loss handler."""
# Source: IBM/terratorch@bfe5e5859d749044e83e2d38155bcc79bb27cd1a terratorch/tasks/classification_tasks.py (the parent of 37bc5805, which drops the three .to(torch.float32) casts added by 0bb16471 "Fix classification target dtype"; re-typed, identifiers renamed, cut at method boundaries: metrics configuration, predict_step and plotting left out, __init__ shortened)
import logging

import torch
from segmentation_models_pytorch.losses import FocalLoss, JaccardLoss
from torch import Tensor, nn

from terratorch.models.model import AuxiliaryHead, ModelOutput
from terratorch.registry.registry import MODEL_FACTORY_REGISTRY
from terratorch.tasks.base_task import TerraTorchTask
from terratorch.tasks.loss_handler import LossHelper

logger = logging.getLogger("terratorch")


def to_class_prediction(y: ModelOutput) -> Tensor:
    return y.output.argmax(dim=1)


class ClassifyTask(TerraTorchTask):

    def __init__(self, model_args: dict, model_factory: str | None = None, model: torch.nn.Module | None = None,
                 loss: str = "ce", aux_heads: list[AuxiliaryHead] | None = None,
                 aux_loss: dict[str, float] | None = None, class_weights: list[float] | None = None,
                 ignore_index: int | None = None, lr: float = 0.001, optimizer: str | None = None,
                 optimizer_hparams: dict | None = None, scheduler: str | None = None,
                 scheduler_hparams: dict | None = None, freeze_backbone: bool = False,
                 freeze_decoder: bool = False, class_names: list[str] | None = None,
                 test_dataloaders_names: list[str] | None = None, lr_overrides: dict[str, float] | None = None,
                 path_to_record_metrics: str = None) -> None:
        self.aux_loss = aux_loss
        self.aux_heads = aux_heads
        if model is None and model_factory is None:
            raise ValueError("A model_factory or a model (torch.nn.Module) must be provided.")
        if model_factory and model is None:
            self.model_factory = MODEL_FACTORY_REGISTRY.build(model_factory)
        super().__init__(task="classification", path_to_record_metrics=path_to_record_metrics)
        if model:
            self.model = model
        self.train_loss_helper = LossHelper(self.train_metrics.prefix)
        self.test_loss_helper: list[LossHelper] = []
        for metrics in self.test_metrics:
            self.test_loss_helper.append(LossHelper(metrics.prefix))
        self.val_loss_helper = LossHelper(self.val_metrics.prefix)
        self.monitor = f"{self.val_metrics.prefix}loss"

    def configure_losses(self) -> None:
        loss: str = self.hparams["loss"]
        ignore_index = self.hparams["ignore_index"]
        class_weights = (
            torch.Tensor(self.hparams["class_weights"]) if self.hparams["class_weights"] is not None else None
        )
        if loss == "ce":
            ignore_value = -100 if ignore_index is None else ignore_index
            self.criterion = nn.CrossEntropyLoss(ignore_index=ignore_value, weight=class_weights)
        elif loss == "bce":
            self.criterion = nn.BCEWithLogitsLoss()
        elif loss == "jaccard":
            self.criterion = JaccardLoss(mode="multiclass")
        elif loss == "focal":
            self.criterion = FocalLoss(mode="multiclass", normalized=True)
        else:
            raise ValueError(f"Loss type '{loss}' is not valid.")

    def training_step(self, batch: object, batch_idx: int, dataloader_idx: int = 0) -> Tensor:
        x = batch["image"]
        y = batch["label"].to(torch.float32)
        rest = {k: batch[k] for k in batch.keys() - {"image", "label", "filename"}}
        model_output: ModelOutput = self(x, **rest)
        loss = self.train_loss_helper.compute_loss(model_output, y, self.criterion, self.aux_loss)
        self.train_loss_helper.log_loss(self.log, loss_dict=loss, batch_size=y.shape[0])
        self.train_metrics.update(to_class_prediction(model_output), y)
        return loss["loss"]

    def validation_step(self, batch: object, batch_idx: int, dataloader_idx: int = 0) -> None:
        x = batch["image"]
        y = batch["label"].to(torch.float32)
        rest = {k: batch[k] for k in batch.keys() - {"image", "label", "filename"}}
        model_output: ModelOutput = self(x, **rest)
        loss = self.val_loss_helper.compute_loss(model_output, y, self.criterion, self.aux_loss)
        self.val_loss_helper.log_loss(self.log, loss_dict=loss, batch_size=y.shape[0])
        self.val_metrics.update(to_class_prediction(model_output), y)

    def test_step(self, batch: object, batch_idx: int, dataloader_idx: int = 0) -> None:
        x = batch["image"]
        y = batch["label"].to(torch.float32)
        rest = {k: batch[k] for k in batch.keys() - {"image", "label", "filename"}}
        model_output: ModelOutput = self(x, **rest)
        if dataloader_idx >= len(self.test_loss_helper):
            raise ValueError("You are returning more than one test dataloader but not defining enough test names.")
        loss = self.test_loss_helper[dataloader_idx].compute_loss(model_output, y, self.criterion, self.aux_loss)
        self.test_loss_helper[dataloader_idx].log_loss(self.log, loss_dict=loss, batch_size=y.shape[0])
        self.test_metrics[dataloader_idx].update(to_class_prediction(model_output), y)
