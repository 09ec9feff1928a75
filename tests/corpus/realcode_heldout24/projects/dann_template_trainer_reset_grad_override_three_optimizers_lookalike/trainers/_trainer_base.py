"""part of look-alike project [LG001, LG006, LG014]: the template's abstract trainer builds loaders, models and an AdamW optimizer from the TOML config in __init__, clears gradients in reset_grad() (opt.zero_grad(set_to_none=True)) and runs train_epoch / test_epoch per epoch."""
# Source: YannLeo/Pytorch-Template at 889b40b6 (read as is), trainers/_trainer_base.py;
# re-typed, identifiers renamed; confusion-matrix plotting, logging, checkpointing and the progress bar shortened.
from abc import ABC
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch.utils.data import DataLoader
from torch.utils.tensorboard import SummaryWriter

import datasets
import models


class TrainerBase(ABC):

    def __init__(self, info: dict[str, Any], path: Path = Path(), device=torch.device("cuda")):
        self.info: dict = info
        self.resume = info.get("resume")
        self.device: torch.device = device
        self.max_epoch: int = info["epochs"]
        self.num_classes: int = info["num_classes"]
        self._min_test_loss: float = np.inf
        self.model: torch.nn.Module
        self._prepare_dataloaders()
        self._prepare_models()
        self._prepare_opt()
        self.metrics_writer = SummaryWriter(path / "log")

    def _prepare_dataloaders(self) -> None:
        test_loaders = sorted(list(filter(lambda x: "dataloader_test" in x, self.info)))
        self.dataloader_test_dict = {
            name: DataLoader(self._get_object(datasets, self.info[name]["dataset"]["name"],
                                              self.info[name]["dataset"]["args"]), **self.info[name]["args"])
            for name in test_loaders
        }

    def _prepare_models(self) -> None:
        self.model = self._get_object(models, self.info["model"]["name"], self.info["model"]["args"])
        self.model = self.model.to(self.device)
        self.epoch = 1

    def _prepare_opt(self) -> None:
        self.opt = torch.optim.AdamW(params=self.model.parameters(), lr=self.info["lr_scheduler"]["init_lr"])
        self.lr_scheduler = self._get_object(
            torch.optim.lr_scheduler, self.info["lr_scheduler"]["name"],
            {"optimizer": self.opt, **self.info["lr_scheduler"]["args"]})

    def reset_grad(self) -> None:
        self.opt.zero_grad(set_to_none=True)

    def train(self) -> None:
        test_loaders = sorted(self.dataloader_test_dict.keys())
        for epoch in range(self.epoch, self.max_epoch + 1):
            metrics_train = self.train_epoch(epoch) if self.train_steps else {}
            for test_loader in test_loaders:
                metrics_test = self.test_epoch(epoch, self.dataloader_test_dict[test_loader])

    def train_epoch(self, epoch: int) -> dict:
        ...

    def test_epoch(self, epoch: int, dataloader_test: DataLoader) -> dict:
        ...

    @staticmethod
    def _get_object(module, s: str, parameter: dict) -> Any:
        return getattr(module, s)(**parameter)

    def progress(self, dataloader, epoch: int, test: bool = False, total=None):
        return dataloader
