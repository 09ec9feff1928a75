"""look-alike [LG010, LG001]: a report on weighted CrossEntropyLoss spells out size_average=None and reduce=None (their defaults, which torch does not warn about) next to reduction=, on raw scores."""

# Source: https://github.com/pytorch/pytorch/issues/25571 (the code the user posted, in the pytorch/pytorch tracker; re-typed, renamed)
import torch
import torch.nn as nn

scores = torch.tensor([[0.2, 0.3, 0.5], [0.5, 0.2, 0.3]])
classes = torch.tensor([2, 1])
class_weight = torch.tensor([2.0, 4.0, 6.0])

for mode in ("none", "sum", "mean"):
    loss_fn = nn.CrossEntropyLoss(weight=class_weight, size_average=None, ignore_index=-100, reduce=None, reduction=mode)
    print(mode, loss_fn(scores, classes))
