"""part of look-alike project [LG004, LG006, LG013, LG014]: the supervised probe flattens one-hot label indicators (integers) for a 2-way Classifier (one output, so fit() casts them to float for bce_with_logits)."""
# Source: EleutherAI/elk@b702eda5e4788c6b88e73c14a22229fbf3efdfb5 elk/training/supervised.py (re-typed, evaluate_supervised left out)
import torch
from einops import rearrange, repeat

from ..metrics import to_one_hot
from .classifier import Classifier


def train_supervised(data: dict, device: str, cv: bool) -> Classifier:
    Xs, train_labels = [], []

    for train_h, labels, _ in data.values():
        (_, v, k, _) = train_h.shape
        train_h = rearrange(train_h, "n v k d -> (n v k) d")

        labels = repeat(labels, "n -> (n v)", v=v)
        labels = to_one_hot(labels, k).flatten()

        Xs.append(train_h)
        train_labels.append(labels)

    X, train_labels = torch.cat(Xs), torch.cat(train_labels)
    lr_model = Classifier(X.shape[-1], device=device)
    if cv:
        lr_model.fit_cv(X, train_labels)
    else:
        lr_model.fit(X, train_labels)

    return lr_model
