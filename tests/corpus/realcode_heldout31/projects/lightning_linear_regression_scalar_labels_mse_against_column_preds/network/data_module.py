"""part of positive project [LG005]: the LightningDataModule wraps the same dataset for training and validation."""
# Source: xmindfulx/pytorch-lightning-tutorial at f3bb3998a42d539e9e15215a802b676ea3f42388 linear_regression/standard/network/data_module.py (section comments shortened)
from typing import Optional
from torch.utils.data import DataLoader
from pytorch_lightning import LightningDataModule

from loader import PointDataset


class PointsDataModule(LightningDataModule):
    def __init__(self, params):
        super().__init__()
        self.data = params["train"]
        self.batch = params["batch_size"]
        self.workers = params["num_workers"]

    def setup(self, stage: Optional[str] = None):
        self.train = PointDataset(self.data)
        self.valid = PointDataset(self.data)

    def train_dataloader(self):
        return DataLoader(self.train, batch_size=self.batch,
                          num_workers=self.workers, shuffle=1, persistent_workers=1)

    def val_dataloader(self):
        return DataLoader(self.valid, batch_size=self.batch,
                          num_workers=self.workers, persistent_workers=1)
