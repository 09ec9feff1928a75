"""A model chosen by a setting, called under a test of that same setting.

Round 21 (realcode_dev8, pytorch/examples' word language model, issue #714 and pull request #732):
the script picks the network from an option and calls each network the way its ``forward`` wants,
under the same test::

    if args.model == 'Transformer':
        model = model.TransformerModel(...)   # forward ends in F.log_softmax
    else:
        model = model.RNNModel(...)           # forward returns the decoder's logits
    ...
    def train():
        if args.model == 'Transformer':
            output = model(data)
        else:
            output, hidden = model(data, hidden)
        loss = criterion(output.view(-1, ntokens), targets)

Inside ``if args.model == 'Transformer':`` the model can only be the one chosen under that
condition: a branch of an ``if`` whose test is written the same as the condition of some options of
a model choice (:mod:`.model_choices`) keeps only the options that condition allows, the body those
made under the test, the ``else`` those made under its negation (a local name, or a global a
function reads). After the ``if`` the name is again the whole choice. A tensor bound in both branches
of such an ``if`` with a different known activation in each keeps each branch's tensor with the
branch's condition (:attr:`Tensor.per_option`), so the loss call of it runs once per model, as for a
call of the choice itself. Tests are compared as written (``ast.unparse``): two tests that mean the
same but are written differently narrow nothing, and the rules stay as silent as before.
"""

from __future__ import annotations

import ast
from dataclasses import replace

from lossguard.static.interp.frame import Env, Frame
from lossguard.static.interp.model_choices import branch_conditions
from lossguard.static.values import Either, Tensor, Value

#: a narrowed name that was not bound in the branching scope: read from the module's globals
_GLOBAL = object()


def _allowed(value: Either, ruled_out: str) -> Value | None:
    """The options of ``value`` whose condition does not contain ``ruled_out``; None when that rules
    out none of them, or all."""
    kept = [(o, c) for o, c in zip(value.options, value.conditions) if ruled_out not in c.split(" and ")]
    if not kept or len(kept) == len(value.options):
        return None
    if len(kept) == 1:
        return kept[0][0]
    return Either(tuple(o for o, _ in kept), conditions=tuple(c for _, c in kept))


class Narrowed:
    """The names an ``if`` narrowed, with what they held before it and in each branch."""

    def __init__(self, texts: tuple[str, str]) -> None:
        self.texts = texts
        self.names: dict[str, tuple[object, Value, Value]] = {}


def narrow_models(test: ast.expr, frame: Frame, env: Env, body_env: Env, else_env: Env) -> Narrowed | None:
    """In each branch of ``if <test>:``, the options of a model choice that the branch's outcome of the
    test allows. None when the test narrows no choice."""
    held: dict[str, object] = {n: v for n, v in env.items() if isinstance(v, Either) and v.conditions}
    glob = frame.module.globals
    if frame.func is not None and glob is not None and glob is not env:
        for n, v in glob.items():
            if n not in env and isinstance(v, Either) and v.conditions:
                held[n] = _GLOBAL
    if not held:
        return None  # asked before the test's text: unparsing it twice at every `if` cost more than the rest
    texts = branch_conditions(test)
    if texts is None:
        return None
    narrowed = Narrowed(texts)
    for name, prior in held.items():
        choice = env[name] if prior is not _GLOBAL else glob[name]  # type: ignore[index]
        assert isinstance(choice, Either)
        body, other = _allowed(choice, texts[1]), _allowed(choice, texts[0])
        if body is None and other is None:
            continue
        body_env[name] = body if body is not None else choice
        else_env[name] = other if other is not None else choice
        narrowed.names[name] = (prior, body_env[name], else_env[name])
    return narrowed if narrowed.names else None


def rejoin(narrowed: Narrowed, body_env: Env, else_env: Env, joined: Env) -> None:
    """After the ``if``: a narrowed name neither branch rebound holds the whole choice again, and a
    tensor each branch bound with a different known activation keeps each with its condition."""
    for name, (prior, body, other) in narrowed.names.items():
        if body_env.get(name) is not body or else_env.get(name) is not other:
            continue  # a branch bound the name anew
        if prior is _GLOBAL:
            joined.pop(name, None)
        else:
            joined[name] = prior  # type: ignore[assignment]
    then, orelse = narrowed.texts
    for name, value in joined.items():
        first, second = body_env.get(name), else_env.get(name)
        if not isinstance(value, Tensor) or not isinstance(first, Tensor) or not isinstance(second, Tensor):
            continue
        if first.act is None or second.act is None or first.act == second.act:
            continue
        joined[name] = replace(value, per_option=((then, first), (orelse, second)))
