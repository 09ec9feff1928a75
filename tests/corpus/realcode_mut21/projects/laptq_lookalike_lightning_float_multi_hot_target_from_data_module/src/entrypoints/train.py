"""part of look-alike project: the script builds the backbone by name, the data module and the Lightning module,
and fits it on the data module."""

# Source: LapTQ/classification_multilabel@523afa8fa5 src/entrypoints/train.py and src/entrypoints/bootstrap.py
# (train_model, create_backbone; re-typed; the run directory, batch previews and callbacks cut)
import pytorch_lightning as pl
import torch.nn as nn
import yaml
from torchvision import models

from src.core.data import TagDataModule
from src.core.model import TagModel

CONFIG_PATH = "configs/default.yaml"


def create_backbone(cfg):
    n = len(cfg["classes"])
    if cfg["model"] == "resnet50":
        net = models.resnet50(weights=models.ResNet50_Weights.DEFAULT)
        net.fc = nn.Linear(net.fc.in_features, n)
    elif cfg["model"] == "efficientnetv2s":
        net = models.efficientnet_v2_s(weights=models.EfficientNet_V2_S_Weights.DEFAULT)
        net.classifier[1] = nn.Linear(net.classifier[1].in_features, n)
    else:
        raise ValueError(f"Model {cfg['model']} not found")
    return net


def train_model(config_path):
    with open(config_path, encoding="utf-8") as f:
        cfg = yaml.safe_load(f)
    backbone = create_backbone(cfg)
    dm = TagDataModule(
        train_files=cfg["train_data"],
        val_files=cfg["val_data"],
        classes=cfg["classes"],
        batch_size=cfg["batch_size"],
        num_workers=cfg["num_workers"],
    )
    model = TagModel(model=backbone, num_classes=len(cfg["classes"]), lr=float(cfg["lr"]))
    trainer = pl.Trainer(max_epochs=cfg["epochs"], accelerator=cfg["accelerator"], precision=cfg["precision"])
    trainer.fit(model, datamodule=dm)


if __name__ == "__main__":
    train_model(CONFIG_PATH)
