"""positive [LG003]: the Lightning fine-tuning example's forward ends in torch.sigmoid, and its loss is F.binary_cross_entropy_with_logits on that output (the pull request: a bug, sigmoid applied twice)."""

# Source: https://github.com/Lightning-AI/pytorch-lightning/pull/7096 (the forward and loss lines its review quotes, before the fix); the rest of the module from Lightning-AI/pytorch-lightning@02b0873 pl_examples/domain_templates/computer_vision_fine_tuning.py (cut, renamed)
import pytorch_lightning as pl
import torch
import torch.nn.functional as F
from torch import nn, optim
from torchvision import models


class FineTuner(pl.LightningModule):
    def __init__(self, backbone: str = "resnet50", lr: float = 1e-3) -> None:
        super().__init__()
        self.lr = lr
        net = getattr(models, backbone)(pretrained=True)
        self.feature_extractor = nn.Sequential(*list(net.children())[:-1])
        self.fc = nn.Sequential(nn.Linear(2048, 256), nn.ReLU(), nn.Linear(256, 32), nn.Linear(32, 1))
        self.loss_func = F.binary_cross_entropy_with_logits

    def forward(self, x):
        x = self.feature_extractor(x)
        x = x.squeeze(-1).squeeze(-1)
        x = self.fc(x)
        return torch.sigmoid(x)

    def loss(self, scores, labels):
        return self.loss_func(input=scores, target=labels)

    def training_step(self, batch, batch_idx):
        x, y = batch
        y_scores = self.forward(x)
        y_true = y.view((-1, 1)).type_as(x)
        train_loss = self.loss(y_scores, y_true)  # expect: LG003
        self.log("train_loss", train_loss)
        return train_loss

    def configure_optimizers(self):
        return optim.Adam(filter(lambda p: p.requires_grad, self.parameters()), lr=self.lr)
