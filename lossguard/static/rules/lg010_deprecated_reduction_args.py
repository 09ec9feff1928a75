"""LG010 deprecated-reduction-args: size_average= / reduce= on a torch loss."""

from __future__ import annotations

import ast
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lossguard.static import torch_api as api
from lossguard.static.events import TorchCall
from lossguard.static.examples import Invalid, catalog_example, catalog_use_instead
from lossguard.static.facts import parameter_defaults
from lossguard.static.fix import Edit, Fix
from lossguard.static.rule import Rule
from lossguard.static.rules._common import option_positions, reduction_of, set_reduction
from lossguard.static.tensor_ops import keyword_arg, reduction_from
from lossguard.static.tree_index import class_of_member, own_scope_nodes
from lossguard.static.values import UNKNOWN, Const, Value

if TYPE_CHECKING:  # pragma: no cover
    from lossguard.static.project import ModuleInfo


def _is_literal_flag(node: ast.expr) -> bool:
    """``True``/``False``/``0``/``1`` written at the call: a deliberate use of the old argument."""
    return isinstance(node, ast.Constant) and isinstance(node.value, int)


def _read_back_flag(name: str, node: ast.expr, value: Value | None) -> bool:
    """``size_average=self.criterion.size_average``: the legacy flag read back from another loss
    module, whose value the interpreter knows (``nn.NLLLoss(weight, size_average=False)``; interp
    ``legacy_flag``). A flag from a parameter or from ``self.<flag>`` is :func:`_flag_default`'s."""
    if not isinstance(node, ast.Attribute) or node.attr != name or isinstance(node.value, ast.Name) and node.value.id == "self":
        return False
    return isinstance(value, Const) and isinstance(value.value, (bool, int))


# the advice of a report that cannot tell which reduction the flags meant
_ANY_REDUCTION = "use reduction='none' | 'mean' | 'sum'"


def _setting(name: str, node: ast.expr, value: Value | None) -> bool:
    """``size_average=cfg.model.size_average``: the legacy flag read from a setting that carries its
    name (a configuration node, parsed arguments), whose value is not known here. Keeping a
    ``size_average`` setting to hand to torch uses the old argument whatever it holds (GraphGym's
    ``compute_loss``); a known ``None`` (today's default) stays silent, and ``self.<flag>`` is
    :func:`_flag_default`'s."""
    if not isinstance(node, ast.Attribute) or node.attr != name or isinstance(node.value, ast.Name) and node.value.id == "self":
        return False
    return not (isinstance(value, Const) and value.value is None)


def _flag_default(node: ast.expr, func: ast.FunctionDef | ast.AsyncFunctionDef | None, module: ModuleInfo) -> bool:
    """``size_average=flag`` where ``flag`` is a parameter of the enclosing function whose default is
    ``True``/``False``/``0``/``1`` and which the body never rebinds: the helper passes the old argument
    on every call that keeps the default (``def mse(x, y, size_average=False)``). A ``None`` default
    is torch's own signature forwarded by a wrapper, and stays silent. ``size_average=self.flag`` is
    the same when ``__init__`` stores that parameter in ``self.flag`` and no method assigns it again
    (CoNet's ``Trainer(..., size_average=False)``)."""
    if func is not None and isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self":
        init = _init_storing(node.attr, func, module)
        return init is not None and _flag_default(init[1], init[0], module)
    if func is None or not isinstance(node, ast.Name):
        return False
    default = {a.arg: d for a, d in parameter_defaults(func.args)}.get(node.id)
    if default is None or not _is_literal_flag(default):
        return False
    for sub in ast.walk(func):
        targets = sub.targets if isinstance(sub, ast.Assign) else [sub.target] if isinstance(sub, (ast.AugAssign, ast.AnnAssign)) else []
        if any(isinstance(t, ast.Name) and t.id == node.id for t in targets):
            return False
    return True


