"""positive [LG003]: transfer-learning LightningModule: forward ends in torch.sigmoid(x) while the loss stored in self.loss_func is F.binary_cross_entropy_with_logits, called through the module's own loss(logits, labels) method in the training and validation steps."""
# Source: https://github.com/Lightning-AI/pytorch-lightning pl_examples/domain_templates/computer_vision_fine_tuning.py
# at the parent of 6b292113725fd4523585432d1b89bf2484832ab3 ("Fixed bug: replaced bce_loss_with_logits with bce_loss
# (#7096)"), i.e. 78d45a11347f174591893a9be29ae276b8f9887a; re-typed, names changed, reduced (data module, CLI and
# argument groups left out).
import pytorch_lightning as pl
import torch
import torch.nn.functional as F
from torch import nn, optim
from torch.optim.lr_scheduler import MultiStepLR
from torchmetrics import Accuracy
from torchvision import models


class FineTuner(pl.LightningModule):
    def __init__(self, backbone="resnet50", milestones=(5, 10), lr=1e-2, gamma=1e-1, **kwargs):
        super().__init__()
        self.backbone_name = backbone
        self.milestones = milestones
        self.lr = lr
        self.gamma = gamma
        self._build()
        self.acc_train = Accuracy()
        self.acc_val = Accuracy()
        self.save_hyperparameters()

    def _build(self):
        make = getattr(models, self.backbone_name)
        net = make(pretrained=True)
        self.features = nn.Sequential(*list(net.children())[:-1])
        self.head = nn.Sequential(nn.Linear(2048, 256), nn.ReLU(), nn.Linear(256, 32), nn.Linear(32, 1))
        self.loss_func = F.binary_cross_entropy_with_logits

    def forward(self, x):
        x = self.features(x)
        x = x.squeeze(-1).squeeze(-1)
        x = self.head(x)
        return torch.sigmoid(x)

    def loss(self, logits, labels):
        return self.loss_func(input=logits, target=labels)

    def training_step(self, batch, batch_idx):
        x, y = batch
        out = self.forward(x)
        target = y.view((-1, 1)).type_as(x)
        train_loss = self.loss(out, target)  # expect: LG003
        self.log("train_acc", self.acc_train(out, target.int()), prog_bar=True)
        return train_loss

    def validation_step(self, batch, batch_idx):
        x, y = batch
        out = self.forward(x)
        target = y.view((-1, 1)).type_as(x)
        self.log("val_loss", self.loss(out, target), prog_bar=True)  # expect: LG003
        self.log("val_acc", self.acc_val(out, target.int()), prog_bar=True)

    def configure_optimizers(self):
        trainable = [p for p in self.parameters() if p.requires_grad]
        opt = optim.Adam(trainable, lr=self.lr)
        return [opt], [MultiStepLR(opt, milestones=self.milestones, gamma=self.gamma)]
