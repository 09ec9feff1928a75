"""The base class of static rules, and their registry.

A rule is a small class in its own module under ``lossguard/static/rules``. It names its
catalog code, handles the interpreter events it cares about, and carries VALID and INVALID
code examples; one parametrized test runs every example of every rule. In INVALID examples
each expected finding is marked with a trailing ``# expect: LGxxx`` comment on its line.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
import pkgutil
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from lossguard import catalog
from lossguard.static import events as ev
from lossguard.static.values import Act, Site

if TYPE_CHECKING:  # pragma: no cover
    from lossguard.static.events import Context
    from lossguard.static.examples import Invalid, Valid
    from lossguard.static.fix import Fix

Report = Callable[..., None]

# Which method of a rule handles which interpreter event (dispatched by the event's type).
HANDLERS: dict[type, str] = {
    ev.LossCall: "on_loss_call",
    ev.TorchCall: "on_torch_call",
    ev.Accumulate: "on_accumulate",
    ev.Backward: "on_backward",
    ev.LoopSummary: "on_loop",
    ev.StepReturn: "on_step_return",
}

# How messages name a line of a file that is not plain Python (a notebook: "cell 3, line 4"),
# by resolved path; set by the engine for the duration of a check.
PLACES: dict[object, Callable[[int], str]] = {}


# The module whose event the rules are handling now (set by the engine before each dispatch):
# a message that names a place in another file says which file.
REPORTING: list[object] = [None]

# The modules of the sites the messages being built name (describe_site), since the engine's
# last dispatch: a finding's evidence. A file checked on its own causes the findings its sites
# appear in, wherever they are reported (lossguard.static.engine, _Raw.causes).
EVIDENCE: list[object] = []


def place(module: object, line: int) -> str:
    """``line 12``, or ``cell 3, line 4`` in a notebook."""
    describe = PLACES.get(getattr(module, "path", None))
    return describe(line) if describe is not None else f"line {line}"


class Rule:
    code: ClassVar[str]
    VALID: ClassVar[tuple[str | Valid, ...]] = ()
    INVALID: ClassVar[tuple[str | Invalid, ...]] = ()

    def __init__(self, report: Report) -> None:
        self._report = report

    @property
    def problem(self) -> catalog.Problem:
        return catalog.PROBLEMS[self.code]

    def report(self, node: ast.AST, ctx: Context, message: str, fix: Fix | None = None, severity: catalog.Severity | None = None) -> None:
        """Report a finding; ``severity`` overrides the catalog's for this finding (a milder or worse case of the problem).

        A finding on a parameter that a thin wrapper only forwards (``def loss(self, logits, y):
        return self.loss_func(logits, y)``) is the caller's: it is reported at the argument of the
        call the wrapper was analysed for, once per such call (without a fix when that is in
        another file)."""
        forwarded = forwarded_from(node, ctx)
        if forwarded is not None:
            module, arg = forwarded
            if module is not ctx.module:
                fix = None
            node, ctx = arg, dataclasses.replace(ctx, module=module, forwarded_by=ctx.module)
        if severity is None:
            self._report(self.code, node, ctx, message, fix)
        else:
            self._report(self.code, node, ctx, message, fix, severity=severity)


def describe_site(site: Site | None) -> str:
    """``torch.softmax at line 12`` (or in another file), for messages."""
    if site is None:
        return ""
    pos = site.module.position(site.line_node) if site.module is not None else None
    if site.module is not None:
        EVIDENCE.append(site.module)
    if pos is None:
        return site.what
    where = place(site.module, pos.start.line)
    here = REPORTING[0]
    if here is not None and site.module is not here and getattr(site.module, "path", None) is not None:
        # `F.softmax at msn_loss.py:14`, `... at tutorial.ipynb cell 3, line 4`: not this file's line
        where = f"{_short(site.module.path)}:{pos.start.line}" if where.startswith("line ") else f"{_short(site.module.path)} {where}"
    return f"{site.what} at {where}"


def act_phrase(act: Act | None, site: Site | None) -> str:
    where = describe_site(site)
    return f"{act.value if act else 'unknown values'}" + (f" ({where})" if where else "")


def via_caller(node: ast.AST, ctx: Context) -> str:
    """`` (passed in by the call at train.py:42)`` when ``node`` is a parameter whose value came
    from a caller; `` (through loss() at line 41)`` when a thin wrapper forwards it (the finding
    is then reported at the caller: :func:`forwarded_from`)."""
    if ctx.callsite is None or ctx.func is None or not isinstance(node, ast.Name):
        return ""
    forwarded = forwarded_from(node, ctx)
    if forwarded is not None:
        pos = ctx.module.position(node)
        if pos is None:
            return ""
        where = place(ctx.module, pos.start.line)
        if ctx.module is not forwarded[0]:  # the finding goes to the caller, in another file than the wrapper
            where = f"{_short(ctx.module.path)}:{pos.start.line}" if where.startswith("line ") else f"{_short(ctx.module.path)} {where}"
        return f" (through {ctx.func.name}() at {where})"
    passed = passed_by_caller(node, ctx)
    if passed is None:
        return ""
    module, call = passed
    pos = module.position(call)
    if pos is None:
        return ""
    line = place(module, pos.start.line)
    where = f"{pos.start.line}" if line.startswith("line ") else line
    return f" (passed in by the call at {_short(module.path)}:{where})"


def passed_by_caller(node: ast.AST, ctx: Context) -> tuple[Any, ast.Call] | None:
    """``(caller's module, call)`` when ``node`` names a parameter of the function body analysed
    for that call: the value a finding on it is about came from the caller."""
    if ctx.callsite is None or ctx.func is None or not isinstance(node, ast.Name):
        return None
    params = ctx.func.args
    if node.id not in {p.arg for p in (*params.posonlyargs, *params.args, *params.kwonlyargs)}:
        return None
    return ctx.callsite


def passed_argument(node: ast.Name, func: ast.FunctionDef | ast.AsyncFunctionDef, call: ast.Call) -> ast.expr | None:
    """The argument of ``call`` that the parameter ``node`` names receives (by keyword, or by
    position with ``self`` / ``cls`` bound unless the call passes every positional parameter);
    None where it cannot be told (a starred argument, a default)."""
    positional = [p.arg for p in (*func.args.posonlyargs, *func.args.args)]
    bound = bool(positional) and positional[0] in ("self", "cls") and len(call.args) < len(positional)
    return _argument_of(node.id, positional, call, bound)


def _argument_of(name: str, positional: list[str], call: ast.Call, bound: bool) -> ast.expr | None:
    """What ``call`` writes for the parameter ``name`` (``positional``: the function's positional
    parameters; ``bound``: the first is the receiver): its keyword, else its position; None where a
    starred argument hides it or the call writes none."""
    for k in call.keywords:
        if k.arg == name:
            return k.value
    if name not in positional or any(isinstance(a, ast.Starred) for a in call.args):
        return None
    index = positional.index(name) - (1 if bound else 0)
    return call.args[index] if 0 <= index < len(call.args) else None


def forwarded_from(node: ast.AST, ctx: Context) -> tuple[Any, ast.expr] | None:
    """``(caller's module, argument)`` when ``node`` is a parameter that a thin wrapper hands
    straight to the call it returns (its whole body, a docstring aside, is ``return f(..., node,
    ...)``) and the body was analysed for a known call that passes that parameter explicitly."""
    func = ctx.func
    if ctx.callsite is None or func is None or not isinstance(node, ast.Name):
        return None
    returned = ev.forwarding_call(func)
    if returned is None or not any(a is node for a in (*returned.args, *(k.value for k in returned.keywords))):
        return None
    params = func.args
    positional = [p.arg for p in (*params.posonlyargs, *params.args)]
    if node.id not in positional and node.id not in {p.arg for p in params.kwonlyargs}:
        return None
    module, call = ctx.callsite
    # a method called through its instance or class: the first parameter is bound
    bound = bool(positional) and positional[0] in ("self", "cls") and isinstance(call.func, ast.Attribute)
    arg = _argument_of(node.id, positional, call, bound)
    return (module, arg) if arg is not None else None


def _short(path: object) -> str:
    import os

    try:
        rel = os.path.relpath(str(path))
    except ValueError:
        return str(path)
    return rel if not rel.startswith("..") else str(path)


def all_rules() -> dict[str, type[Rule]]:
    """Every rule class, by code, discovered from the rules package."""
    from lossguard.static import rules as pkg

    found: dict[str, type[Rule]] = {}
    for mod in pkgutil.iter_modules(pkg.__path__):
        module = importlib.import_module(f"{pkg.__name__}.{mod.name}")
        for obj in vars(module).values():
            if isinstance(obj, type) and issubclass(obj, Rule) and obj is not Rule and obj.__module__ == module.__name__:
                if obj.code in found:
                    raise RuntimeError(f"two rules claim {obj.code}")
                found[obj.code] = obj
    return dict(sorted(found.items()))
