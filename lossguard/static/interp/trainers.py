"""Library trainers given a model and a loss: ``NeuralNetClassifier(Net, criterion=nn.CrossEntropyLoss)``.

skorch, ignite and the like compute ``loss(model(x), y)`` inside the library, where the checker
does not look, so a model ending in softmax paired with ``CrossEntropyLoss`` there was never seen
(ray-skorch's README example before its fix). Each trainer in ``torch_api.TRAINERS`` says where
its model and loss stand among its arguments; at a call of one (or of a class of the checked code
that subclasses one, as skorch wrappers do) the loss is applied to the model's output as if the
checked code had written ``criterion(model(x), y)`` at that call, with ``x`` and ``y`` unknown
tensors: only what the model's own code makes of its output can be found (an activation), never
a shape or a dtype of data the trainer prepares.

Classes given for the model or the loss are built the way skorch builds them (``module__units=``
and ``criterion__reduction=`` keywords); a loss the trainer feeds something else than the output
(skorch's ``NeuralNetClassifier`` takes the log of the output for ``NLLLoss``), an argument the
checker cannot follow, or a keyword that transforms the output (ignite's ``model_transform``)
leaves the call silent.

Round 24 (realcode_heldout15 opened: skada-bench): skada's deep domain-adaptation methods
(``DeepCoral(module, layer_name, ...)``, ``DANN``, ...) are such trainers; given no ``base_criterion``
they score the module's output with an ``nn.CrossEntropyLoss()`` instance of their own. A call with
more positional arguments than the module, the layer's name and the weight stays silent: skada's
versions put other parameters there, the criterion among them.
"""

from __future__ import annotations

import ast
import dataclasses

from lossguard.static import torch_api as api
from lossguard.static.interp.base import InterpBase
from lossguard.static.interp.frame import Env, Frame
from lossguard.static.tensor_ops import loss_spec
from lossguard.static.values import BoundMethod, ClassRef, Dtype, FunctionRef, Instance, LossSpec, Partial, QualName, Tensor, Value

# what a trainer's loss can be for the checker to follow it: a torch loss (instance, class or
# functional) or a loss of the checked code (an instance, a function, a method, a partial)
_LOSSES = (LossSpec, QualName, Instance, FunctionRef, BoundMethod, Partial)


class TrainersMixin(InterpBase):
    def run_trainer(self, trainer: api.Trainer, node: ast.Call, pos: list[Value], kw: dict[str, Value], frame: Frame, env: Env) -> None:
        """Apply the trainer's loss to its model's output, at ``node`` (the trainer's call)."""
        if any(name in kw for name in trainer.opaque):
            return
        if trainer.max_args is not None and (len(node.args) > trainer.max_args or any(isinstance(a, ast.Starred) for a in node.args)):
            return
        model = _given(trainer.model, node, pos, kw)
        if model is None:
            return
        model_node, model_value = model
        loss = _given(trainer.loss, node, pos, kw)
        loss_node: ast.expr
        if loss is not None:
            loss_node, loss_value = loss
        elif trainer.default_loss is not None:
            loss_node, loss_value = node.func, QualName(trainer.default_loss)
        else:
            return
        loss_class = loss_value.name if isinstance(loss_value, QualName) and loss_value.name in api.LOSS_CLASSES else None
        if not trainer.prefixed and (
            isinstance(model_value, ClassRef) or isinstance(loss_value, ClassRef) or loss_class is not None and loss is not None
        ):
            return  # a class where the trainer calls an instance: not what it runs (its own default is an instance)
        if isinstance(model_value, ClassRef):
            model_value = self.instantiate(model_value, [], _prefixed(kw, "module__"), False, frame.depth + 1)
        if loss_class is not None:
            loss_value = loss_spec(loss_class, [], _prefixed(kw, "criterion__") if trainer.prefixed else {})
        elif isinstance(loss_value, ClassRef):
            loss_value = self.instantiate(loss_value, [], _prefixed(kw, "criterion__"), False, frame.depth + 1)
        fed = loss_value.qname if isinstance(loss_value, LossSpec) else loss_value.name if isinstance(loss_value, QualName) else None
        if fed in trainer.fed_otherwise or not isinstance(loss_value, _LOSSES):
            return
        x, y = _unknown_name(node, "x"), _unknown_name(node, "y")
        forward = _call_at(node, model_node, [x])
        out = self.apply(model_value, forward, [Tensor(dtype=Dtype.FLOAT)], {}, False, frame, env)
        if not isinstance(out, Tensor):
            return
        self.apply(loss_value, _call_at(node, loss_node, [model_node, y]), [out, Tensor()], {}, False, frame, env)

    def trainer_base(self, cls: ClassRef) -> api.Trainer | None:
        """The trainer a class of the checked code subclasses, if any (a skorch wrapper). None
        too when another library class is among its bases (skorch's ``AccelerateMixin``): its
        methods, which may change what reaches the loss, are not known."""
        found = None
        for base in self._bases(cls)[1:]:
            if isinstance(base, ClassRef):
                continue
            if not (isinstance(base, QualName) and base.name in api.TRAINERS) or found is not None:
                return None
            found = api.TRAINERS[base.name]
        return found

    def run_trainer_subclass(
        self, cls: ClassRef, trainer: api.Trainer, node: ast.Call, pos: list[Value], kw: dict[str, Value], frame: Frame, env: Env
    ) -> None:
        """``RayTrainNeuralNet(Net, nn.CrossEntropyLoss, num_workers=2)``: the subclass's own
        ``__init__`` says where the model and the loss stand (by the trainer's keyword names)."""
        if any(self._find_method(cls, name) is not None for name in trainer.overrides):
            return  # the subclass changes what reaches its loss (skorch's get_loss, infer, train_step)
        init = self._find_method(cls, "__init__")
        if init is not None:
            params = [a.arg for a in (*init.node.args.posonlyargs, *init.node.args.args)][1:]
            model, loss = trainer.model[1], trainer.loss[1]
            trainer = dataclasses.replace(trainer, model=(_index(params, model), model), loss=(_index(params, loss), loss))
        self.run_trainer(trainer, node, pos, kw, frame, env)


def _given(where: tuple[int | None, str], node: ast.Call, pos: list[Value], kw: dict[str, Value]) -> tuple[ast.expr, Value] | None:
    """The argument at ``where`` (position, keyword): its expression and value."""
    index, name = where
    if name in kw:
        return next(k.value for k in node.keywords if k.arg == name), kw[name]
    if index is not None and index < len(pos) and index < len(node.args):
        return node.args[index], pos[index]
    return None


def _prefixed(kw: dict[str, Value], prefix: str) -> dict[str, Value]:
    return {k[len(prefix) :]: v for k, v in kw.items() if k.startswith(prefix)}


def _index(params: list[str], name: str) -> int | None:
    return params.index(name) if name in params else None


def _unknown_name(at: ast.AST, name: str) -> ast.Name:
    return ast.copy_location(ast.Name(id=name, ctx=ast.Load()), at)


def _call_at(at: ast.Call, func: ast.expr, args: list[ast.expr]) -> ast.Call:
    """A call the trainer makes, placed at the trainer's call (findings point there)."""
    return ast.copy_location(ast.Call(func=func, args=args, keywords=[]), at)
