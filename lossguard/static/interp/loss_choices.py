"""A criterion chosen by an ``if`` statement on a setting, and the calls of it.

Round 14 (realcode_heldout10, SKAPP): a training script picks its criterion from a documented
option and hands it to another function that applies it::

    if args.loss == "BCE":
        loss_fn = torch.nn.BCELoss()
    elif args.loss == "MSE":
        loss_fn = torch.nn.MSELoss()
    ...
    run_one_epoch(model, loss_fn, ...)   # loss = loss_fn(output, target)

Joined name by name the two loss modules have nothing in common and the criterion is unknown, so
every rule stayed silent, although with ``--loss BCE`` the raw output reaches ``BCELoss``. The
``if`` is kept as a :class:`~.guards.GuardedChoice` (as a conditional expression already was,
round 13), and a call of a choice between loss modules runs each option's loss call: every option
is a path the program takes when the setting asks for it, and a rule that holds for one option
holds for the program run with that setting. Its findings name the setting (``BCELoss (when
args.loss == 'BCE')``).

Only loss modules are kept this way, only for a test of one setting against a literal, and a call
written under another test of the same setting that did not decide the choice (``if args.loss in
("BCE", "BCEL"):``), or under a test of the criterion itself (loss-landscape's ``if
isinstance(criterion, nn.MSELoss):``), is left silent: there the option the code means is not known.

A call that hands the chosen criterion probabilities the caller made itself (a softmax, a sigmoid
or a log-softmax function the calling function applied, not a model's last layer) is left silent too when one option is a
loss written by hand (round 19, karunru/kaggle_monorepo: a test of the ``soft_f1`` option feeds
``F.softmax(logits)`` to whichever of cross-entropy, focal, soft-F1 and label-smoothing losses the
setting picks): a hand-written loss may take probabilities (a soft F1, a Dice loss), so the
activation may be meant for that option, and the torch options' reports would blame a call
written for another. Raw outputs, and a model's own softmax head (W-Net's), handed to such a
choice are still checked option by option.
"""

from __future__ import annotations

import ast

from lossguard.static import torch_api as api
from lossguard.static.interp.base import InterpBase
from lossguard.static.interp.branch_settings import Outcome, contradicts, negated, setting_name
from lossguard.static.interp.criterion_isinstance import class_test_around, isinstance_test, narrowed
from lossguard.static.interp.frame import Env, Frame, drop
from lossguard.static.interp.guards import GuardedChoice, literal_test, returns_in
from lossguard.static.interp.loss_functions import loss_function
from lossguard.static.tensor_ops import functional_options
from lossguard.static.values import UNKNOWN, Act, Instance, LossSpec, QualName, Tensor, TupleVal, Value, join

#: the literal of a truth test (``if conf.label_smoothing:``): the option for a true setting
TRUTHY = True


def _torch_loss(value: Value | None) -> bool:
    """A torch loss module, or a torch loss function named without a call (``F.binary_cross_entropy``, a
    criterion a setting picks: round 27, knoxAI's ``get_criterion(task)``)."""
    return isinstance(value, LossSpec) or loss_function(value)


def _is_loss_option(value: Value | None) -> bool:
    return _torch_loss(value) or isinstance(value, GuardedChoice) and loss_options(value) is not None


def _holds(text: str, literal: object) -> str:
    return text if literal is TRUTHY else f"{text} == {literal!r}"


_NEGATED: dict[type, type] = {ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is, ast.Eq: ast.NotEq, ast.NotEq: ast.Eq}


def _fails(text: str, literal: object) -> str:
    if literal is not TRUTHY:
        return f"{text} != {literal!r}"
    test = ast.parse(text, mode="eval").body
    if isinstance(test, ast.Compare) and len(test.ops) == 1 and type(test.ops[0]) in _NEGATED:
        return ast.unparse(ast.Compare(test.left, [_NEGATED[type(test.ops[0])]()], test.comparators))  # `name not in table`
    return f"not {text}"


