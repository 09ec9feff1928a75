"""Small helpers shared by the loss-argument rules."""

from __future__ import annotations

import ast
from dataclasses import replace

from lossguard.static.events import Arg, LossCall, TorchCall
from lossguard.static.fix import Applicability, Edit, Fix, attr_name, call_with_keyword, with_method
from lossguard.static.rule import Rule, act_phrase, describe_site, via_caller
from lossguard.static.tensor_ops import has_star, keyword_arg, loss_options
from lossguard.static.values import NOT_LOG_PROBS, UNKNOWN, Act, Const, MaybeNone, Tensor, Value

# What is not log-probabilities: the inputs NLLLoss (LG007) and CTCLoss (LG012) must not get.
_NOT_LOG_PROBS = NOT_LOG_PROBS


def api_label(qname: str) -> str:
    """``CrossEntropyLoss`` for a module class, ``F.cross_entropy`` for a function."""
    short = qname.rsplit(".", 1)[-1]
    return short if short[:1].isupper() else f"F.{short}"


def loss_label(call: LossCall) -> str:
    """``CrossEntropyLoss`` or ``F.cross_entropy``, and the setting that chose it."""
    label = api_label(call.qname)
    return f"{label} (when {call.chosen})" if call.chosen else label


def received(call: LossCall, arg: Arg, value: Tensor) -> str:
    """``CrossEntropyLoss receives softmax probabilities (torch.softmax at line 6)``, and the caller
    that passed the value in when there is one: how the input rules' messages start."""
    if len(value.acts) > 1:
        # paths that met with different activations (one of several models): name them all
        either = " or ".join(a.value for a in Act if a in value.acts)
        return f"{loss_label(call)} receives {either}, whichever path it takes{via_caller(arg.node, call.ctx)}"
    return f"{loss_label(call)} receives {act_phrase(value.act, value.act_site)}{via_caller(arg.node, call.ctx)}"


def tensor_arg(call: LossCall, role: str) -> tuple[Arg, Tensor] | None:
    """The argument of ``role`` when it is a tensor; one that is a tensor or None by the path (a target
    cast only `if y is not None:`) is the tensor, since a loss given None raises (round 30)."""
    arg = call.args.get(role)
    if arg is None:
        return None
    value = arg.value.value if isinstance(arg.value, MaybeNone) else arg.value
    if not isinstance(value, Tensor):
        return None
    return arg, value


def has_act(call: LossCall, role: str, *acts: Act) -> tuple[Arg, Tensor] | None:
    """The argument when it holds one of ``acts`` on every path: its activation, or each of the
    activations of the paths that met (then ``act`` is the first of ``acts`` among them, so a
    rule's severity and message follow the worst case)."""
    found = tensor_arg(call, role)
    if found is None:
        return None
    arg, value = found
    if value.act in acts:
        return found
    if value.act is None and value.acts and value.acts <= set(acts):
        first = next(a for a in acts if a in value.acts)
        return arg, replace(value, act=first)
    return None


def input_with_act(call: LossCall, family: str, *acts: Act) -> tuple[Arg, Tensor] | None:
    """The input of a loss of ``family`` when it holds one of ``acts`` on every path (:func:`has_act`)."""
    return has_act(call, "input", *acts) if call.family == family else None


def report_not_log_probs(rule: Rule, call: LossCall, family: str, expects: str) -> None:
    """LG007 (NLLLoss), LG012 (CTCLoss): a loss of ``family`` that expects log-probabilities
    receives logits, probabilities or sigmoid output; ``expects`` says what it wants instead."""
    found = input_with_act(call, family, *_NOT_LOG_PROBS)
    if found is not None:
        arg, value = found
        rule.report(arg.node, call.ctx, f"{received(call, arg, value)}; it expects {expects}")
        return
    given = tensor_arg(call, "input") if call.family == family else None
    if given is None or given[1].act is not None or given[1].acts:
        return
    arg, value = given
    if value.positive:
        # `F.nll_loss(torch.tensor([[.9, .1]]), target)`: numbers above 0, which no log-probability is
        what = "a tensor written with numbers above 0"
    elif value.rectified:
        # `F.nll_loss(torch.relu(self.l1(x)), y)`: a rectifier's numbers are at least 0, and every log-probability is
        # at most 0 (round 29)
        where = describe_site(value.rectified_site)
        what = f"the output of a rectifier{f' ({where})' if where else ''}: numbers at least 0, where log-probabilities are at most 0"
    elif value.no_log_probs:
        # one of several networks, some ending in a Linear layer, others in a (pooled) ReLU: no path gives
        # log-probabilities (round 30, omihub777/image-classification-pytorch)
        where = describe_site(value.no_log_probs_site)
        what = (
            "a rectifier's output (numbers at least 0) on some paths and raw logits, probabilities or sigmoid output on the "
            f"others{f' ({where}, ...)' if where else ''}: no log-probabilities on any"
        )
    else:
        return
    rule.report(arg.node, call.ctx, f"{loss_label(call)} receives {what}{via_caller(arg.node, call.ctx)}; it expects {expects}")


