"""part of positive project [LG007]: extract_features runs the model over a loader and returns its raw outputs and the labels of the known classes."""
# Source: kkirchheim/pytorch-ood at the parent of e9a05e9, src/pytorch_ood/utils/utils.py; re-typed, identifiers renamed;
# cut to is_known, a shortened TensorBuffer and extract_features.
from collections import defaultdict
from typing import Any, Callable, Dict, Optional, Tuple, Union

import torch
from torch import Tensor
from torch.utils.data import DataLoader


def is_known(labels) -> Union[bool, Tensor]:
    return labels >= 0


class TensorBuffer(object):
    def __init__(self, device="cpu"):
        self._buffer: Dict[Any, list] = defaultdict(list)
        self.device = device

    def is_empty(self) -> bool:
        return len(self._buffer) == 0

    def append(self, key, value: Tensor):
        if not isinstance(value, Tensor):
            raise ValueError(f"Can not handle value type {type(value)}")
        self._buffer[key].append(value.detach().to(self.device))
        return self

    def get(self, key) -> Tensor:
        return torch.cat(self._buffer[key], dim=0)


def extract_features(
    data_loader: DataLoader, model: Callable[[Tensor], Tensor], device: Optional[str]
) -> Tuple[Tensor, Tensor]:
    buf = TensorBuffer()
    with torch.no_grad():
        for batch in data_loader:
            x, y = batch
            x = x.to(device)
            y = y.to(device)
            known = is_known(y)
            if known.any():
                z = model(x[known])
                z = z.view(known.sum(), -1)
                buf.append("embedding", z)
                buf.append("label", y[known])
        if buf.is_empty():
            raise ValueError("No IN instances in loader")
    return buf.get("embedding"), buf.get("label")
