"""positive [LG011]: a logistic-regression module for skorch's NeuralNetClassifier (whose default NLLLoss takes the log of probabilities itself) returns F.softmax(x) without dim."""

# Source: https://github.com/skorch-dev/skorch/issues/609 (the code the user posted; re-typed, renamed)
import numpy as np
import torch
import torch.nn.functional as F
from sklearn.model_selection import GridSearchCV
from skorch import NeuralNetClassifier
from torch import nn


class LogisticRegression(nn.Module):
    def __init__(self, in_dim=128, out_dim=7):
        super().__init__()
        self.dense = nn.Linear(in_dim, out_dim)

    def forward(self, x):
        x = self.dense(x)
        return F.softmax(x)  # expect: LG011


def search(x: torch.Tensor, y: torch.Tensor):
    torch.manual_seed(0)
    net = NeuralNetClassifier(module=LogisticRegression(), max_epochs=200, verbose=1)
    grid = {"lr": [0.001, 0.01, 0.1, 1, 10]}
    clf = GridSearchCV(net, grid, verbose=1)
    clf.fit(x.numpy().astype(np.float32), y.numpy().astype(np.int64))
    return clf
