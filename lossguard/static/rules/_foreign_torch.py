"""A module whose ``torch`` is another framework's PyTorch-like API (round 38).

seetaresearch/seetadet trains with ``from dragon.vm import torch``: SeetaTech's Dragon, whose ``torch`` mirrors
PyTorch's names (``torch.optim.SGD``, ``loss.backward()``, ``optimizer.step()``) but not its gradients. Dragon's
``backward`` writes each parameter's gradient afresh; its ``Optimizer.zero_grad`` is documented as "not necessary
usually, as we will overwrite the gradients in the next computation" (summing across steps is an explicit
``optimizer.sum_grad()``). The loop ``losses.backward(); self.optimizer.step()`` with no ``zero_grad()`` is correct
Dragon code, and LG014 reported it: backward and step are read by their names.

The frameworks whose ``torch`` does not accumulate gradients are data (:data:`OVERWRITING_TORCH`); a module that
imports any of them and never imports PyTorch itself (``import torch``, ``from torch ... import``) is read as that
framework's code by the rules on clearing gradients.
"""

from __future__ import annotations

import ast
import weakref

from lossguard.static.project import ModuleInfo

#: PyTorch-like APIs whose backward overwrites the gradients instead of adding to them (Dragon's
#: ``Optimizer.zero_grad`` documentation)
OVERWRITING_TORCH = frozenset({"dragon.vm.torch"})

_READ: weakref.WeakKeyDictionary[ast.Module, bool] = weakref.WeakKeyDictionary()


def overwrites_gradients(module: ModuleInfo) -> bool:
    """Whether ``module`` imports one of :data:`OVERWRITING_TORCH` and never PyTorch itself."""
    found = _READ.get(module.module)
    if found is None:
        foreign = pytorch = False
        for node in ast.walk(module.module):
            for path in _imported(node):
                if any(path == api or path.startswith(api + ".") for api in OVERWRITING_TORCH):
                    foreign = True
                elif path == "torch" or path.startswith("torch."):
                    pytorch = True
        found = _READ[module.module] = foreign and not pytorch
    return found


def _imported(node: ast.AST) -> list[str]:
    """The dotted paths an import statement imports (``from a.b import c`` gives ``a.b.c``)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom) and node.module and not node.level:
        return [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
    return []
