"""Training-code conventions the interpreter relies on: which model a ``model`` parameter holds, and
what the training helpers (``accelerate.Accelerator``, ``GradScaler``) do to the values given to them."""

from __future__ import annotations

import ast

from lossguard.static import torch_api as api
from lossguard.static.events import Backward
from lossguard.static.interp.base import InterpBase
from lossguard.static.interp.ema_copies import ema_method
from lossguard.static.interp.frame import Frame
from lossguard.static.interp.pyg_autoencoders import autoencoder_method
from lossguard.static.interp.tabular import table_method
from lossguard.static.interp.tensor_methods import TENSOR_METHODS
from lossguard.static.project import ModuleInfo
from lossguard.static.values import (
    MODEL_VALUES,
    UNKNOWN,
    ClassRef,
    Dtype,
    External,
    LazyImport,
    Optimizer,
    PretrainedModel,
    QualName,
    SequentialVal,
    Tensor,
    TupleVal,
    Value,
)


class TrainingMixin(InterpBase):
    """Facts about training code that Python semantics alone do not give."""

    def external_method(
        self, receiver: External, name: str, node: ast.Call, pos: list[Value], kw: dict[str, Value], starred: bool, frame: Frame
    ) -> Value:
        """A method of a training helper object (``Accelerator``, ``GradScaler``)."""
        if receiver.qname in api.ACCELERATORS and name == "prepare" and not starred and not kw:
            return pos[0] if len(pos) == 1 else TupleVal(tuple(pos))  # returns what it is given, wrapped
        if receiver.qname in api.ACCELERATORS and name == "backward" and pos:
            gradient = len(pos) > 1 or starred or "gradient" in kw  # accelerator.backward(loss, **kwargs)
            self.sink(Backward(node, pos[0], len(pos) > 1 or bool(kw), frame.ctx(), gradient))
        if receiver.qname in api.GRAD_SCALERS and name == "scale" and pos:
            return pos[0]  # scaler.scale(loss) is the loss, scaled
        if receiver.qname in api.EMA_WRAPPERS:
            return ema_method(receiver, name)  # ema.forward_eval(x): no graph (interp.ema_copies)
        if receiver.qname in api.PYG_AUTOENCODERS:
            return autoencoder_method(receiver, name, node, kw, frame)  # VGAE(encoder).decode(z, edge_index)
        if not starred:
            return table_method(receiver, name, kw)  # df["label"].to_numpy(), df.dropna()
        return UNKNOWN

    def scaled_loss(self, item: ast.withitem, callee: Value, body: list[ast.stmt], frame: Frame, env: dict[str, Value]) -> Value | None:
        """apex's ``with amp.scale_loss(loss, optimizer) as scaled_loss: scaled_loss.backward()``
        (kamalkraj/BERT-NER's ``run_ner.py`` under ``--fp16``): the target is the loss, scaled, and
        since the body back-propagates it, the loss holds a graph, as after ``loss.backward()``.
        None for any other context, or a body that does not call ``backward()`` on the target."""
        expr, target = item.context_expr, item.optional_vars
        if not (isinstance(callee, QualName) and callee.name in api.LOSS_SCALE_CONTEXTS and isinstance(expr, ast.Call) and expr.args):
            return None
        if not isinstance(target, ast.Name) or not any(_backward_of(n, target.id) for s in body for n in ast.walk(s)):
            return None
        given = expr.args[0]
        held = self.ev(given, frame, env)
        loss = held if isinstance(held, Tensor) else Tensor(dtype=Dtype.FLOAT)
        if not frame.no_grad:
            loss = loss.with_(graph=True)
            if isinstance(given, ast.Name) and not (isinstance(held, Tensor) and held.graph):
                env[given.id] = loss
        return loss

    @staticmethod
    def passed_through(targets: list[ast.expr], call: ast.expr, env: dict[str, Value]) -> Value | None:
        """``model, optimizer, epoch = checkpoint.load(model, optimizer, path)`` (also apex's
        ``amp.initialize``, ``fabric.setup``): a call the checker cannot follow that is given
        models and optimizers by name and re-binds the same names, in the same places, from its
        result hands them back (loaded, wrapped, cast), so each keeps its value. Only models and
        optimizers: tensors re-bound this way (``x, y = mixup(x, y)``) may hold other numbers.
        None when the statement is not of that form."""
        if len(targets) != 1 or not isinstance(targets[0], ast.Tuple) or not isinstance(call, ast.Call):
            return None
        names = [t.id if isinstance(t, ast.Name) else None for t in targets[0].elts]
        args = [a.id if isinstance(a, ast.Name) else None for a in call.args]
        same = [i for i, n in enumerate(names) if n is not None and i < len(args) and args[i] == n]
        if len(same) < 2 or same[0] != 0:
            return None
        kept = [env.get(n) if i in same and n is not None else None for i, n in enumerate(names)]
        return TupleVal(tuple(v if isinstance(v, (*MODEL_VALUES, Optimizer)) else UNKNOWN for v in kept))

    @staticmethod
    def reloaded(targets: list[ast.expr], call: ast.expr, module: ModuleInfo, env: dict[str, Value]) -> Value | None:
        """``generator, discriminator = torch.load("./model/gan.pkl")`` in a file that also runs
        ``torch.save([generator, discriminator], "./model/gan.pkl")`` (GunhoChoi/Kind-PyTorch-Tutorial
        restores its pickled models before training): the file's own checkpoint of whole models,
        reloaded into the names it saved, holds models of the same classes, so each name keeps the
        model it holds. Only where the file has one ``torch.save`` to that path (the same source
        text) and every name holds a model; None otherwise.

        The resume path may also be a setting (``if opt.netD: netD = torch.load(opt.netD)`` in the
        DCGAN scripts that checkpoint with ``torch.save(netD, f"{outf}/netD_epoch_{epoch}.pth")``):
        when no ``torch.save`` writes that path, a ``torch.save`` of exactly these names (whole
        models, not a ``state_dict``) under another path stands for it: the file checkpoints the
        model the names hold, and resumes from one of those checkpoints."""
        if len(targets) != 1 or not isinstance(call, ast.Call) or not call.args or ast.unparse(call.func) != "torch.load":
            return None
        path = ast.dump(call.args[0])
        saves = [n for n in ast.walk(module.module) if isinstance(n, ast.Call) and len(n.args) >= 2 and ast.unparse(n.func) == "torch.save"]
        saved = [n.args[0] for n in saves if ast.dump(n.args[1]) == path]
        target = _names_of(targets[0])
        if target is None:
            return None
        if not saved:
            # the saves of these very names, whole (not of a state_dict or a dict of states)
            saved = [n.args[0] for n in saves if _names_of(n.args[0]) == target][:1]
        if len(saved) != 1 or _names_of(saved[0]) != target:
            return None
        names, several = target
        held: list[Value] = []
        for name in names:
            value = env.get(name)
            if not isinstance(value, MODEL_VALUES):
                return None
            held.append(value)
        return TupleVal(tuple(held)) if several else held[0]

    def _the_model(self, module: ModuleInfo, n_pos: int, kw_names: set[str]) -> ClassRef | None:
        """The model a ``model`` parameter must hold: the one top-level nn.Module of the file whose
        forward accepts these arguments. None when there is not exactly one."""
        fitting = self.fitting_models(module, n_pos, kw_names)
        return fitting[0] if len(fitting) == 1 else None

    def fitting_models(self, module: ModuleInfo, n_pos: int, kw_names: set[str]) -> list[ClassRef]:
        """The top-level nn.Modules of the file whose forward accepts these arguments."""
        candidates = self._model_candidates_of(module)
        return [c for c in candidates if self._forward_accepts(c, n_pos, kw_names)]

    def only_model(self, module: ModuleInfo) -> ClassRef | None:
        """The one top-level nn.Module of the file (with its imports), whatever its forward accepts: what a parameter
        called with a mapping (``model(**batch)``) holds, which every forward would take. None when the file has
        several (a custom loss beside the model) or none."""
        candidates = self._model_candidates_of(module)
        return candidates[0] if len(candidates) == 1 else None

    def contains_class(self, model: ClassRef, owner: ClassRef | None) -> bool:
        """Whether ``model`` is ``owner`` or builds it (calls its name): then a parameter that a method of
        ``owner`` calls (``self.features(x)``, a backbone handed to the constructor) is not ``model``, whose
        forward would call itself."""
        if owner is None:
            return False
        return model.node is owner.node or owner.node.name in model.module.facts.cls(model.node).called_names

    def model_with_method(self, module: ModuleInfo, name: str) -> ClassRef | None:
        """The model a parameter must hold when its method ``name`` is called (``self.net.get_loss(...)``
        with ``self.net`` from ``__init__(self, net)``): the one model of the file (as
        :meth:`_the_model`) whose class, or a base in the checked code, defines ``name``, when a class
        of this file defines it. None when there is not exactly one, or the name is a tensor's method
        or private."""
        if name.startswith("_") or name == "forward" or name in TENSOR_METHODS:
            return None
        key = (id(module), name)
        if key in self._models_by_method:
            return self._models_by_method[key]
        if name not in module.facts.method_names(module.module):
            return None  # no class of this file defines it: the file's models are not looked for
        candidates = self._model_candidates_of(module)
        fitting = [c for c in candidates if self._find_method(c, name) is not None]
        found = self._models_by_method[key] = fitting[0] if len(fitting) == 1 else None
        return found

    def _model_candidates_of(self, module: ModuleInfo) -> list[ClassRef]:
        """:meth:`_find_model_candidates`, once per module."""
        candidates = self._model_candidates.get(id(module))
        if candidates is None:
            candidates = self._model_candidates[id(module)] = self._find_model_candidates(module)
        return candidates

    def _find_model_candidates(self, module: ModuleInfo) -> list[ClassRef]:
        glob = self.module_globals(module)
        classes = {}
        for name, v in glob.items():
            if isinstance(v, LazyImport) and name[:1].isupper():
                v = self.resolve(v)  # an imported class (by convention capitalised) may be the model
            if isinstance(v, ClassRef) and self._is_nn_module(v):
                classes[name] = v
        used_inside: set[int] = set()
        for cls in classes.values():
            facts = cls.module.facts.cls(cls.node)
            for call_name in facts.called_names:
                other = classes.get(call_name)
                if other is not None and other.node is not cls.node:
                    used_inside.add(id(other.node))
        found = [c for c in classes.values() if id(c.node) not in used_inside and self._find_method(c, "forward") is not None]
        if any(isinstance(v, (SequentialVal, PretrainedModel)) for v in glob.values()):
            # the file builds a model of another kind at its top level (`model = nn.Sequential(...)`, a torchvision
            # model): the parameter may hold that one, so the file has no one model (mine9607/learn-PyTorch's
            # chapter 13 defines a NoisyLinear layer beside its Sequential model and a train(model, ...) it never calls)
            return []
        return found

    def _forward_accepts(self, cls: ClassRef, n_pos: int, kw_names: set[str]) -> bool:
        method = self._find_method(cls, "forward")
        if method is None:
            return False
        params = method.node.args
        all_positional = [*params.posonlyargs, *params.args]
        n_required = len(all_positional) - len(params.defaults)
        required = [p.arg for p in all_positional[1:n_required]] if n_required > 1 else []
        positional = [p.arg for p in all_positional[1:]]
        if params.vararg is not None or params.kwarg is not None:
            return n_pos >= len(required) - len(kw_names)
        kwonly = [(p.arg, d) for p, d in zip(params.kwonlyargs, params.kw_defaults)]
        names = set(positional) | {name for name, _ in kwonly}
        if not kw_names <= names or n_pos > len(positional):
            return False
        bound = set(positional[:n_pos]) | kw_names
        return all(name in bound for name in required) and all(d is not None or name in kw_names for name, d in kwonly)


