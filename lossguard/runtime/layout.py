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
_NORMS = (nn.modules.batchnorm._NormBase, nn.LayerNorm, nn.GroupNorm, nn.RMSNorm)
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
        self.ordered: list[int] = []  # the dense weights compared, in module order (set by _dense_weights)
        self.dense, self.penultimate = self._dense_weights(model)
        # a normalisation layer anywhere (LG105: a first-layer ratio small from the start is then the initial
        # scales', as a transformer's query projection at init, not a gradient fading through the depth)
        self.normalised = any(isinstance(m, _NORMS) or type(m).__name__.endswith(("LayerNorm", "RMSNorm")) for m in model.modules())
        # whether the first and last dense weights are still to be checked against a loss's autograd graph
        # (along_path), and how many losses without the last weight in their graph may still be looked at
        self.path_open = self.dense[0] is not None and self.dense[0] != self.dense[1]
        self._path_tries = _PATH_TRIES
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
        ordered = self.ordered = untied if len(untied) >= 2 else dense
        if not ordered:
            return (None, None), None
        return (ordered[0], ordered[-1]), (ordered[-2] if len(ordered) >= 3 else None)

    def along_path(self, grad_fn: torch.autograd.graph.Node) -> None:
        """Make the first/last comparison one along a path from the input to the loss, from a loss's
        autograd graph (called at watched losses until decided; ``path_open`` False then).

        The first dense weight in module order need not feed the last: two parallel nets (a multi-task
        model whose heads each have their own body, Hui-Li/multi-task-learning-example-PyTorch) put task
        1's input layer first and task 2's head last, and their gradients scale with different errors
        (LG105 read 0.001 as vanishing gradients). The layers upstream of the last are those whose weights
        the graph reaches below the operations that apply the last weight (through a chain of one-input
        nodes: its transpose, view or dtype cast). When the first is among them, nothing changes; when it
        is not, the first (and the body's reference, the one before the last) are taken from them in
        module order, and with fewer than two of them (no body between the first and the head) there is
        nothing to compare (LG105 silent). A graph without the last
        weight (a GAN's other loss) is looked at again at the next loss, up to ``_PATH_TRIES`` losses; one
        that applies it in a way not recognised, or too large to walk, leaves the module order (unsure)."""
        first, last = self.dense
        if first is None or last is None:
            self.path_open = False
            return
        self._path_tries -= 1
        if self._path_tries <= 0:
            self.path_open = False
        nodes = _graph(grad_fn)
        if nodes is None:
            self.path_open = False
            return
        head = self.params[last]
        consumers: list[tuple[torch.autograd.graph.Node, int]] = []  # (node, the input that leads to the last weight)
        held = False
        for node in nodes:
            children = node.next_functions
            for k, (child, _) in enumerate(children):
                if _leaf(child) is head:
                    held = True
                    if sum(c is not None for c, _ in children) >= 2:  # the operation, not the weight's own chain
                        consumers.append((node, k))
        if not held:
            return  # try the next loss
        self.path_open = False
        if not consumers:
            return  # applied in a way not recognised: unsure, the module order stays
        dense = {id(self.params[i]): i for i in self.ordered}
        upstream: set[int] = set()
        seen: set[int] = set()
        todo = [child for node, k in consumers for j, (child, _) in enumerate(node.next_functions) if j != k and child is not None]
        while todo:
            node = todo.pop()
            if id(node) in seen:
                continue
            seen.add(id(node))
            var = getattr(node, "variable", None)
            if var is not None and id(var) in dense and var is not head:
                upstream.add(dense[id(var)])
            todo.extend(child for child, _ in node.next_functions if child is not None)
        if first in upstream:
            return
        along = [i for i in self.ordered if i in upstream] + [last]
        # two layers alone (an input layer and the head) have no body for a gradient to vanish through: their
        # ratio is their initial scales' (the multi-task notebook's 1 -> 1024 -> 1 nets: 0.0007 at its healthy
        # rate), so a path that short is not compared
        self.dense = (along[0] if len(along) >= 3 else None, last)
        self.penultimate = along[-2] if len(along) >= 3 else None


# losses without the last dense weight in their graph looked at before the module order is kept;
# graphs larger than _GRAPH_MOST nodes are not walked (unsure)
_PATH_TRIES = 64
_GRAPH_MOST = 200_000


def _graph(root: torch.autograd.graph.Node) -> list[torch.autograd.graph.Node] | None:
    """Every node of an autograd graph (None: more than ``_GRAPH_MOST``)."""
    nodes, seen, todo = [], {id(root)}, [root]
    while todo:
        node = todo.pop()
        nodes.append(node)
        if len(nodes) > _GRAPH_MOST:
            return None
        for child, _ in node.next_functions:
            if child is not None and id(child) not in seen:
                seen.add(id(child))
                todo.append(child)
    return nodes


def _leaf(node: torch.autograd.graph.Node | None) -> torch.Tensor | None:
    """The parameter a chain of one-input nodes ends at (a weight's transpose, view or cast), or None."""
    for _ in range(8):
        if node is None:
            return None
        var = getattr(node, "variable", None)
        if var is not None:
            return var
        children = [child for child, _ in node.next_functions if child is not None]
        if len(children) != 1:
            return None
        node = children[0]
    return None