def option_positions(call: TorchCall) -> dict[str, int]:
    """Where a loss's options (``reduction``, ``size_average``, ...) stand among its positional
    arguments, by its own signature (a constructor's or a functional's); empty when not known."""
    from lossguard.static import torch_api as api

    positions = api.LOSS_CTOR_OPTION_POSITIONS.get(call.qname)
    if positions is None:
        sig = api.LOSS_FUNCTIONS.get(call.qname)
        positions = (sig.option_positions or {}) if sig is not None else {}
    return positions


def reduction_of(call: TorchCall) -> str | None:
    """The effective reduction of a loss constructor or functional call, from literal arguments.

    Applies torch's legacy mapping of size_average / reduce. None when not statically known.
    """
    from lossguard.static import torch_api as api

    node = call.node
    if has_star(node):
        return None
    native = api.NATIVE_LOSS_REDUCTION_POSITIONS.get(call.written)
    if native is not None:  # `torch.kl_div(log_p, q, 1)`: an integer, per element when not given
        given = next((k.value for k in node.keywords if k.arg == "reduction"), node.args[native] if native < len(node.args) else None)
        if given is None:
            return "none"
        return api.NATIVE_REDUCTIONS.get(given.value) if isinstance(given, ast.Constant) and type(given.value) is int else None
    pos = [_literal(a) for a in node.args]
    kw = {k.arg: _literal(k.value) for k in node.keywords if k.arg is not None}
    return loss_options(option_positions(call), pos, kw)[0]


def _literal(node: ast.expr) -> Value:
    """A literal ``True``/``False``/``None``/string as a value; anything else is not known."""
    if isinstance(node, ast.Constant) and (isinstance(node.value, (str, bool)) or node.value is None):
        return Const(node.value)
    return UNKNOWN


def set_reduction(call: TorchCall, reduction: str, applicability: Applicability, remove: tuple[str, ...] = ()) -> Fix:
    """The fix that writes ``reduction="<reduction>"`` into the call (dropping ``remove``): LG009, LG010."""
    text = call_with_keyword(call.ctx.module, call.node, "reduction", f'"{reduction}"', remove=remove)
    return Fix(f"Use reduction='{reduction}'", (Edit(call.node, text),), applicability)


def convert_target(call: LossCall, node: ast.expr, method: str, applicability: Applicability) -> Fix:
    """The fix that converts the target ``node`` with ``.<method>()``: LG004's ``.float()``, LG013's ``.long()``."""
    return Fix(f"Convert the target with .{method}()", (Edit(node, with_method(call.ctx.module, node, method)),), applicability)


def to_bce_with_logits(call: LossCall) -> Edit | None:
    """The edit ``F.binary_cross_entropy(...)`` -> ``F.binary_cross_entropy_with_logits(...)`` (LG002,
    LG016): only for the functional form written as an attribute, with every argument visible."""
    func = call.node.func
    if call.qname != "torch.nn.functional.binary_cross_entropy" or not isinstance(func, ast.Attribute) or has_star(call.node):
        return None
    return Edit(attr_name(func), "binary_cross_entropy_with_logits")


def inline_activation_input(arg: Arg, value: Tensor) -> ast.expr | None:
    """For an argument that *is* the softmax/sigmoid call (``F.softmax(x, 1)``, ``x.sigmoid()``), its input ``x``."""
    site = value.act_site
    node = arg.node
    if site is None or site.line_node is not node or not site.explicit or not isinstance(node, ast.Call):
        return None
    if site.what.startswith("."):
        return node.func.value if isinstance(node.func, ast.Attribute) else None
    if node.args:
        return node.args[0] if not isinstance(node.args[0], ast.Starred) else None
    return keyword_arg(node, "input")


def drop_activation(call: LossCall, arg: Arg, value: Tensor) -> Edit | None:
    """The edit that replaces an argument that *is* the softmax/sigmoid call by that call's input."""
    inner = inline_activation_input(arg, value)
    return Edit(arg.node, call.ctx.module.segment(inner)) if inner is not None else None


def remove_activation(call: LossCall, arg: Arg, value: Tensor, what: str) -> Fix | None:
    """The fix "Remove the <what>: pass the logits" (LG001: softmax or log_softmax; LG003: sigmoid)."""
    drop = drop_activation(call, arg, value)
    return Fix(f"Remove the {what}: pass the logits", (drop,), "unsafe") if drop is not None else None