def _backward_of(node: ast.AST, name: str) -> bool:
    """Whether ``node`` is ``<name>.backward(...)``."""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "backward"
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == name
    )


def _names_of(node: ast.expr) -> tuple[tuple[str, ...], bool] | None:
    """The names of ``a`` or ``[a, b]`` / ``(a, b)``, and whether it is a list of them; None for anything else."""
    if isinstance(node, ast.Name):
        return (node.id,), False
    if isinstance(node, (ast.Tuple, ast.List)) and node.elts and all(isinstance(e, ast.Name) for e in node.elts):
        return tuple(e.id for e in node.elts if isinstance(e, ast.Name)), True
    return None


def scaled_name(expr: ast.expr) -> ast.Name | None:
    """``loss`` of ``scaler.scale(loss)``: a mixed-precision scaler's ``scale`` given one name, and
    nothing else. ``scaler.scale(loss).backward()`` needs ``loss`` to hold a graph as
    ``loss.backward()`` does, whatever the scaler is known to be (round 25, alibaba/EasyNLP's trainer
    keeps ``self._scaler = GradScaler() if use_amp else None`` and back-propagates through it under
    ``if use_amp:``, directly otherwise; the join of the two paths lost the graph)."""
    if not (isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and expr.func.attr == "scale"):
        return None
    if expr.keywords or len(expr.args) != 1 or not isinstance(expr.args[0], ast.Name):
        return None
    return expr.args[0]
