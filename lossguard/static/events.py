"""What the interpreter reports to the rules while it follows values through the code."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from lossguard.static.function_bodies import returned_call
from lossguard.static.values import Tensor, Value

if TYPE_CHECKING:  # pragma: no cover
    from lossguard.static.project import ModuleInfo


@dataclass(frozen=True)
class Context:
    """Where an event happened: the file, the function body, and the enclosing loops."""

    module: ModuleInfo
    func: ast.FunctionDef | ast.AsyncFunctionDef | None
    scope: int
    loops: tuple[ast.stmt, ...] = ()
    no_grad: bool = False
    called: bool = True  # False when the function is analysed on its own, with unknown callers
    callsite: tuple[Any, ast.Call] | None = None  # (module, call) this function body was analysed for
    forwarded_by: Any = None  # a finding moved to a thin wrapper's caller: the wrapper's module
    #: (module, call) that receives this body's result: the callsite, or the caller of the thin wrappers
    #: (``return f(...)``) it passes through (interp.result_sites)
    result_site: tuple[Any, ast.Call] | None = None
    #: ids of the nodes of branches this call never takes, as far as the body has run (``Frame.dead``)
    dead: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Arg:
    node: ast.expr
    value: Value


@dataclass(frozen=True)
class LossCall:
    """A call of a torch loss (module instance or functional), with its evaluated arguments."""

    node: ast.Call
    qname: str  # the loss class or function
    family: str  # ce, nll, bce, bce_logits, multilabel_logits, kl, ctc, elementwise, other
    args: dict[str, Arg]  # role (input, target, ...) -> argument
    reduction: str | None  # None when not statically known
    log_target: bool | None
    ctx: Context
    #: the condition of a setting that picks this loss among a few (``args.loss == 'BCE'``, see
    #: :mod:`.interp.loss_choices`); "" for a loss called as such
    chosen: str = ""


@dataclass(frozen=True)
class TorchCall:
    """A call that resolves to a torch name (``torch.nn.functional.softmax``, ``torch.nn.KLDivLoss``)."""

    node: ast.Call
    qname: str
    ctx: Context
    args: tuple[Value, ...] = ()  # evaluated positional arguments
    written: str = ""  # the qualified name before torch's aliases were applied (``torch.softmax``); "" when the same
    #: keywords given to the call that are not written at it: bound by ``functools.partial`` (``act =
    #: partial(F.log_softmax, dim=1)``; ``act(x)``), with a value other than ``None``
    bound: frozenset[str] = frozenset()
    #: the values of the keyword arguments written at the call (``size_average=self.criterion.size_average``)
    keywords: tuple[tuple[str, Value], ...] = ()


@dataclass(frozen=True)
class Accumulate:
    """``acc += value``, ``acc = acc + value``, ``acc.append(value)`` or a store ``acc[key] = value`` that keeps
    every step's value."""

    node: ast.AST  # the statement or the append call
    target: ast.expr  # the accumulator (``total_loss``, ``self.losses``)
    value: Value
    ctx: Context
    # an accumulation into ``self.<attr>`` in a method a loop calls (``meter.update(loss)`` with
    # ``self.sum += val``): the loop's context, the receiver (``meter``) and the call
    outer: tuple[Context, ast.expr, ast.Call] | None = None
    #: for each loop around the accumulation (``ctx.loops``, outermost first): whether a
    #: ``backward()`` ran in it before this point, in its own body or in a function it called
    #: (``out = self.train_step(batch)`` before ``for k, v in out.items(): total[k] += v``)
    trained: tuple[bool, ...] = ()
    #: the same for the loops of ``outer``'s context: whether a ``backward()`` ran in each by the end
    #: of the call (the called method's own included: ``self.batch_step(x, y)`` that back-propagates)
    outer_trained: tuple[bool, ...] = ()
    #: a store into a Python dict or list at a key new at every iteration (``log[step] = loss``,
    #: interp.keyed_stores): one more item per step, not a chained copy
    keyed: bool = False


@dataclass(frozen=True)
class Backward:
    """``<expr>.backward(...)``."""

    node: ast.Call
    receiver: Value
    has_args: bool
    ctx: Context
    #: a gradient is passed (``backward(grad)``, ``gradient=``, ``*args``/``**kw``); ``retain_graph=``
    #: and friends alone pass none. None: not known (read ``has_args``)
    gradient: bool | None = None


@dataclass(frozen=True)
class StepReturn:
    """``return loss`` in ``training_step`` of a LightningModule under automatic optimization:
    Lightning back-propagates what it returns (the tensor, or the dict's ``"loss"``) itself."""

    node: ast.Return
    value: Value
    ctx: Context


