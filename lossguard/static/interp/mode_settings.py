"""An object's mode, set at its construction, picks among branches meant for other data.

Round 32 (bonlime/pytorch-tools, a false alarm left by fixhist20 and the lead in session 20). The
library's ``CrossEntropyLoss(mode="multiclass", ...)`` keeps ``self.mode = Mode(mode)`` and its
``forward`` runs ``if self.mode == Mode.BINARY:`` with ``F.binary_cross_entropy_with_logits`` before the
multi-class code. The test ``CrossEntropyLoss(smoothing=0.1)(INP, TARGET)`` builds the multi-class
loss and gives it integer class indices. The interpreter decided the test for that object (construction
alone set the attribute) and dropped what the binary branch returns, but still judged that branch's
loss calls with the call's values: LG004 and LG005 for class indices in a BCE no such object runs.

Two parts:

* **The branch a mode never takes is another object's.** ``if self.<attr> == <literal>:`` (``!=``,
  ``in``, ``not in``; the literal a string, a number or an ``Enum`` member) decided for the object the
  call runs on (``settings.decided_setting``) runs its untaken branch with its events dropped, as a
  literal flag of a call does (``guards.decided_flag``). An equality test against named options picks
  among code paths for different data (binary or multi-class targets, a clipped or a KL policy term),
  so this call's values say nothing about that path. A truth test (``if self.amp:``) is not a mode: an
  option switched on for the same data, whose branch is still judged with this object's values
  (frgfm/holocron's trainer, realcode_heldout21, round 29's rule).
* **Members of a project's ``Enum``.** ``Mode("binary")`` (a string or number literal, or a parameter
  holding one) is the member of the class whose body assigns that literal, and ``Mode.BINARY`` the
  member that name assigns; both are :class:`EnumMember` literals, equal only to the same member of the
  same class. A class with a mixin base (``class Mode(str, Enum)``, ``StrEnum``, ``IntEnum``), where a
  member also equals its raw value, or whose body assigns anything but literals (``auto()``), is not
  read; a value no member has (``Mode("other")`` raises) stays unknown.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Any

from lossguard.static.interp.frame import Frame, is_self
from lossguard.static.values import ClassRef, Const, QualName, Value

#: ``enum`` bases a plain enumeration derives from (members equal only themselves)
_PLAIN_ENUMS = frozenset({"enum.Enum"})
#: equality and membership tests: a choice among named options
_MODE_OPS = (ast.Eq, ast.NotEq, ast.In, ast.NotIn)


@dataclass(frozen=True)
class EnumMember:
    """One member of a project's ``Enum`` class (the class by its node's id, the member by its value)."""

    owner: int
    value: object


def mode_test(test: ast.expr, frame: Frame) -> bool:
    """``self.<attr> == <literal or Enum member>`` (``!=``, ``in``, ``not in``), either side."""
    if not isinstance(test, ast.Compare) or len(test.ops) != 1 or not isinstance(test.ops[0], _MODE_OPS):
        return False
    sides = (test.left, test.comparators[0])
    return any(isinstance(s, ast.Attribute) and is_self(s.value, frame) for s in sides) and any(
        isinstance(s, (ast.Constant, ast.Tuple, ast.List, ast.Set)) or isinstance(s, ast.Attribute) and not is_self(s.value, frame) for s in sides
    )


def _members(interp: Any, cls: ClassRef) -> dict[str, object] | None:
    """Member name -> value of a plain ``Enum`` subclass whose body assigns only literals, else None."""
    bases = interp._bases(cls)[1:]
    if len(bases) != 1 or not (isinstance(bases[0], QualName) and bases[0].name in _PLAIN_ENUMS):
        return None
    members: dict[str, object] = {}
    for stmt in cls.node.body:
        if isinstance(stmt, ast.Assign):
            if len(stmt.targets) != 1 or not isinstance(stmt.targets[0], ast.Name) or not isinstance(stmt.value, ast.Constant):
                return None
            members[stmt.targets[0].id] = stmt.value.value
        elif isinstance(stmt, (ast.AnnAssign, ast.AugAssign)):
            return None
    return members or None


def enum_call(interp: Any, cls: ClassRef, pos: list[Value], kw: dict[str, Value], starred: bool) -> Value | None:
    """``Mode("binary")``: the member whose value the one literal argument is; None when ``cls`` is not a
    plain ``Enum`` read here or the value is not a member's."""
    if starred or kw or len(pos) != 1 or not isinstance(pos[0], Const):
        return None
    members = _members(interp, cls)
    if members is None:
        return None
    given = pos[0].value
    if isinstance(given, EnumMember):
        return pos[0] if given.owner == id(cls.node) else None
    if not isinstance(given, (str, int)) or isinstance(given, bool):
        return None
    if not any(type(v) is type(given) and v == given for v in members.values()):
        return None
    return Const(EnumMember(id(cls.node), given))


def enum_attribute(interp: Any, cls: ClassRef, attr: str) -> Value | None:
    """``Mode.BINARY``: that member; None when ``cls`` is not a plain ``Enum`` read here or has no such member."""
    members = _members(interp, cls)
    if members is None or attr not in members:
        return None
    return Const(EnumMember(id(cls.node), members[attr]))
