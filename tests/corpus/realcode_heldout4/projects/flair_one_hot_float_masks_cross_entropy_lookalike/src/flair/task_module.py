"""part of look-alike project [LG013, LG001, LG006]: the LightningModule's step gives its criterion the model logits and the float one-hot masks (N, C, H, W) as they come from the data set; softmax and argmax are taken under no_grad for the metrics only, and the loss goes to a MeanMetric."""
# Source: https://github.com/IGNF/FLAIR-1 src/flair/task_module.py at beebed18e2ccfab65dc13c635f039a15fe7c15d5; re-typed, names changed, reduced (validation-epoch
# logging, optimizers and the prediction module left out).
import pytorch_lightning as pl
import torch
from torchmetrics.aggregation import MeanMetric
from torchmetrics.classification import MulticlassJaccardIndex


class segmentation_task_training(pl.LightningModule):
    def __init__(self, model, class_infos: dict, criterion=None, optimizer=None, use_metadata: bool = False, scheduler: bool = None):
        super().__init__()
        self.model = model
        self.criterion = criterion
        self.optimizer = optimizer
        self.scheduler = scheduler
        self.use_metadata = use_metadata
        self.num_classes = len(class_infos)

    def setup(self, stage=None):
        if stage == "fit":
            self.train_metrics = MulticlassJaccardIndex(num_classes=self.num_classes, average="weighted")
            self.val_metrics = MulticlassJaccardIndex(num_classes=self.num_classes, average="weighted")
            self.train_loss = MeanMetric()
            self.val_loss = MeanMetric()

    def forward(self, input_im, input_met):
        return self.model(input_im, input_met)

    def step(self, batch):
        if self.use_metadata:
            images, metadata, targets = batch["img"], batch["mtd"], batch["msk"]
        else:
            images, metadata, targets = batch["img"], "", batch["msk"]
        logits = self.forward(images, metadata)

        loss = self.criterion(logits, targets)

        with torch.no_grad():
            proba = torch.softmax(logits, dim=1)
            preds = torch.argmax(proba, dim=1)
            targets = torch.argmax(targets, dim=1)
            preds = preds.flatten(start_dim=1)
            targets = targets.flatten(start_dim=1).type(torch.int32)
        return loss, preds, targets

    def training_step(self, batch, batch_idx):
        loss, preds, targets = self.step(batch)
        self.train_loss.update(loss)
        self.train_metrics(preds=preds, target=targets)
        return loss

    def validation_step(self, batch, batch_idx):
        loss, preds, targets = self.step(batch)
        self.val_loss.update(loss)
        self.val_metrics(preds=preds, target=targets)
        return loss
