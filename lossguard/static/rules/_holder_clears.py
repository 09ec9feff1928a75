"""An object's own ``zero_grad()`` may clear the optimizers it holds as attributes (LG014).

Round 38 (realcode_fix28, SeungjunNah/DeepDeblur-PyTorch at 26503541f9, ``src/train.py``): a trainer handed an
optimizer wrapper calls ``self.optimizer.zero_grad()`` every batch and steps ``self.scaler.step(self.optimizer.G)``;
the wrapper (another file, ``src/optim/__init__.py``) holds the generator's optimizer as ``G`` and its
``zero_grad`` is ``self.G.zero_grad()``. With the wrapper out of view, the stepped text ``self.optimizer.G`` was
not among the cleared texts (``self.optimizer``), and the loop was reported as never clearing. An object whose
``zero_grad()`` the loop calls and which holds the stepped optimizer (the cleared text followed by ``.attribute``)
is a wrapper of its optimizers; which of them its ``zero_grad`` clears is not known, so the step counts as
cleared. Text facts only: a cleared ``opt`` and a stepped ``opt_g``, or an optimizer reached through another
object, stay apart.
"""

from __future__ import annotations


def holder_cleared(optimizer: str, cleared: set[str]) -> bool:
    """``optimizer`` (a step's optimizer text) is an attribute of an object whose ``zero_grad()`` is among
    ``cleared`` (``self.optimizer.G`` stepped, ``self.optimizer.zero_grad()`` called)."""
    return any(optimizer.startswith(f"{holder}.") for holder in cleared)
