"""part of look-alike project [LG013, LG001, LG006]: get_segmentation_module builds nn.CrossEntropyLoss (class-weighted when configured) and hands it to the LightningModule as criterion."""
# Source: https://github.com/IGNF/FLAIR-1 src/flair/tasks_utils.py at beebed18e2ccfab65dc13c635f039a15fe7c15d5, the parent of e12bc59e5cec4aa827684c9b0af11888087d78a6 (issue #9
# "CrossEntropyLoss should not be used with one-hot encoded labels": the maintainers moved the argmax before the loss;
# with one-hot float masks the loss reads them as class probabilities, which gives the same value); re-typed, names
# changed, reduced (data module and prediction module left out).
import torch
from torch import nn
from torch.optim.lr_scheduler import ReduceLROnPlateau

from src.flair.model import smp_unet_mtd
from src.flair.task_module import segmentation_task_training


def get_segmentation_module(config, stage: str = "train"):
    model = smp_unet_mtd(architecture=config["model_architecture"], encoder=config["encoder_name"],
                         n_channels=len(config["channels"]), n_classes=len(config["classes"]),
                         use_metadata=config["use_metadata"])
    if config["use_weights"]:
        with torch.no_grad():
            class_weights = torch.FloatTensor([config["classes"][i][0] for i in config["classes"]])
        criterion = nn.CrossEntropyLoss(weight=class_weights)
    else:
        criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=config["learning_rate"])
    scheduler = ReduceLROnPlateau(optimizer=optimizer, mode="min", factor=0.5, patience=10, cooldown=4, min_lr=1e-7)
    return segmentation_task_training(model=model, class_infos=config["classes"], criterion=criterion,
                                      optimizer=optimizer, scheduler=scheduler, use_metadata=config["use_metadata"])
