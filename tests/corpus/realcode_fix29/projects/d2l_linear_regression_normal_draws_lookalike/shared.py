"""part of look-alike project [LG005]: the book's helper draws `X = torch.normal(0, 1, (num_examples, len(w)))`, an `(n, 2)` matrix of features (the third argument of `torch.normal` is the size, not a third axis), and returns the targets as `y.reshape((-1, 1))`."""

# Source: smashHit3/pytorch-deep-learning@8d48104324 CNN_d2l/shared.py (cut, renamed)
import torch
from torch.utils import data


def make_linear_data(w, b, num_examples):
    X = torch.normal(0, 1, (num_examples, len(w)))
    y = torch.matmul(X, w) + b
    y += torch.normal(0, 0.01, y.shape)
    return X, y.reshape((-1, 1))


def array_loader(arrays, batch_size, is_train=True):
    dataset = data.TensorDataset(*arrays)
    return data.DataLoader(dataset, batch_size, shuffle=is_train)