def _flag_attribute(node: ast.expr, func: ast.FunctionDef | ast.AsyncFunctionDef | None, module: ModuleInfo) -> bool:
    """``size_average=self.flag`` where every assignment of ``self.flag`` in the class's methods writes a flag literal
    (``True``/``False``/``0``/``1``; round 31, FDU-VTS/CVCode's crowd-counting ``LossFunction``: ``True`` in ``__init__``,
    ``False`` for some networks in ``__call__``): whichever runs, torch gets the old argument."""
    if func is None or not (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self"):
        return False
    cls = next((c for c in ast.walk(module.module) if isinstance(c, ast.ClassDef) and func in c.body), None)
    if cls is None:
        return False
    stores = [
        sub
        for fn in cls.body
        if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef))
        for sub in ast.walk(fn)
        if isinstance(sub, (ast.Assign, ast.AugAssign, ast.AnnAssign))
        and any(
            isinstance(t, ast.Attribute) and t.attr == node.attr and isinstance(t.value, ast.Name) and t.value.id == "self"
            for tg in (sub.targets if isinstance(sub, ast.Assign) else [sub.target])
            for t in ast.walk(tg)
        )
    ]
    return bool(stores) and all(
        isinstance(sub, ast.Assign) and len(sub.targets) == 1 and isinstance(sub.targets[0], ast.Attribute) and _is_literal_flag(sub.value)
        for sub in stores
    )


def _init_storing(attr: str, method: ast.FunctionDef | ast.AsyncFunctionDef, module: ModuleInfo) -> tuple[ast.FunctionDef, ast.Name] | None:
    """The ``__init__`` of ``method``'s class and the parameter it stores as ``self.<attr> = param``,
    when that is the class's only assignment to ``self.<attr>``."""
    cls = next((c for c in ast.walk(module.module) if isinstance(c, ast.ClassDef) and method in c.body), None)
    if cls is None:
        return None
    stores = [
        (fn, sub)
        for fn in cls.body
        if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef))
        for sub in ast.walk(fn)
        if isinstance(sub, (ast.Assign, ast.AugAssign, ast.AnnAssign))
        and any(
            isinstance(t, ast.Attribute) and t.attr == attr and isinstance(t.value, ast.Name) and t.value.id == "self"
            for t in (sub.targets if isinstance(sub, ast.Assign) else [sub.target])
        )
    ]
    if len(stores) != 1:
        return None
    fn, store = stores[0]
    if fn.name != "__init__" or not isinstance(fn, ast.FunctionDef) or not isinstance(store, ast.Assign) or not isinstance(store.value, ast.Name):
        return None
    return fn, store.value


def _written_reduction(call: TorchCall) -> str | None:
    """The string written as ``reduction=`` at the call, if any."""
    written = keyword_arg(call.node, "reduction")
    return written.value if isinstance(written, ast.Constant) and isinstance(written.value, str) else None


def _legacy_positional(call: TorchCall) -> list[tuple[str, ast.expr]]:
    """``size_average`` / ``reduce`` given by position (``nn.NLLLoss2d(weight, size_average,
    ignore_index)``), by the loss's own signature; none after a ``*args``. The native functions
    (``torch.kl_div(input, target, 1)``) take an integer reduction there instead."""
    if call.written in api.NATIVE_LOSS_REDUCTION_POSITIONS:
        return []
    positions = option_positions(call)
    args = call.node.args
    out: list[tuple[str, ast.expr]] = []
    for name in api.LEGACY_REDUCTION_ARGS:
        index = positions.get(name)
        if index is not None and index < len(args) and not any(isinstance(a, ast.Starred) for a in args[: index + 1]):
            out.append((name, args[index]))
    return out


