"""part of look-alike project [LG002, LG004, LG005, LG006]: a Dataset over two tensors, returning (x[i], y[i])."""
# Source: iml1111/pytorch_study at cecd0490, src/04_advanced_pytorch/custom_dataset/custom_dataset.py; re-typed, identifiers renamed.
from torch.utils.data import Dataset


class TensorPairs(Dataset):
    def __init__(self, data, labels):
        self.data = data
        self.labels = labels
        super().__init__()

    def __len__(self):
        return len(self.data)

    def __getitem__(self, idx):
        return self.data[idx], self.labels[idx]
