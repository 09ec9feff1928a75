"""part of positive project [LG003]: the binary trainer test builds a conv net ending in nn.Linear(32, 1), a dataset of float (1,) targets and criterion = nn.BCEWithLogitsLoss(), and calls learner.evaluate()."""
# Source: frgfm/holocron at 49125c24 (the parent of 9871899c, "fix: Fixed BinaryClassificationTrainer (#227)"),
# tests/test_trainer.py; re-typed, identifiers renamed; the other trainers' tests cut. GlobalAvgPool2d comes from
# holocron.nn, which is not included.
import torch
from torch import nn
from torch.utils.data import DataLoader, Dataset

from holocron import trainer
from holocron.nn import GlobalAvgPool2d


class MockBinaryClassificationDataset(Dataset):
    """random samples with a fixed zero probability"""

    def __init__(self, n):
        super().__init__()
        self.n = n

    def __getitem__(self, idx):
        return torch.rand((3, 32, 32)), torch.zeros((1,))

    def __len__(self):
        return self.n


def test_binary_classification_trainer():
    num_it = 10
    batch_size = 8
    model = nn.Sequential(nn.Conv2d(3, 32, 3), nn.ReLU(inplace=True), GlobalAvgPool2d(flatten=True), nn.Linear(32, 1))
    loader = DataLoader(MockBinaryClassificationDataset(num_it * batch_size), batch_size=batch_size)
    optimizer = torch.optim.Adam(model.parameters())
    criterion = nn.BCEWithLogitsLoss()

    learner = trainer.BinaryClassificationTrainer(model, loader, loader, criterion, optimizer)

    res = learner.evaluate()
    assert 0 <= res["acc"] <= 1