def loss_options(choice: GuardedChoice) -> list[tuple[Value, str]] | None:
    """Each loss module of a chain of choices with the condition that picks it (``args.loss ==
    'BCE'``); an option may also be an instance of a class of the checked code (a loss written by
    hand, ``LabelSmoothing()``) when a torch loss module is among them. None when an option is
    anything else, no option is a torch loss, or the choice belongs to one object's methods."""
    out: list[tuple[Value, str]] = []
    value: Value = choice
    failed: list[str] = []  # the tests that failed on the way to the last option
    while isinstance(value, GuardedChoice):
        if value.holder is not None or not value.text or not (_torch_loss(value.then) or isinstance(value.then, (Instance, GuardedChoice))):
            return None
        if isinstance(value.then, GuardedChoice):
            then_options = loss_options(value.then)
        else:
            then_options = [(value.then, _holds(value.text, value.literal))]
        if then_options is None:
            return None
        out += then_options
        failed.append(_fails(value.text, value.literal))
        value = value.orelse
    if not (_torch_loss(value) or isinstance(value, Instance)):
        return None
    out.append((value, " and ".join(failed)))
    return out if any(_torch_loss(v) for v, _ in out) else None


def option_outcomes(choice: GuardedChoice) -> dict[str, list[Outcome]]:
    """For each option :func:`loss_options` gives, keyed by its condition text, the outcomes of the
    settings' tests that hold where it is picked (``("dataset", "PPI", True)`` for ``args.dataset ==
    'PPI'``; ``False`` for an ``else``, and for every test that failed before an ``elif``). A truth
    test gives none. Conditions written alike for two options give none for either."""
    out: dict[str, list[Outcome]] = {}
    seen: set[str] = set()

    def add(condition: str, outcomes: list[Outcome]) -> None:
        if condition in seen:
            out.pop(condition, None)
            return
        seen.add(condition)
        out[condition] = outcomes

    def walk(value: Value, before: list[Outcome]) -> None:  # the walk of loss_options, outcome by outcome
        failed_text: list[str] = []
        failed: list[Outcome] = []
        while isinstance(value, GuardedChoice):
            outcome = _outcome(value)
            holds = [outcome] if outcome is not None else []
            if isinstance(value.then, GuardedChoice):
                walk(value.then, [*before, *failed, *holds])
            else:
                add(_holds(value.text, value.literal), [*before, *failed, *holds])
            failed_text.append(_fails(value.text, value.literal))
            if outcome is not None:
                failed.append(negated(outcome))
            value = value.orelse
        add(" and ".join(failed_text), [*before, *failed])

    walk(choice, [])
    return out


def _outcome(choice: GuardedChoice) -> Outcome | None:
    """``(setting name, literal, True)``: what the choice's test holds for its ``then`` option."""
    if choice.literal is TRUTHY or not choice.text:
        return None
    try:
        node = ast.parse(choice.text, mode="eval").body
    except SyntaxError:
        return None
    name = setting_name(node)
    return None if name is None else (name, choice.literal, True)


def _setting_test(test: ast.expr) -> tuple[str, object, bool, ast.expr] | None:
    """``<setting> == literal`` (or ``!=``), or a truth test of a setting (``conf.label_smoothing``,
    ``not args.smooth``): (the setting's dump, the literal, whether the body is where it holds,
    the setting's node)."""
    parsed = literal_test(test)
    if parsed is not None:
        assert isinstance(test, ast.Compare)
        return (*parsed, test.comparators[0] if isinstance(test.left, ast.Constant) else test.left)
    holds = True
    while isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        test, holds = test.operand, not holds
    if isinstance(test, (ast.Name, ast.Attribute)):
        return ast.dump(test), TRUTHY, holds, test
    return None


def choose_losses(test: ast.expr, body_env: Env, else_env: Env, joined: Env) -> None:
    """After ``if <setting> == literal:`` whose two branches bind one name to different loss modules
    (or to choices of them): that name holds the choice, not the unknown their join gave."""
    parsed = _setting_test(test)
    if parsed is None:
        return
    subject, literal, equal, node = parsed
    for name, value in joined.items():
        if value is not UNKNOWN:
            continue
        then, orelse = body_env.get(name), else_env.get(name)
        if then is None or orelse is None or not _is_loss_option(then) and not _is_loss_option(orelse):
            continue
        if not all(_is_loss_option(v) or isinstance(v, Instance) for v in (then, orelse)):
            continue  # a loss written by hand (an instance of the checked code) may stand beside a torch loss
        if not equal:
            then, orelse = orelse, then
        joined[name] = GuardedChoice(subject, literal, then, orelse, text=ast.unparse(node))  # type: ignore[arg-type]