BACKWARD_CALLS = ("backward", "manual_backward")  # the call names that back-propagate (``self.manual_backward(loss)``: Lightning)
#: names of the training helpers whose ``backward(loss)`` back-propagates its argument (``accelerate.Accelerator``,
#: Lightning ``Fabric``)
BACKWARD_HELPERS = frozenset({"accelerator", "fabric"})
CALLEE = "<callee>"  # a LoopSummary entry naming a called function whose gradient calls are in the loop's (its node)
SET_GRAD = "<set-grad>"  # a gradient cleared by hand (`p.grad = None`), or by a call in another file
#: a Keras optimizer applying gradients (``self.optimizer.apply(grads, weights)``) in a Keras model's ``train_step`` on the
#: torch backend (interp.manual_steps): the step of that training loop
KERAS_APPLY = "<keras-apply>"


@dataclass(frozen=True)
class ForeignCall(Value):
    """The receiver of a LoopSummary entry for a call made in another file by a function the loop calls
    (``agent.learn()``, whose ``self.optimizer.step()`` is in ``agent.py``): the receiver, and that file,
    whose text the rules read the call's in."""

    receiver: Value
    module: ModuleInfo = field(compare=False)
    name: str = ""  # the method called (a clearing call is folded as SET_GRAD)


#: calls whose names mention "zero" but that build or query tensors (``torch.zeros(n, 12)``,
#: ``np.zeros_like(a)``, ``x.new_zeros(...)``, ``mask.nonzero()``): they touch no gradient, in any file
ZERO_BUILDERS = frozenset({"zeros", "zeros_like", "new_zeros", "nonzero", "count_nonzero"})


def zeroes_built_tensor(name: str, receiver: object) -> bool:
    """``torch.FloatTensor(n, 10).zero_()``: a bare ``zero_()`` on a tensor the checked code built
    (the interpreter knows its value, so it is no ``.grad``, whose value is unknown) fills targets
    or buffers; it clears no gradient."""
    return name == "zero_" and isinstance(receiver, Tensor)


@dataclass(frozen=True)
class LoopSummary:
    """The calls made inside one loop, reported when the loop has been interpreted: those written in
    its body, and the gradient calls of the functions it calls (with a :data:`CALLEE` entry naming
    each such function's node)."""

    node: ast.stmt
    calls: tuple[tuple[str, Value, ast.AST], ...]  # (method or function name, receiver value, node)
    ctx: Context
    extra: dict = field(default_factory=dict, compare=False)


def forwarding_call(func: ast.FunctionDef | ast.AsyncFunctionDef | None) -> ast.Call | None:
    """The call a thin wrapper returns when its whole body (a docstring aside) is ``return
    f(...)`` and ``f`` is a loss configured elsewhere, an attribute of ``self`` or a parameter
    (``def loss(self, logits, y): return self.loss_func(logits, y)``): the wrapper chooses
    nothing, so a finding on a parameter it forwards belongs at each call of it. A function
    that names its loss itself (``return F.kl_div(input=mean_probs, ...)``, an override that
    computes its part of a loss) is where that choice is made, and keeps its findings."""
    if func is None:
        return None
    call = returned_call(func)
    if call is None:
        return None
    params = [p.arg for p in (*func.args.posonlyargs, *func.args.args, *func.args.kwonlyargs)]
    target = call.func
    if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and params and target.value.id == params[0] == "self":
        return call
    if isinstance(target, ast.Name) and target.id in params:
        return call
    return None


def _nonzero_number(node: ast.AST) -> bool:
    """A number literal other than zero (``0.01``, ``-1``, ``2``)."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        node = node.operand
    return isinstance(node, ast.Constant) and type(node.value) in (int, float) and node.value != 0


def rescales_grad(node: ast.AST) -> bool:
    """``p.grad *= 0.01``, ``p.grad /= n``, ``p.grad.mul_(0.5)``: a gradient rescaled, not cleared (the GE2E
    speaker encoder scales two parameters' gradients after backward). Multiplying by anything but a
    nonzero number literal may be ``* 0`` or a mask, and still counts as clearing."""
    if isinstance(node, ast.AugAssign):
        return isinstance(node.op, ast.Div) or (isinstance(node.op, ast.Mult) and _nonzero_number(node.value))
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "mul_"
        and len(node.args) == 1
        and not node.keywords
        and _nonzero_number(node.args[0])
    )
