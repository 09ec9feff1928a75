"""Which parameters the watcher measures, how they are named and grouped, which layers are compared.

Built once from the model; everything here is plain metadata (indices, names), no tensors kept
beyond the parameter list itself.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import torch
import torch.nn as nn

from lossguard.runtime.sinks import GRAD_NORM

_DENSE = (nn.Linear, nn.Bilinear, nn.modules.conv._ConvNd, nn.RNNBase)
_PREFIXES = ("_orig_mod.", "module.")
MAX_GROUPS = 16


def clean_name(name: str) -> str:
    """A parameter name without the wrappers' prefixes (torch.compile, DataParallel/DDP)."""
    changed = True
    while changed:
        changed = False
        for prefix in _PREFIXES:
            if name.startswith(prefix):
                name, changed = name[len(prefix) :], True
    return name


def groups(names: list[str]) -> tuple[list[str], list[int]]:
    """Group parameters into at most MAX_GROUPS TensorBoard tags by module path."""
    owners = [n.rsplit(".", 1)[0] if "." in n else n for n in names]
    depth = 1
    best = [o.split(".")[0] for o in owners]
    while True:
        deeper = [".".join(o.split(".")[: depth + 1]) for o in owners]
        if deeper == best or len(dict.fromkeys(deeper)) > MAX_GROUPS:
            break
        best, depth = deeper, depth + 1
    labels = list(dict.fromkeys(best))
    if len(labels) > MAX_GROUPS:
        size = math.ceil(len(labels) / MAX_GROUPS)
        chunks = [labels[i : i + size] for i in range(0, len(labels), size)]
        rename = {lab: (c[0] if len(c) == 1 else f"{c[0]}-{c[-1]}") for c in chunks for lab in c}
        best = [rename[b] for b in best]
        labels = list(dict.fromkeys(best))
    index = {lab: i for i, lab in enumerate(labels)}
    return [lab.replace(".", "/") for lab in labels], [index[b] for b in best]


def readable_group_labels(labels: list[str], model: nn.Module, clean: Callable[[str], str] = clean_name) -> list[str]:
    """Gradient-norm group labels a reader can place: a label that ends in a container index
    ("0", "encoder/layers/3") gets its module's class name ("0_Linear"). ``clean`` is how the
    watcher shortened parameter names (wrapper prefixes removed)."""
    modules = {clean(name).replace(".", "/"): module for name, module in model.named_modules() if name}
    out = []
    for label in labels:
        module = modules.get(label)
        last = label.rsplit("/", 1)[-1]
        out.append(f"{label}_{type(module).__name__}" if module is not None and last.isdigit() else label)
    return out


class Layout:
    """The trainable parameters of a model (each tensor once, tied weights included) and the
    indices of the dense weights the gradient-ratio statistics compare."""

    def __init__(self, model: nn.Module) -> None:
        # named_parameters() yields a tied tensor once, under its first name
        named = [(n, p) for n, p in model.named_parameters() if p.requires_grad]
        self.params: list[torch.Tensor] = [p for _, p in named]
        self.names = [clean_name(n) for n, _ in named]
        self.ids = {id(p) for p in self.params}
        self.dense, self.penultimate = self._dense_weights(model)
        labels, self.group_of = groups(self.names)
        self.group_labels = readable_group_labels(labels, model)
        self.group_tags = [GRAD_NORM + label for label in self.group_labels]

    def _dense_weights(self, model: nn.Module) -> tuple[tuple[int | None, int | None], int | None]:
        """Parameter indices of the first and last dense weights (in module order), and of the one before the last.

        A tied weight (one tensor in several modules: nanoGPT's embedding and head) carries the
        gradients of all its uses, so it is a layer's reference only when nothing else is.
        """
        index = {id(p): i for i, p in enumerate(self.params)}
        owners: dict[int, int] = {}
        for mod in model.modules():
            # torch's own method: a model may override parameters() with another signature
            # (MAML-Pytorch's Learner: parameters(vars=None), no recurse)
            for p in nn.Module.parameters(mod, recurse=False):
                owners[id(p)] = owners.get(id(p), 0) + 1
        dense: list[int] = []
        for mod in model.modules():
            if isinstance(mod, _DENSE):
                for pname, p in mod.named_parameters(recurse=False):
                    if pname.startswith("weight") and p.dim() >= 2 and id(p) in index and index[id(p)] not in dense:
                        dense.append(index[id(p)])
        if not dense:
            dense = [i for i, p in enumerate(self.params) if p.dim() >= 2]
        untied = [i for i in dense if owners.get(id(self.params[i]), 1) == 1]
        ordered = untied if len(untied) >= 2 else dense
        if not ordered:
            return (None, None), None
        return (ordered[0], ordered[-1]), (ordered[-2] if len(ordered) >= 3 else None)
