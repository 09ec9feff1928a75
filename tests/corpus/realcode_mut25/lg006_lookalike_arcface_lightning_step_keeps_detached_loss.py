"""look-alike [LG006]: a metric-learning LightningModule appends a detached copy of the loss it returns as the "loss" item of a dict to a list on self that the epoch hook clears: no graph is kept."""

# Source: TalhaUsuf/arcface_mnasnet_metric_learning@421d67c7fa project/arc_train.py (LitClassifier); re-typed,
# identifiers renamed; the argument parser, the schedulers, validation and the CLI cut
# Mutation: the step's loss, detached, appended to a list made in __init__, averaged and cleared in the epoch hook
import pytorch_lightning as pl
import torch
from pytorch_metric_learning.losses import ArcFaceLoss


class FaceEmbedder(pl.LightningModule):
    def __init__(self, backbone, in_features, embed_size, classes, lr=1e-3):
        super().__init__()
        self.backbone = backbone
        self.project = torch.nn.Linear(in_features, embed_size)
        self.margin_head = ArcFaceLoss(num_classes=classes, embedding_size=embed_size, margin=28.6, scale=64)
        self.lr = lr
        self.step_losses = []

    def forward(self, x):
        return self.project(self.backbone(x))

    def training_step(self, batch, batch_idx, optimizer_idx):
        images, labels = batch
        loss = self.margin_head(self(images), labels)
        self.log("train_loss", loss, sync_dist=True)
        self.step_losses.append(loss.detach())
        return {"loss": loss}

    def training_epoch_end(self, outputs):
        self.log("train_epoch_loss", torch.stack(self.step_losses).mean())
        self.step_losses = []

    def configure_optimizers(self):
        body = torch.optim.Adam(self.parameters(), lr=self.lr)
        head = torch.optim.Adam(self.margin_head.parameters(), lr=self.lr)
        return [body, head]
