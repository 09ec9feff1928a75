"""A model chosen by a configuration test, resolved where the code tests the same setting again.

Issue 8 round 3 (realcode_dev2, PointNet): research scripts pick the model from a setting and
branch on the same setting where they call it::

    model = OtherNet() if args.model_name == "pointnet2" else PointNet()
    ...
    if args.model_name == "pointnet":
        labels_pred, seg_pred, feat = model(points)

When one option is unknown (imported from a file that is not checked), the two options have
nothing in common and the model is lost. :class:`GuardedChoice` keeps both options with the test;
inside ``if <same setting> == <literal>:`` (or its ``else``) the choice is resolved when the two
literals decide the first test. Everywhere else it is unknown, as before.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from lossguard.static.interp.base import InterpBase
from lossguard.static.interp.frame import Env, Frame, is_self
from lossguard.static.values import MODEL_VALUES, UNKNOWN, Const, MaybeNone, Value, join


@dataclass(frozen=True)
class GuardedChoice(Value):
    """``then if <subject> == literal else orelse`` (``!=`` swaps the options), kept unresolved."""

    subject: str  # ast.dump of the tested expression
    literal: object
    then: Value
    orelse: Value


def _literal_test(test: ast.expr) -> tuple[str, object, bool] | None:
    """``x == "a"`` / ``x != "a"`` with a literal str/int on one side: (subject, literal, equal)."""
    if not isinstance(test, ast.Compare) or len(test.ops) != 1 or not isinstance(test.ops[0], (ast.Eq, ast.NotEq)):
        return None
    left, right = test.left, test.comparators[0]
    if isinstance(left, ast.Constant) and not isinstance(right, ast.Constant):
        left, right = right, left
    if not isinstance(right, ast.Constant) or isinstance(right.value, bool) or not isinstance(right.value, (str, int)):
        return None
    if not isinstance(left, (ast.Name, ast.Attribute, ast.Subscript)):
        return None
    return ast.dump(left), right.value, isinstance(test.ops[0], ast.Eq)


def _none_test(test: ast.expr) -> tuple[ast.expr, bool] | None:
    """``x is not None`` / ``x`` (true when x is not None) and ``x is None`` / ``not x`` (false
    then): (x, whether the body is the branch where x is not None)."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        inner = _none_test(test.operand)
        return (inner[0], not inner[1]) if inner is not None and not isinstance(test.operand, ast.Compare) else None
    if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.comparators[0], ast.Constant) and test.comparators[0].value is None:
        if isinstance(test.ops[0], (ast.Is, ast.IsNot)):
            return test.left, isinstance(test.ops[0], ast.IsNot)
        return None
    if isinstance(test, (ast.Name, ast.Attribute)):
        return test, True
    return None


def _literals(node: ast.expr) -> tuple[object, ...] | None:
    """The values of a str/int literal, or of a tuple/list/set display of them."""
    elts = node.elts if isinstance(node, (ast.Tuple, ast.List, ast.Set)) else [node]
    if not all(isinstance(e, ast.Constant) and not isinstance(e.value, bool) and isinstance(e.value, (str, int)) for e in elts):
        return None
    return tuple(e.value for e in elts)  # type: ignore[attr-defined]


class GuardsMixin(InterpBase):
    """Model choices guarded by a literal test of a setting."""

    @staticmethod
    def decided_test(test: ast.expr, frame: Frame, env: Env) -> bool | None:
        """The outcome of ``if <param> == "lit":`` (``!=``, ``in (...)``, ``not in``) in a body
        analysed for a known call, where the parameter holds a known str/int: a factory by name
        (``get_model("mlp")`` with ``if name == "mlp": return MLP() elif ...``). None when not
        decided: a body analysed on its own (its parameters hold their defaults, its callers are
        unknown), a global or attribute (set elsewhere at run time), an unknown value."""
        if not frame.called or frame.func is None or not isinstance(test, ast.Compare) or len(test.ops) != 1:
            return None
        left, op = test.left, test.ops[0]
        if not isinstance(left, ast.Name) or not isinstance(op, (ast.Eq, ast.NotEq, ast.In, ast.NotIn)):
            return None
        params = frame.func.args
        if left.id not in {p.arg for p in (*params.posonlyargs, *params.args, *params.kwonlyargs)}:
            return None
        held = env.get(left.id)
        if not isinstance(held, Const) or isinstance(held.value, bool) or not isinstance(held.value, (str, int)):
            return None
        comparator = test.comparators[0]
        literals = _literals(comparator)
        if literals is None or isinstance(op, (ast.Eq, ast.NotEq)) != isinstance(comparator, ast.Constant):
            return None  # `==` against one literal, `in` against a display of them
        found = held.value in literals
        return found if isinstance(op, (ast.Eq, ast.In)) else not found

    @staticmethod
    def guarded_choice(test: ast.expr, then: Value, orelse: Value) -> Value:
        """The value of ``then if test else orelse`` when plain joining would lose a model."""
        joined = join(then, orelse)
        if joined is not UNKNOWN or not (isinstance(then, MODEL_VALUES) or isinstance(orelse, MODEL_VALUES)):
            return joined
        parsed = _literal_test(test)
        if parsed is None:
            return joined
        subject, literal, equal = parsed
        return GuardedChoice(subject, literal, then, orelse) if equal else GuardedChoice(subject, literal, orelse, then)

    @staticmethod
    def refine_guarded(test: ast.expr, body_env: Env, else_env: Env) -> None:
        """In ``if <subject> == literal:`` resolve the guarded choices over the same subject whose
        outcome the branch decides (different literals: the first test was false)."""
        parsed = _literal_test(test)
        if parsed is None:
            return
        subject, literal, equal = parsed
        for name, value in list(body_env.items()):
            if not isinstance(value, GuardedChoice) or value.subject != subject:
                continue
            same = value.literal == literal
            # in the branch where `subject == literal` holds (body of ==, else of !=)
            holds_env, fails_env = (body_env, else_env) if equal else (else_env, body_env)
            holds_env[name] = value.then if same else value.orelse
            if same:
                fails_env[name] = value.orelse  # subject != literal: the first test was false too

    def refine_none(self, test: ast.expr, frame: Frame, env: Env, body_env: Env, else_env: Env) -> None:
        """In ``if self.adv_loss is not None:`` (or ``if criterion:``) an optional loss is the loss."""
        parsed = _none_test(test)
        if parsed is None:
            return
        subject, body_not_none = parsed
        if isinstance(subject, ast.Name):
            key = subject.id
        elif isinstance(subject, ast.Attribute) and is_self(subject.value, frame):
            key = "self." + subject.attr
        else:
            return
        held = self.ev(subject, frame, env)
        if isinstance(held, MaybeNone):
            (body_env if body_not_none else else_env)[key] = held.value
