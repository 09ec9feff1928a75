"""Functions chosen together: one ``if`` that binds several functions or criteria on each side.

TextSGC writes ``if not binary: act = partial(F.log_softmax, dim=1); criterion = F.nll_loss``
``else: act = torch.sigmoid; criterion = F.binary_cross_entropy`` and then ``criterion(act(out), y)``.
Joined name by name, ``act`` and ``criterion`` are each "one of two", and their pairing is lost:
the join would also pair ``log_softmax`` with BCE, so every rule stays silent. The ``if`` is kept
as a :class:`Choice` instead, and a statement that reads two or more of its names (still holding
the joined values) runs once per side with each side's values, then the sides' environments are
joined. Each run is a path the program takes; only the pairings it never makes are left out.

Only functions and criteria are kept this way (models, tensors and other values join as before):
a rule that stays silent on a join of tensors or models from different branches still does.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from lossguard.static.interp.base import InterpBase
from lossguard.static.interp.frame import Env, Frame, LambdaRef, join_envs, replace_env
from lossguard.static.values import BoundMethod, FunctionRef, Layer, LossSpec, Partial, QualName, Value

#: values that are functions or criteria: the aliases a choice binds
CALLABLES = (QualName, Partial, FunctionRef, BoundMethod, LambdaRef, LossSpec, Layer)
#: statements run once per side of a choice they read
SIMPLE = (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Expr, ast.Return)


@dataclass(frozen=True, eq=False)
class Choice:
    """The functions one ``if`` binds: their names, each side's values, and the joined values."""

    names: tuple[str, ...]
    sides: tuple[tuple[Value, ...], ...]
    joined: tuple[Value, ...]


def make_choice(sides: list[Env], joined: Env) -> Choice | None:
    """The names bound to different functions on the two sides of an ``if``, if there are two or more."""
    first, second = sides
    names = tuple(
        k
        for k in first
        if k in second
        and first[k] != second[k]
        and isinstance(first[k], CALLABLES)
        and isinstance(second[k], CALLABLES)
        and joined.get(k) not in (first[k], second[k])
    )
    if len(names) < 2:
        return None
    return Choice(names, tuple(tuple(side[k] for k in names) for side in sides), tuple(joined[k] for k in names))


class ChoicesMixin(InterpBase):
    """Runs a statement once per side of a choice it reads."""

    def raw_name(self, name: str, frame: Frame, env: Env) -> Value | None:
        """What ``name`` is bound to here or in the enclosing function, unresolved."""
        if name in env:
            return env[name]
        if frame.func is not None:
            closure = self._closures.get(id(frame.func))
            if closure is not None:
                return closure.get(name)
        return None

    def exec_per_choice(self, stmt: ast.stmt, frame: Frame, env: Env) -> bool | None:
        """Run ``stmt`` once per side of the first choice it reads two names of; None when it reads none."""
        read = self._names_read.get(id(stmt))
        if read is None:
            read = self._names_read[id(stmt)] = frozenset(n.id for n in ast.walk(stmt) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load))
        for choice in frame.choices:
            used = [i for i, name in enumerate(choice.names) if name in read and self.raw_name(name, frame, env) == choice.joined[i]]
            if len(used) < 2:
                continue
            outer = frame.choices
            frame.choices = tuple(c for c in outer if c is not choice)
            envs: list[Env] = []
            ended = False
            try:
                for side in choice.sides:
                    side_env = dict(env)
                    for i in used:
                        side_env[choice.names[i]] = side[i]
                    ended = self.exec_stmt(stmt, frame, side_env)
                    for i in used:
                        # a name of the enclosing function stays there unless the statement bound it
                        name = choice.names[i]
                        if name not in env and side_env.get(name) is side[i]:
                            del side_env[name]
                    envs.append(side_env)
            finally:
                frame.choices = outer
            replace_env(env, join_envs(envs))
            return ended
        return None
