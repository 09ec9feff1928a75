"""What the interpreter reports to the rules while it follows values through the code."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import libcst as cst

from lossguard.static.values import Value

if TYPE_CHECKING:  # pragma: no cover
    from lossguard.static.project import ModuleInfo


@dataclass(frozen=True)
class Context:
    """Where an event happened: the file, the function body, and the enclosing loops."""

    module: "ModuleInfo"
    func: cst.FunctionDef | None
    scope: int
    loops: tuple[cst.CSTNode, ...] = ()
    no_grad: bool = False
    called: bool = True  # False when the function is analysed on its own, with unknown callers
    callsite: tuple[Any, cst.Call] | None = None  # (module, call) this function body was analysed for


@dataclass(frozen=True)
class Arg:
    node: cst.BaseExpression
    value: Value


@dataclass(frozen=True)
class LossCall:
    """A call of a torch loss (module instance or functional), with its evaluated arguments."""

    node: cst.Call
    qname: str  # the loss class or function
    family: str  # ce, nll, bce, bce_logits, kl, ctc, elementwise, other
    args: dict[str, Arg]  # role (input, target, ...) -> argument
    reduction: str | None  # None when not statically known
    log_target: bool | None
    ctx: Context


@dataclass(frozen=True)
class TorchCall:
    """A call that resolves to a torch name (``torch.nn.functional.softmax``, ``torch.nn.KLDivLoss``)."""

    node: cst.Call
    qname: str
    ctx: Context
    args: tuple[Value, ...] = ()  # evaluated positional arguments


@dataclass(frozen=True)
class Accumulate:
    """``acc += value``, ``acc = acc + value`` or ``acc.append(value)``."""

    node: cst.CSTNode  # the statement or the append call
    target: cst.BaseExpression  # the accumulator (``total_loss``, ``self.losses``)
    value: Value
    ctx: Context


@dataclass(frozen=True)
class Backward:
    """``<expr>.backward(...)``."""

    node: cst.Call
    receiver: Value
    has_args: bool
    ctx: Context


@dataclass(frozen=True)
class LoopSummary:
    """The calls found lexically inside one loop, reported when the loop has been interpreted."""

    node: cst.CSTNode
    calls: tuple[tuple[str, Value, cst.Call], ...]  # (method or function name, receiver value, node)
    ctx: Context
    extra: dict = field(default_factory=dict, compare=False)
