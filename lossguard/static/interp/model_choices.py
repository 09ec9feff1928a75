"""A model chosen by a setting, and the loss calls of its output, one per model.

Round 19 (opened sets' misses, FedAvg): research scripts pick the network from a documented option
and train whichever was picked with one criterion::

    if args.model == "cnn":
        if args.dataset == "mnist":
            model = CNNMnist(args)          # ends in F.log_softmax
        elif args.dataset == "fmnist":
            model = CNNFashion(args)        # ends in a Linear layer
    elif args.model == "mlp":
        model = MLP(...)                    # ends in nn.Softmax
    ...
    loss = nn.NLLLoss()(model(images), labels)

Called as one of several models, the output's activation is "one of three", and a rule that does not
hold for every option stays silent (round 4). As for a criterion chosen by a setting (round 14,
:mod:`.loss_choices`), every option is a path the program takes when the setting asks for it: the
``if`` keeps each model's condition (:attr:`Either.conditions`), a call of the choice keeps each
model's output with it (:attr:`Tensor.per_option`), and a torch loss call of that output runs once
per model, reported with the condition (``NLLLoss (when args.model == 'cnn' and args.dataset ==
'fmnist')``). Only where every option is a model of the checked code, every test reads settings
against literals (``==``/``!=``, truth tests, ``and``/``or``/``not`` of them), and every model's
output has a known activation; the joined call is judged first as before, so a finding that holds
for every model keeps its message.
"""

from __future__ import annotations

import ast
from dataclasses import replace

from lossguard.static.interp.frame import Env
from lossguard.static.interp.guards import literal_test
from lossguard.static.values import Either, Instance, KnownOptions, Tensor, Unknown, Value, join


def _settings_only(test: ast.expr) -> bool:
    """A test made of settings compared with literals, or their truth, joined by and/or/not."""
    if isinstance(test, ast.BoolOp):
        return all(_settings_only(v) for v in test.values)
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        return _settings_only(test.operand)
    return literal_test(test) is not None or isinstance(test, (ast.Name, ast.Attribute))


def branch_conditions(test: ast.expr) -> tuple[str, str] | None:
    """What holds in an ``if``'s body and in its ``else``, as text; None for any other test."""
    if not _settings_only(test):
        return None
    text = ast.unparse(test)
    if isinstance(test, ast.Compare) and len(test.ops) == 1:
        negated = ast.Compare(test.left, [ast.NotEq() if isinstance(test.ops[0], ast.Eq) else ast.Eq()], test.comparators)
        return text, ast.unparse(negated)
    if isinstance(test, ast.UnaryOp):
        return text, ast.unparse(test.operand)
    return text, f"not {text}" if isinstance(test, (ast.Name, ast.Attribute)) else f"not ({text})"


def _conditioned(value: Value, condition: str) -> list[tuple[Value, str]] | None:
    if isinstance(value, Either):
        if not value.conditions:
            return None
        return [(o, f"{condition} and {c}") for o, c in zip(value.options, value.conditions)]
    return [(value, condition)] if isinstance(value, Instance) else None


def choose_models(test: ast.expr, body_env: Env, else_env: Env, joined: Env) -> None:
    """After an ``if`` whose two branches bind one name to different models of the checked code (or
    to choices of them): that name holds the choice with each model's condition."""
    texts = None
    for name, value in joined.items():
        if not isinstance(value, Either) or value.conditions:
            continue
        if texts is None:
            texts = branch_conditions(test)
            if texts is None:
                return
        then, orelse = body_env.get(name), else_env.get(name)
        if then is None or orelse is None:
            continue
        first, second = _conditioned(then, texts[0]), _conditioned(orelse, texts[1])
        if first is None or second is None:
            continue
        pairs = first + second
        if len(pairs) != len(value.options) or any(o is not p for (o, _), p in zip(pairs, value.options)):
            continue  # a model on both sides: the options were merged
        joined[name] = Either(value.options, conditions=tuple(c for _, c in pairs))


def outputs_per_option(callee: Either, called: tuple[Value, ...], results: list[Value], result: Value) -> Value:
    """The joined output of a call of a choice of models, with each model's output and its
    condition, where the models disagree on the activation and each has one. Where some models'
    outputs are no tensor (UNET-ZOO's ``NestedUNet``, a list of maps under a setting the checker does
    not decide), the join is unknown: it becomes a :class:`KnownOptions` of the outputs that are
    tensors with a known activation, which a loss call judges one by one and nothing else reads."""
    if not callee.conditions or len(results) < 2:
        return result
    condition = {id(o): c for o, c in zip(callee.options, callee.conditions)}
    if any(id(o) not in condition for o in called):
        return result
    known = tuple((condition[id(o)], r) for o, r in zip(called, results) if isinstance(r, Tensor) and r.act is not None)
    if not isinstance(result, Tensor):
        # only an unknown join: a join that is some other kind of value (a tuple of heads every model
        # returns) is read as before
        if type(result) is not Unknown or not known or all(isinstance(r, Tensor) for r in results):
            return result
        return KnownOptions(known)
    if len(known) != len(results) or len({r.act for _, r in known}) < 2:
        return result
    return replace(result, per_option=known)  # type: ignore[misc]


def options_of(value: Value) -> tuple[tuple[str, Tensor], ...]:
    """Each model's output with its condition, while ``value`` is still the joined output of them."""
    if isinstance(value, KnownOptions):
        return value.per_option
    if not isinstance(value, Tensor) or not value.per_option:
        return ()
    joined: Value = value.per_option[0][1]
    for _, t in value.per_option[1:]:
        joined = join(joined, t)
    if joined == value:
        return value.per_option
    # reshaped since (`output.view(-1, ntokens)`), still holding each output's activation and no other:
    # the value as it is now, with each model's activation
    acts = [t.act for _, t in value.per_option]
    if value.act is not None or None in acts or value.acts != frozenset(acts):
        return ()
    return tuple((c, replace(value, act=t.act, act_site=t.act_site, acts=frozenset(), act_dim=t.act_dim, per_option=())) for c, t in value.per_option)