def _set_afterwards(call: TorchCall) -> list[tuple[ast.Assign, str, ast.expr]]:
    """``loss_fn = nn.CrossEntropyLoss(weight=w)`` then ``loss_fn.size_average = False``: the
    assignments of a legacy flag to the attribute of the loss module this constructor call makes.
    torch reads ``reduction``, fixed when the module is made; the attribute is never read again,
    so the loss keeps its reduction. The module is the one name (of the same function or the
    module) or ``self.<attr>`` (of the same class) the call is assigned to, and that name is
    bound nowhere else there: otherwise silent."""
    module, func = call.ctx.module, call.ctx.func
    scopes: list[ast.AST] = [func if func is not None else module.module]
    owner = _scope_table(scopes[0], module).owners.get(id(call.node))
    if owner is None or len(owner.targets) != 1:
        return []
    target = owner.targets[0]
    if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == "self" and func is not None:
        cls = class_of_member(module.module, func)
        if cls is None:
            return []
        scopes = [fn for fn in cls.body if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef))]
    elif not isinstance(target, ast.Name):
        return []
    name = module.segment(target)
    tables = [_scope_table(scope, module) for scope in scopes]
    if sum(t.binds.get(name, 0) for t in tables) != 1 or any(t.has_global for t in tables):
        return []
    return [flag for t in tables for flag in t.flags.get(name, [])]


@dataclass
class _ScopeTable:
    """What :func:`_set_afterwards` reads of one scope's own nodes (``scope_nodes``), by the source text of names."""

    owners: dict[int, ast.Assign] = field(default_factory=dict)  # id of an assigned value -> its first assignment
    binds: dict[str, int] = field(default_factory=dict)  # text of a target -> how many bindings write it
    flags: dict[str, list[tuple[ast.Assign, str, ast.expr]]] = field(default_factory=dict)  # `<text>.<flag> = v`
    has_global: bool = False


_SCOPE_TABLES: weakref.WeakKeyDictionary[ast.AST, _ScopeTable] = weakref.WeakKeyDictionary()


def _scope_table(scope: ast.AST, module: ModuleInfo) -> _ScopeTable:
    """The table of ``scope``, made once (a loop over every node of the scope for each loss constructor call made a
    module-level script of N training blocks cost N times N: Round 37, docs/performance.md)."""
    found = _SCOPE_TABLES.get(scope)
    if found is not None:
        return found
    table = _SCOPE_TABLES[scope] = _ScopeTable()
    for n in own_scope_nodes(scope):
        if isinstance(n, ast.Global):
            table.has_global = True
        if isinstance(n, ast.Assign):
            table.owners.setdefault(id(n.value), n)
        if isinstance(n, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.For, ast.With, ast.NamedExpr)):
            for t in n.targets if isinstance(n, ast.Assign) else [getattr(n, "target", None)]:
                if t is not None:
                    written = module.segment(t)
                    table.binds[written] = table.binds.get(written, 0) + 1
        if (
            isinstance(n, ast.Assign)
            and len(n.targets) == 1
            and isinstance(n.targets[0], ast.Attribute)
            and n.targets[0].attr in api.LEGACY_REDUCTION_ARGS
        ):
            table.flags.setdefault(module.segment(n.targets[0].value), []).append((n, n.targets[0].attr, n.value))
    return table


_FLAG_FROM_CRITERION = """
import torch.nn as nn
import torch.nn.functional as F


class DistillLoss(nn.Module):
    def __init__(self, weight):
        super().__init__()
        self.criterion = nn.NLLLoss(weight, reduction="sum")

    def forward(self, log_probs, target, teacher_probs):
        hard = self.criterion(log_probs, target)
        soft = F.kl_div(log_probs, teacher_probs, size_average=self.criterion.size_average)
        return hard + soft
"""


# a loss whose flag __init__ sets to `{initial}` and some networks set to False (the INVALID example: its source)
_CROWD_LOSS = """
import torch.nn as nn

class LossFunction:
    def __init__(self, model):
        self.size_average = {initial}
        self.model = model

    def __call__(self, output, target):
        if self.model == "csr_net":
            self.size_average = False
        return nn.MSELoss(size_average=self.size_average)(output, target)
"""


