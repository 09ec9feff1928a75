"""part of look-alike project [LG003, LG004, LG005]: the multi-task loss builder looks the loss function up in a table by loss type and applies binary_cross_entropy_with_logits per task column, casting each label column to the logits' dtype."""
# Source: twitter/the-algorithm-ml at b8521086, core/losses.py (read as is); re-typed, identifiers renamed; the DDP
# reduction warnings and the detached global-loss helper shortened.
import typing

import torch

from tml.core.loss_type import LossType


def build_loss(kind: LossType, reduction="mean"):
    fn = _LOSSES[kind]

    def loss_fn(logits, labels):
        return fn(logits, labels.type_as(logits), reduction=reduction)

    return loss_fn


def build_multi_task_loss(kind: LossType, tasks: typing.List[str], task_loss_reduction="mean",
                          global_reduction="mean", pos_weights=None):
    fn = _LOSSES[kind]
    reducers = {"mean": torch.mean, "sum": torch.sum, "min": torch.min, "max": torch.max, "median": torch.median}

    def loss_fn(logits: torch.Tensor, labels: torch.Tensor, weights: torch.Tensor):
        if pos_weights is None:
            task_weights = torch.ones([len(tasks)])
        else:
            task_weights = torch.tensor(pos_weights)
        per_task = {}
        for i, task in enumerate(tasks):
            task_logits = logits[:, i]
            label = labels[:, i].type_as(task_logits)
            per_task[f"loss/{task}"] = fn(task_logits, label, reduction=task_loss_reduction,
                                          pos_weight=task_weights[i], weight=weights[:, i])
        per_task["loss"] = reducers[global_reduction](torch.stack(list(per_task.values())))
        return per_task

    return loss_fn


_LOSSES = {LossType.BCE_WITH_LOGITS: torch.nn.functional.binary_cross_entropy_with_logits}