def _if_chain_returns(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> tuple[list[tuple[ast.expr, ast.Return]], ast.stmt] | None:
    """A body that ends in ``if <test>: return a`` / ``elif <test>: return b`` (each branch's only
    return last in it) followed by one ``raise`` or ``return``, with no return before: the tests
    with their returns, and that last statement."""
    body = fn.body
    last: ast.stmt | None = None
    if len(body) >= 2 and isinstance(body[-1], (ast.Raise, ast.Return)) and isinstance(body[-2], ast.If):
        last, first = body[-1], body[-2]
    elif body and isinstance(body[-1], ast.If):
        first = body[-1]  # the chain's own `else: raise` ends it
    else:
        return None
    chain: list[tuple[ast.expr, ast.Return]] = []
    node: ast.If | None = first
    while node is not None:
        end = node.body[-1]
        if not isinstance(end, ast.Return) or end.value is None or returns_in(node.body) != 1:
            return None
        chain.append((node.test, end))
        if len(node.orelse) == 1 and isinstance(node.orelse[0], ast.If):
            node = node.orelse[0]
        elif not node.orelse:
            node = None
        elif len(node.orelse) == 1 and isinstance(node.orelse[0], ast.Raise) and last is None:
            last, node = node.orelse[0], None  # `else: raise ValueError(task)`: as a raise after the chain
        else:
            return None
    if last is None:
        return None
    before = body[:-2] if last is body[-1] else body[:-1]
    if returns_in(before):  # last: a walk of the whole body, asked after every analysis whose result is unknown
        return None
    return chain, last


def loss_factory_returns(fn: ast.FunctionDef | ast.AsyncFunctionDef, frame: Frame, joined: Value) -> Value:
    """What a loss factory returns (thaw-slump's ``create_loss``: ``if name in ours_by_name: return
    ours_by_name[name](mode=...)`` / ``elif name in torch_by_name: return torch_by_name[name]()`` /
    ``raise KeyError``): a choice among the criteria its branches return, each under its test, when
    the plain join of them is unknown and one of them is a torch loss module. A call of it runs each
    option, as for a criterion chosen by an ``if`` statement. Any other shape: ``joined``."""
    if joined is not UNKNOWN and not (isinstance(joined, TupleVal) and UNKNOWN in joined.items):
        return joined
    shape = _if_chain_returns(fn)
    if shape is None:
        return joined
    chain, last = shape
    values = [frame.returned_at.get(id(ret)) for _, ret in chain]
    if any(v is None for v in values):
        return joined
    if isinstance(last, ast.Return):
        result = frame.returned_at.get(id(last))
        if result is None:
            return joined
    else:
        # the function raises when no test holds: the last branch's value stands for its own test
        result = values.pop()
        chain = chain[:-1]
    tests = [test for test, _ in chain]
    if isinstance(result, TupleVal) and all(isinstance(v, TupleVal) and len(v.items) == len(result.items) for v in values):
        # `return F.mse_loss, "MSE"` in each branch (knoxAI's get_criterion): a tuple of choices, place by
        # place, so that unpacking it (`self.loss_fn, self.loss_name = get_criterion(task)`) keeps the choice
        places: list[Value] = []
        for i, last_item in enumerate(result.items):
            items = [v.items[i] for v in values]  # type: ignore[union-attr]
            place = _chained(tests, items, last_item)
            if not (isinstance(place, GuardedChoice) and loss_options(place) is not None):
                place = last_item
                for item in items:
                    place = join(place, item)
            places.append(place)
        if not any(isinstance(p, GuardedChoice) for p in places):
            return joined
        return TupleVal(tuple(places))
    result = _chained(tests, values, result)  # type: ignore[arg-type]
    if not isinstance(result, GuardedChoice) or loss_options(result) is None:
        return joined
    return result


def _chained(tests: list[ast.expr], values: list[Value], last: Value) -> Value:
    """The choice an if-chain of returns makes: each test's value, else the next, ``last`` at the end."""
    result = last
    for test, value in zip(reversed(tests), reversed(values)):
        result = GuardedChoice(ast.dump(test), TRUTHY, value, result, text=ast.unparse(test))  # type: ignore[arg-type]
    return result


_MADE_BY_CALLER = frozenset({Act.PROBS, Act.LOG_PROBS, Act.SIGMOID})


def _activated_for_own_loss(options: list[tuple[Value, str]], pos: list[Value], scope: int) -> bool:
    """The input (the first argument) is the output of an activation function the calling function
    applied itself (not a model's last layer) and one option is a loss written by hand, which may
    be the option that activation is for (see the module's docstring)."""
    if not pos or not isinstance(pos[0], Tensor) or not any(isinstance(spec, Instance) for spec, _ in options):
        return False
    site = pos[0].act_site
    return pos[0].act in _MADE_BY_CALLER and site is not None and site.explicit and site.scope == scope


def _tested_around(call: ast.Call, subject: str, root: ast.AST, narrowed_by: ast.expr | None = None) -> bool:
    """``call`` sits under an ``if`` (or a conditional expression, a ``while``) of ``root`` whose
    test reads the setting ``subject``, or the criterion called (``if isinstance(criterion,
    nn.MSELoss):``), other than the ``if`` whose class test ``narrowed_by`` narrowed the options."""
    read = {subject, ast.dump(call.func)}
    for node in ast.walk(root):
        if not isinstance(node, (ast.If, ast.IfExp, ast.While)):
            continue
        if narrowed_by is not None and isinstance(node, ast.If) and isinstance_test(node.test, call.func) is narrowed_by:
            continue
        if not any(ast.dump(part) in read for part in ast.walk(node.test)):
            continue
        parts = (node.body, node.orelse) if isinstance(node, ast.IfExp) else (*node.body, *node.orelse)
        if any(inner is call for part in parts for inner in ast.walk(part)):
            return True
    return False


class LossChoicesMixin(InterpBase):
    """Calls of a criterion chosen by a setting."""

    def apply_loss_choice(
        self, choice: GuardedChoice, node: ast.Call, pos: list[Value], kw: dict[str, Value], frame: Frame, env: Env
    ) -> Value | None:
        """``loss_fn(out, y)`` where ``loss_fn`` is one of a few loss modules chosen by a setting:
        each option's loss call, reported with the condition that picks it; what their results
        agree on. None when the choice is not one of loss modules."""
        options = loss_options(choice)
        if options is None:
            return None
        root = frame.scope_node
        sink = self.sink
        narrowed_by = None
        if (tested := class_test_around(node, root)) is not None:
            kept = narrowed(options, self.ev(tested[0], frame, env), tested[1])
            if kept is not None:
                options, narrowed_by = kept, tested[0]
        if _tested_around(node, choice.subject, root, narrowed_by) or _activated_for_own_loss(options, pos, frame.scope):
            self.sink = drop  # the option the call is written for is not known
        base = self.sink
        # an option whose setting a test around the call contradicts never reaches it (`self.loss`
        # picked by `args.dataset == "PPI"` in __init__, called in the `else` of `if
        # self.args.dataset == "PPI":` in forward): run, but silent (names tell settings apart, so
        # this only silences, never adds a finding)
        outcomes = option_outcomes(choice) if frame.tests else {}
        results: list[Value] = []
        try:
            for spec, condition in options:
                contradicted = any(contradicts(made, test) for made in outcomes.get(condition, ()) for test in frame.tests)
                self.sink = drop if contradicted else base
                # a loss written by hand runs its forward on these arguments, as a call of it alone would
                if isinstance(spec, LossSpec):
                    sig = api.LOSS_CLASSES[spec.qname]
                    results.append(
                        self._loss_call(spec.qname, spec.family, sig, node, pos, kw, frame, spec.reduction, spec.log_target, chosen=condition)
                    )
                elif isinstance(spec, QualName):  # a loss function: its options are the call's arguments
                    sig = api.LOSS_FUNCTIONS[spec.name]
                    reduction, log_target = functional_options(sig, pos, kw)
                    results.append(self._loss_call(spec.name, sig.family, sig, node, pos, kw, frame, reduction, log_target, chosen=condition))
                else:
                    results.append(self.apply(spec, node, pos, kw, False, frame, env))
        finally:
            self.sink = sink
        result = results[0]
        for r in results[1:]:
            result = join(result, r)
        return result