class DeprecatedReductionArgs(Rule):
    code = "LG010"

    def __init__(self, report) -> None:  # type: ignore[no-untyped-def]
        super().__init__(report)
        self._read: set[int] = set()  # the constructor calls whose later flag assignments were looked for

    def on_torch_call(self, call: TorchCall) -> None:
        if call.qname not in api.LOSS_CLASSES and call.qname not in api.LOSS_FUNCTIONS:
            return
        if call.qname in api.LOSS_CLASSES and id(call.node) not in self._read:
            self._read.add(id(call.node))  # a syntactic fact: read once per call, not per analysis of its function
            self._set_afterwards(call)
        alias = next(
            (k for k in call.node.keywords if k.arg == "reduction" and isinstance(k.value, ast.Constant) and k.value.value == "elementwise_mean"),
            None,
        )
        if alias is not None:
            # torch still accepts it and warns "reduction='elementwise_mean' is deprecated" (torch 2.13)
            quote = call.ctx.module.segment(alias.value)[0]
            to_mean = Fix("Use reduction='mean'", (Edit(alias.value, f"{quote}mean{quote}"),), "safe")
            self.report(alias.value, call.ctx, "reduction='elementwise_mean' is deprecated; use reduction='mean' (the same value)", to_mean)
        if self._text_flag(call):
            return
        positional = _legacy_positional(call)
        given = positional + [(k.arg, k.value) for k in call.node.keywords if k.arg in api.LEGACY_REDUCTION_ARGS]
        flags = dict(call.keywords)
        read_back = [name for name, node in given if not _is_literal_flag(node) and _read_back_flag(name, node, flags.get(name))]
        used = [name for name, node in given if _is_literal_flag(node)] + read_back
        if not used:
            # a flag this call does not write, but whose source only ever holds one: the first kind of source found
            sources: tuple[tuple[Callable[[str, ast.expr], bool], str], ...] = (
                (lambda name, node: _setting(name, node, flags.get(name)), "a setting of that name"),
                (lambda name, node: _flag_attribute(node, call.ctx.func, call.ctx.module), "an attribute that only ever holds a flag"),
                (lambda name, node: _flag_default(node, call.ctx.func, call.ctx.module), "a parameter that defaults to a flag"),
            )
            for passes, source in sources:
                passed = [name for name, node in given if passes(name, node)]
                if passed:
                    self.report(
                        call.node,
                        call.ctx,
                        f"{' and '.join(passed)} {'is' if len(passed) == 1 else 'are'} deprecated (passed from {source}); {_ANY_REDUCTION}",
                        None,
                    )
                    return
            return  # absent, None (today's default) or forwarded from a caller: not this call's choice
        effective = reduction_of(call)
        if effective is None and not positional:  # the flags' values, where the interpreter knows them
            effective = reduction_from(
                flags.get("reduction", Const("mean")), flags.get("size_average", Const(None)), flags.get("reduce", Const(None))
            )
        advice = f"use reduction='{effective}'" if effective else _ANY_REDUCTION
        fix = None
        # a legacy flag given by position is not rewritten (the arguments after it would move)
        positional_legacy = any(isinstance(a, ast.Starred) for a in call.node.args) or bool(positional)
        if effective is not None and not positional_legacy and not read_back:
            fix = set_reduction(call, effective, "safe", remove=api.LEGACY_REDUCTION_ARGS)
        names = " and ".join(used)
        written = _written_reduction(call)
        if effective is not None and written is not None and written != effective:
            # torch's _Loss.__init__ (and the functionals) take the legacy flags over reduction= whenever one is not
            # None: `BCEWithLogitsLoss(size_average=True, reduction='none')` is the mean (liaopeiyuan/ml-arsenal-public)
            self.report(
                call.node,
                call.ctx,
                f"{names} {'is' if len(used) == 1 else 'are'} deprecated and {'overrides' if len(used) == 1 else 'override'} "
                f"the reduction='{written}' written beside {'it' if len(used) == 1 else 'them'}: the loss is reduced by "
                f"'{effective}'; use reduction='{effective}' (what it computes), or drop {names} to get '{written}'",
                fix,
            )
            return
        self.report(
            call.node,
            call.ctx,
            f"{names} {'is' if len(used) == 1 else 'are'} deprecated; {advice}",
            fix,
        )

    def _text_flag(self, call: TorchCall) -> bool:
        """``nn.CrossEntropyLoss(weight=w, reduce='sum')`` (round 28, nyoki-mtl/pytorch-segmentation): a string
        written for a legacy flag, the new argument's value under the old argument's name. torch reads any flag
        that is not None as a bool, so ``reduce='sum'`` (or ``'none'``) is ``reduce=True`` and the loss is
        averaged, whatever the string says. Only a string constant written at the call; the message names the
        reduction the loss really gets; no fix is offered, as writing the reduction the string names changes the
        numbers the loss gives."""
        texts = [
            (k.arg, k.value)
            for k in call.node.keywords
            if k.arg in api.LEGACY_REDUCTION_ARGS and isinstance(k.value, ast.Constant) and isinstance(k.value.value, str)
        ]
        if not texts:
            return False
        literal = {k.arg: k.value for k in call.node.keywords if k.arg in api.LEGACY_REDUCTION_ARGS}
        flags = {name: Const(node.value) if isinstance(node, ast.Constant) else UNKNOWN for name, node in literal.items()}
        effective = reduction_from(Const("mean"), flags.get("size_average", Const(None)), flags.get("reduce", Const(None)))
        name, node = texts[0]
        meant = node.value if node.value in ("none", "mean", "sum") else None
        gets = f"the loss is reduced by '{effective}'" if effective else "the loss's reduction is not the string's"
        advice = f"use reduction='{meant}'" if meant else _ANY_REDUCTION
        self.report(
            call.node,
            call.ctx,
            f"{name}={node.value!r} passes a string to the deprecated flag {name}=, which torch reads as {bool(node.value)}: {gets}; {advice}",
            None,
        )
        return True

    def _set_afterwards(self, call: TorchCall) -> None:
        """``loss_fn.size_average = False`` after ``loss_fn = nn.CrossEntropyLoss(...)``: no effect."""
        made = reduction_of(call)
        fixed = f"the reduction its constructor fixed, '{made}'" if made else "the reduction its constructor fixed"
        for node, name, value in _set_afterwards(call):
            flags: dict[str, Value] = {"size_average": Const(None), "reduce": Const(None)}
            flags[name] = Const(value.value) if isinstance(value, ast.Constant) and _is_literal_flag(value) else UNKNOWN
            meant = reduction_from(Const(made), flags["size_average"], flags["reduce"]) if made else None
            advice = f"pass reduction='{meant}' to the constructor" if meant else "pass reduction= to the constructor"
            self.report(
                node,
                call.ctx,
                f"setting {call.ctx.module.segment(node.targets[0])} after the loss module is made has no effect: torch reads {fixed}; {advice}",
            )

    VALID = (
        # an attribute that may hold None (today's default) as well as a flag: not known to pass the old argument
        _CROWD_LOSS.replace("{initial}", "None"),
        # a setting of the flag's name that holds None, torch's own default, in a class nothing changes
        """
import torch.nn as nn


class Defaults:
    size_average = None


def compute_loss(pred, true):
    return nn.MSELoss(size_average=Defaults.size_average)(pred, true)
""",
        # the attribute torch reads, set after construction; and a name bound again to a class of
        # the checked code, whose own flag may be read by its forward()
        """
import torch.nn as nn

loss_fn = nn.CrossEntropyLoss(weight=weight)
loss_fn.reduction = "sum"


class Criterion(nn.Module):
    def forward(self, x, y):
        per_pixel = (x - y) ** 2
        return per_pixel.mean() if self.size_average else per_pixel.sum()


criterion = nn.MSELoss()
if use_own:
    criterion = Criterion()
criterion.size_average = False
""",
        # today's spelling of the same distillation term
        _FLAG_FROM_CRITERION.replace("size_average=self.criterion.size_average", "reduction=self.criterion.reduction"),
        """
import torch.nn.functional as F


class Trainer:
    def __init__(self, model, size_average=False):
        self.model = model
        self.size_average = size_average

    def configure(self, reduction):
        self.size_average = None if reduction == "mean" else self.size_average   # set again: not known

    def step(self, x, y):
        return F.mse_loss(self.model(x), y, size_average=self.size_average)


class Wrapper:
    def __init__(self, size_average=None):   # torch's own default, forwarded
        self.size_average = size_average

    def __call__(self, x, y):
        return F.l1_loss(x, y, size_average=self.size_average)
""",
        catalog_use_instead("LG010"),
        """
import torch.nn.functional as F

def smooth_l1(input, target, size_average=None, reduce=None, reduction="mean"):
    # a wrapper that keeps torch's old signature and forwards it
    return F.l1_loss(input, target, size_average=size_average, reduce=reduce, reduction=reduction)
""",
        """
from functools import reduce

total = reduce(lambda a, b: a + b, values)
""",
        """
import torch.nn as nn

# positional arguments in torch's order: weight, size_average (None: today's default), ignore_index
criterion = nn.NLLLoss(class_weights, None, 255)
""",
    )
    INVALID = (
        Invalid(
            catalog_example("LG010"),
            line=3,
            col=13,
            message="size_average is deprecated; use reduction='sum'",
            fixed=catalog_use_instead("LG010"),
            fix_title="Use reduction='sum'",
        ),
        Invalid(
            """
import torch.nn as nn

criterion = nn.CrossEntropyLoss(weight=class_weights, ignore_index=255, reduce='sum')
""",
            line=3,
            col=13,
            message="reduce='sum' passes a string to the deprecated flag reduce=, which torch reads as True: the loss is reduced by 'mean'; use reduction='sum'",
        ),
        Invalid(
            """
import torch.nn.functional as F

per_sample = F.cross_entropy(logits, y, reduce=False)
loss = (per_sample * weights).mean()
""",
            line=3,
            col=14,
            message="reduce is deprecated; use reduction='none'",
            edit=("per_sample = F.cross_entropy(logits, y, reduce=False)", 'per_sample = F.cross_entropy(logits, y, reduction="none")'),
            fix_title="Use reduction='none'",
        ),
        Invalid(
            """
import torch.nn as nn

# the per-pixel map meant for a focal term: size_average=True wins, and the loss is the mean
pixel_bce = nn.BCEWithLogitsLoss(size_average=True, reduction='none')
""",
            line=4,
            col=13,
            message="size_average is deprecated and overrides the reduction='none' written beside it: the loss is reduced by "
            "'mean'; use reduction='mean' (what it computes), or drop size_average to get 'none'",
            edit=("pixel_bce = nn.BCEWithLogitsLoss(size_average=True, reduction='none')", 'pixel_bce = nn.BCEWithLogitsLoss(reduction="mean")'),
            fix_title="Use reduction='mean'",
        ),
        Invalid(
            """
import torch.nn as nn

# the same reduction written both ways: nothing is overridden
criterion = nn.BCEWithLogitsLoss(size_average=True, reduction='mean')
""",
            line=4,
            col=13,
            message="size_average is deprecated; use reduction='mean'",
            edit=("criterion = nn.BCEWithLogitsLoss(size_average=True, reduction='mean')", 'criterion = nn.BCEWithLogitsLoss(reduction="mean")'),
            fix_title="Use reduction='mean'",
        ),
        Invalid(
            """
import torch.nn as nn

criterion = nn.BCEWithLogitsLoss(reduction='elementwise_mean')
""",
            line=3,
            col=44,
            message="reduction='elementwise_mean' is deprecated; use reduction='mean'",
            edit=("criterion = nn.BCEWithLogitsLoss(reduction='elementwise_mean')", "criterion = nn.BCEWithLogitsLoss(reduction='mean')"),
            fix_title="Use reduction='mean'",
        ),
        Invalid(
            """
import torch.nn as nn

def masked_mse(pred, target, average=False):
    mask = (target != 0).float()
    return nn.MSELoss(size_average=average)(pred * mask, target)
""",
            line=5,
            col=12,
            message="size_average is deprecated (passed from a parameter that defaults to a flag)",
        ),
        Invalid(
            """
import torch.nn.functional as F


class Trainer:
    def __init__(self, model, loader, size_average=False):
        self.model = model
        self.loader = loader
        self.size_average = size_average

    def step(self, x, depth):
        return F.smooth_l1_loss(self.model(x), depth, size_average=self.size_average)
""",
            line=11,
            col=16,
            message="size_average is deprecated (passed from a parameter that defaults to a flag)",
        ),
        Invalid(
            """
import torch.nn as nn
import torch.nn.functional as F


# zijundeng/pytorch-semantic-segmentation@4a1721f9 utils/misc.py: the flag is given by position
class CrossEntropyLoss2d(nn.Module):
    def __init__(self, weight=None, size_average=True, ignore_index=255):
        super().__init__()
        self.nll_loss = nn.NLLLoss(weight, size_average, ignore_index)

    def forward(self, inputs, targets):
        return self.nll_loss(F.log_softmax(inputs, dim=1), targets)
""",
            line=9,
            col=25,
            message="size_average is deprecated (passed from a parameter that defaults to a flag)",
        ),
        # the flag read from a configuration setting of that name (snap-stanford/GraphGym's compute_loss
        # before 358fdfc, realcode_heldout15): the old argument, whatever the setting holds
        Invalid(
            """
import torch.nn as nn

from project.config import cfg


def compute_loss(pred, true):
    return nn.MSELoss(size_average=cfg.model.size_average)(pred, true.float())
""",
            line=7,
            col=12,
            message="size_average is deprecated (passed from a setting of that name)",
        ),
        # the old flag set on the module after it is made (facebookresearch/InferSent@940c0034
        # train_nli.py, fixed in ec6b065 by `reduction='sum'`): torch never reads it, the loss stays a mean
        Invalid(
            """
import torch
import torch.nn as nn

weight = torch.ones(3)
loss_fn = nn.CrossEntropyLoss(weight=weight)
loss_fn.size_average = False
""",
            line=6,
            col=1,
            message="setting loss_fn.size_average after the loss module is made has no effect: torch reads the reduction "
            "its constructor fixed, 'mean'; pass reduction='sum' to the constructor",
        ),
        Invalid(
            """
import torch.nn as nn


class Trainer:
    def __init__(self, model):
        self.model = model
        self.criterion = nn.MSELoss()

    def per_sample(self):
        self.criterion.reduce = False
""",
            line=10,
            col=9,
            message="setting self.criterion.reduce after the loss module is made has no effect: torch reads the reduction "
            "its constructor fixed, 'mean'; pass reduction='none' to the constructor",
        ),
        # the old flag read back from another loss module (a 2017 OpenNMT distillation loss; torch's
        # modules no longer keep it): the call passes the deprecated argument, with a known value
        Invalid(
            _FLAG_FROM_CRITERION,
            line=12,
            col=16,
            message="size_average is deprecated; use reduction='sum'",
        ),
        # built in the branch of a constructor's flag that the one construction does not take
        # (`Model(use_ce=False)`): the object never holds it, but the code is still written wrong
        Invalid(
            """
import torch.nn as nn


class Model(nn.Module):
    def __init__(self, use_ce=True):
        super().__init__()
        self.fc = nn.Linear(8, 2)
        if use_ce:
            self.crit = nn.CrossEntropyLoss(size_average=False)
        else:
            self.crit = nn.MSELoss()

    def forward(self, x):
        return self.fc(x)


model = Model(use_ce=False)
for x, y in loader:
    loss = model.crit(model(x), y)
    loss.backward()
""",
            line=9,
            col=25,
            message="size_average is deprecated; use reduction='sum'",
            edit=("nn.CrossEntropyLoss(size_average=False)", 'nn.CrossEntropyLoss(reduction="sum")'),
            fix_title="Use reduction='sum'",
        ),
        # FDU-VTS/CVCode's crowd-counting LossFunction (round 31): True in __init__, False for some networks
        Invalid(
            _CROWD_LOSS.replace("{initial}", "True"),
            line=11,
            col=16,
            message="size_average is deprecated (passed from an attribute that only ever holds a flag)",
        ),
    )
