"""part of positive project [LG004]: the dataset's multi-hot target is made long; the data module builds the datasets in
setup() and hands the training loader to the trainer."""

# Source: LapTQ/classification_multilabel@523afa8fa5 src/core/data.py (MultiLabelDataset, MultiLabelDataModule; re-typed;
# the file parsing cut to one line per image, the test and predict loaders cut)
# Mutation: torch.tensor(target, dtype=torch.long) (was torch.float32)
import numpy as np
import pytorch_lightning as pl
import torch
from PIL import Image
from torch.utils.data import DataLoader, Dataset


class TagSet(Dataset):
    def __init__(self, list_files, classes, transform=None):
        self.paths = []
        self.targets = []
        self.transform = transform
        self.n_classes = len(classes)
        index_of = {name.strip().lower(): i for i, name in enumerate(classes)}
        for list_file in list_files:
            with open(list_file, encoding="utf-8") as f:
                for line in f:
                    parts = line.strip().split(",")
                    target = np.zeros(self.n_classes, dtype=np.float32)
                    for name in parts[1:]:
                        if name.strip().lower() in index_of:
                            target[index_of[name.strip().lower()]] = 1.0
                    self.paths.append(parts[0])
                    self.targets.append(target)

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, index):
        img = Image.open(self.paths[index]).convert("RGB")
        if self.transform:
            img = self.transform(img)
        return img, torch.tensor(self.targets[index], dtype=torch.long), self.paths[index]


class TagDataModule(pl.LightningDataModule):
    def __init__(self, train_files, val_files, classes, train_transform=None, val_transform=None, batch_size=32, num_workers=4):
        super().__init__()
        self.train_files = train_files
        self.val_files = val_files
        self.classes = classes
        self.train_transform = train_transform
        self.val_transform = val_transform
        self.batch_size = batch_size
        self.num_workers = num_workers
        self.train_ds = None
        self.val_ds = None

    def setup(self, stage=None):
        if stage == "fit" or stage is None:
            self.train_ds = TagSet(self.train_files, self.classes, self.train_transform)
            self.val_ds = TagSet(self.val_files, self.classes, self.val_transform)

    def train_dataloader(self):
        if self.train_ds is None:
            raise ValueError("train_ds is not initialized. Call setup() first.")
        return DataLoader(self.train_ds, batch_size=self.batch_size, shuffle=True, num_workers=self.num_workers, pin_memory=True)

    def val_dataloader(self):
        if self.val_ds is None:
            raise ValueError("val_ds is not initialized. Call setup() first.")
        return DataLoader(self.val_ds, batch_size=self.batch_size, shuffle=False, num_workers=self.num_workers)
