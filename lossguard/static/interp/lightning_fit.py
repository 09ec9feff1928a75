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

Round 31 (mut21): the batch is the one the trainer loads, where the call says which loader that is and
the interpreter knows its batches: ``fit(module, loader)`` (``train_dataloaders=loader``) of a
``DataLoader`` over a dataset of the checked code, or ``fit(module, dm)`` (``datamodule=dm``) of a
``LightningDataModule`` of the checked code whose ``train_dataloader()`` returns such a loader
(mutations of doantienthongbku/PytorchLightning-Classification and LapTQ/classification_multilabel:
a float class label or an integer multi-hot target made in the dataset's ``__getitem__``). Any other
loader (unknown batches, a custom ``collate_fn``, several loaders) leaves the batch unknown.

Round 34 (realcode_heldout25 opened, TMdiesel/pytorch-implementation): a LightningModule handed its network by
``main()`` (``LitDigitClassifier(model=net)``) whose ``validation_step`` and ``test_step`` give ``self(x)`` to
``F.cross_entropy``: only ``training_step`` was run with the instance as built. Lightning runs ``validation_step``
inside ``fit`` too, and ``validate``/``test``/``predict`` run ``validation_step``/``test_step``/``predict_step``: each
is run the same way with the instance as built, under ``no_grad`` (Lightning evaluates under inference mode), its
batch unknown (the evaluation loaders are not followed).
"""

from __future__ import annotations

import ast

from lossguard.static.interp.base import InterpBase
from lossguard.static.interp.frame import Frame
from lossguard.static.interp.iterators import next_of
from lossguard.static.values import INT, UNKNOWN, Batches, Const, Instance, QualName, Value

#: the trainer's entry points and the module's hooks each runs (fit: training, then validation)
RUNS: dict[str, tuple[str, ...]] = {
    "fit": ("training_step", "validation_step"),
    "validate": ("validation_step",),
    "test": ("test_step",),
    "predict": ("predict_step",),
}


def run_fit(interp: InterpBase, node: ast.Call, pos: list[Value], kw: dict[str, Value], frame: Frame, entry: str = "fit") -> None:
    """At ``trainer.fit(module, ...)`` (or ``validate``/``test``/``predict``, ``entry``): run the module's hooks that
    entry point calls (:data:`RUNS`; ``training_step(batch, batch_idx)`` with the training loader's batch, the others
    under no_grad with an unknown batch; see the module docs)."""
    module = pos[0] if pos else kw.get("model")
    if not isinstance(module, Instance):
        return
    if not any(isinstance(b, QualName) and b.name.endswith("LightningModule") for b in interp._bases(module.cls)[1:]):
        return
    if not module.attrs and interp._find_method(module.cls, "__init__") is not None:
        # an instance built without running its __init__ (`LitACGAN(**vars(args))`) knows less than
        # the hooks' own analysis, which a run here would replace
        return
    for hook in RUNS.get(entry, ()):
        step = interp._find_method(module.cls, hook)
        if step is None:
            continue
        training = hook == "training_step"
        params = step.node.args
        n = len(params.posonlyargs) + len(params.args) - 1  # without self
        batch = _loaded_batch(interp, pos, kw, frame) if training else UNKNOWN
        args: list[Value] = [batch, INT, INT][: max(0, min(n, 3))]
        interp.call_function(
            step,
            args,
            {},
            self_value=module,
            depth=frame.depth + 1,
            no_grad=frame.no_grad or not training,
            called=frame.called,
            callsite=(frame.module, node),
        )


def _loaded_batch(interp: InterpBase, pos: list[Value], kw: dict[str, Value], frame: Frame) -> Value:
    """One batch of the training loader ``fit`` is given: its second argument or ``train_dataloaders=``
    (``train_dataloader=`` before Lightning 1.4), or the ``train_dataloader()`` of a data module passed
    there or as ``datamodule=``; unknown when the loader's batches are not known."""
    source = pos[1] if len(pos) > 1 else None
    for name in ("train_dataloaders", "train_dataloader", "datamodule"):
        if source is None:
            source = kw.get(name)
    if isinstance(source, Instance):
        method = interp._find_method(source.cls, "train_dataloader")
        if method is None:
            return UNKNOWN
        ready = _set_up(interp, source, frame)
        source = interp.call_function(method, [], {}, self_value=ready, depth=frame.depth + 1, no_grad=frame.no_grad, called=frame.called)
    return next_of(source) if isinstance(source, Batches) else UNKNOWN


def _set_up(interp: InterpBase, module: Instance, frame: Frame) -> Instance:
    """The data module as the trainer asks it for its loader: after ``setup(stage="fit")``, which the
    trainer calls first (``self.train_ds = Dataset(...)`` there). Run on a copy, as a helper of
    ``__init__`` is (its stores are the instance's), so that the instance the code holds keeps its own
    attributes."""
    setup = interp._find_method(module.cls, "setup")
    if setup is None:
        return module
    ready = Instance(module.cls, dict(module.attrs))
    params = [p.arg for p in (*setup.node.args.posonlyargs, *setup.node.args.args)][1:]
    kwonly = [p.arg for p in setup.node.args.kwonlyargs]
    pos: list[Value] = []
    kw: dict[str, Value] = {}
    if "stage" in params or "stage" in kwonly:
        kw["stage"] = Const("fit")
    elif params:
        pos.append(Const("fit"))
    interp.call_function(setup, pos, kw, self_value=ready, depth=frame.depth + 1, is_init=True, no_grad=frame.no_grad, called=True)
    return ready
