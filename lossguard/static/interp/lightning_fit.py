"""A LightningModule of the checked code handed to a trainer's ``fit``: Lightning calls its
``training_step`` there.

Found by mutating rzimmerdev/emotion-recognition@8bf01c01 (its fusion model made to end in a
softmax): ``src/train.py`` builds the model and hands it to a helper in another module, which wraps
it in the LightningModule of a third and fits it::

    def train_model(model, train_loader, ...):
        pl_model = LitModel(model)             # __init__: self.model = model
        trainer = pl.Trainer(max_epochs=epochs)
        trainer.fit(pl_model, train_loader)

    class LitModel(pl.LightningModule):
        def training_step(self, batch, batch_idx):
            x, y = batch
            return self.loss(self.model(x), y)

``training_step`` was only analysed on its own, where ``self.model`` is the constructor's unknown
parameter. A call ``<anything>.fit(module, ...)`` (or ``fit(model=module)``) whose module is an
instance of a class of the checked code deriving from a ``LightningModule`` and defining
``training_step`` runs that method with the instance as built (its models and criterion known) and
the batch unknown, as Lightning's loop would: only what the module's own code makes of its parts can
be found there, never a fact of data the trainer loads. Not for an instance built without running its
``__init__`` (``LitACGAN(**vars(args))`` with ``**kwargs`` in ``__init__``): its parts are unknown, and a
run with them would take the place of ``training_step``'s own analysis, which knows them.
"""

from __future__ import annotations

import ast

from lossguard.static.interp.base import InterpBase
from lossguard.static.interp.frame import Frame
from lossguard.static.values import INT, UNKNOWN, Instance, QualName, Value


def run_fit(interp: InterpBase, node: ast.Call, pos: list[Value], kw: dict[str, Value], frame: Frame) -> None:
    """At ``trainer.fit(module, ...)``: run ``module.training_step(batch, batch_idx)`` (see the module docs)."""
    module = pos[0] if pos else kw.get("model")
    if not isinstance(module, Instance):
        return
    if not any(isinstance(b, QualName) and b.name.endswith("LightningModule") for b in interp._bases(module.cls)[1:]):
        return
    step = interp._find_method(module.cls, "training_step")
    if step is None or (not module.attrs and interp._find_method(module.cls, "__init__") is not None):
        # an instance built without running its __init__ (`LitACGAN(**vars(args))`) knows less than
        # training_step's own analysis, which a run here would replace
        return
    params = step.node.args
    n = len(params.posonlyargs) + len(params.args) - 1  # without self
    args: list[Value] = [UNKNOWN, INT, INT][: max(0, min(n, 3))]
    interp.call_function(
        step, args, {}, self_value=module, depth=frame.depth + 1, no_grad=frame.no_grad, called=frame.called, callsite=(frame.module, node)
    )
