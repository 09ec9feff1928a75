"""look-alike [LG001, LG002, LG003]: config-driven criterion choice; every branch is correct for the model's logits."""
import torch.nn as nn


def make_criterion(task):
    if task == "multiclass":
        return nn.CrossEntropyLoss(label_smoothing=0.1)
    if task == "multilabel":
        return nn.BCEWithLogitsLoss()
    if task == "regression":
        return nn.SmoothL1Loss()
    raise ValueError(f"unknown task {task}")
