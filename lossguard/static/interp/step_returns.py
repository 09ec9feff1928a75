"""What a LightningModule's ``training_step`` returns is back-propagated by Lightning.

Found by mutating hugodmn/DiffusionModel_from_scratch@713ad9dd (its ``p_loss`` made
``F.mse_loss(noise, predicted_noise, reduction='none')``): the module's step is::

    def training_step(self, batch, batch_idx):
        loss = self.diff_model(batch)      # DiffusionModel.forward -> self.p_loss(...)
        self.log('train_loss', loss)
        return loss

Under automatic optimization Lightning calls ``backward()`` on the returned tensor (or on the
``"loss"`` item of a returned dict), so a per-element loss fails there as an explicit
``loss.backward()`` would ("grad can be implicitly created only for scalar outputs"). LG015
read only written ``backward()`` calls. A ``return`` in ``training_step`` of an instance of a
class of the checked code deriving from a ``LightningModule`` is now an event of its own
(:class:`~lossguard.static.events.StepReturn`). Not where the class or one of its bases of the
checked code mentions ``automatic_optimization`` at all (manual optimization returns what it
likes, and a property or a setting read elsewhere may turn it off).
"""

from __future__ import annotations

import ast
from typing import Any

from lossguard.static.events import StepReturn
from lossguard.static.interp.frame import Frame
from lossguard.static.values import ClassRef, Instance, QualName, Value


def _mentions_manual(cls: ClassRef) -> bool:
    for node in ast.walk(cls.node):
        if isinstance(node, ast.Attribute) and node.attr == "automatic_optimization":
            return True
        if isinstance(node, ast.Name) and node.id == "automatic_optimization":
            return True
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == "automatic_optimization":
            return True
    return False


def note_step_return(interp: Any, stmt: ast.Return, returned: Value, frame: Frame) -> None:
    """At ``return`` in ``training_step``: tell the rules what Lightning will back-propagate."""
    func = frame.func
    if func is None or func.name != "training_step" or stmt.value is None:
        return
    module = frame.self_value
    if not isinstance(module, Instance):
        return
    bases = interp._bases(module.cls)
    if not any(isinstance(b, QualName) and b.name.endswith("LightningModule") for b in bases[1:]):
        return
    if any(isinstance(b, ClassRef) and _mentions_manual(b) for b in bases):
        return
    interp.sink(StepReturn(stmt, returned, frame.ctx()))
