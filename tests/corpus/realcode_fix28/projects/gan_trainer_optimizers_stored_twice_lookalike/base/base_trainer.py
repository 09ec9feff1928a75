"""part of look-alike project [LG014]: the base trainer stores the two optimizers it is handed as `self.optimizer_G` and `self.optimizer_D`, and runs the subclass's `_train_epoch` once per epoch."""

# Source: zxpzhong/3D-RecGAN-pytorch@95615352bc base/base_trainer.py (cut, renamed)
from abc import abstractmethod

import torch


class BaseTrainer:
    def __init__(self, model, criterion, optimizer_G, optimizer_D, config):
        self.config = config
        self.device = torch.device("cuda" if config["n_gpu"] > 0 else "cpu")
        self.model = model.to(self.device)
        self.criterion = criterion
        self.optimizer_G = optimizer_G
        self.optimizer_D = optimizer_D
        self.epochs = config["trainer"]["epochs"]
        self.start_epoch = 1

    @abstractmethod
    def _train_epoch(self, epoch):
        raise NotImplementedError

    def train(self):
        for epoch in range(self.start_epoch, self.epochs + 1):
            result = self._train_epoch(epoch)
            print(epoch, result)
