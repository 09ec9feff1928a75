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

Round 36 (mut25's ``hm_reduction_none``, HoriaMoraru/Romanian-News-Political-Bias-Detection's ``WeightedTrainer``):
a Hugging Face ``Trainer`` subclass's ``compute_loss`` is run at the Trainer's construction (interp.hf_models), and
the Trainer's ``training_step`` back-propagates what it returns (``loss``, or the first item of ``(loss, outputs)``
when asked for the outputs, which training does not): its ``return`` is such an event too. The Trainer averages the
loss itself only when ``args.n_gpu > 1`` (``DataParallel`` hands back one loss per device), which the message says.
"""

from __future__ import annotations

import ast
from typing import Any

from lossguard.static.events import StepReturn
from lossguard.static.interp.frame import Env, Frame
from lossguard.static.interp.hf_models import is_hf_trainer
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


def _training_return(stmt: ast.Return, returned: Value, func: ast.FunctionDef | ast.AsyncFunctionDef, env: Env) -> Value:
    """What ``compute_loss`` returns to the Trainer's ``training_step``, which leaves ``return_outputs`` False:
    ``return (loss, outputs) if return_outputs else loss`` gives the name ``loss``'s value."""
    params = [a.arg for a in func.args.args]
    flag = params[3] if len(params) > 3 else None
    node = stmt.value
    if flag is None or not isinstance(node, ast.IfExp):
        return returned
    test, picked = node.test, node.orelse
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        test, picked = test.operand, node.body
    if isinstance(test, ast.Name) and test.id == flag and isinstance(picked, ast.Name) and picked.id in env:
        return env[picked.id]
    return returned


def note_step_return(interp: Any, stmt: ast.Return, returned: Value, frame: Frame, env: Env | None = None) -> None:
    """At ``return`` in ``training_step``: tell the rules what Lightning will back-propagate; at ``return`` in
    ``compute_loss`` of a Hugging Face ``Trainer`` subclass, what the Trainer's ``training_step`` will."""
    func = frame.func
    if func is None or func.name not in ("training_step", "compute_loss") or stmt.value is None:
        return
    module = frame.self_value
    if not isinstance(module, Instance):
        return
    if func.name == "compute_loss":
        if is_hf_trainer(interp, module.cls):
            interp.sink(StepReturn(stmt, _training_return(stmt, returned, func, env or {}), frame.ctx()))
        return
    bases = interp._bases(module.cls)
    if not any(isinstance(b, QualName) and b.name.endswith("LightningModule") for b in bases[1:]):
        return
    if any(isinstance(b, ClassRef) and _mentions_manual(b) for b in bases):
        return
    interp.sink(StepReturn(stmt, returned, frame.ctx()))
