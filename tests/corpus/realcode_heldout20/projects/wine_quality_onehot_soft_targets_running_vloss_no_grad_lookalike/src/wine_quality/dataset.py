"""part of look-alike project [LG006, LG013, LG001]: a dataset over two prepared tensors (features, one-hot float targets)."""
# Source: fidemin/pytorch-practice at 29d6782d (read as is), src/wine_quality/dataset.py; re-typed.
from torch.utils.data import Dataset


class WineSet(Dataset):
    def __init__(self, x, t):
        super().__init__()
        self.x = x
        self.t = t

    def __len__(self):
        return len(self.x)

    def __getitem__(self, i):
        return self.x[i], self.t[i]
