"""Settings an object keeps from its construction, deciding the tests its methods make of them.

Round 17 (thaw-slump's ``SoftBCEWithLogitsLoss``): a loss module stores ``self.smooth_factor =
smooth_factor`` in ``__init__`` (default ``None``) and its ``forward`` starts with ``if
self.smooth_factor is not None:``. Built in the checked code as ``SoftBCEWithLogitsLoss(mode=...)``,
the instance holds ``None`` there, so a call of that instance never takes the branch; joining it
with the branch it takes loses the target's dtype. A test of ``self.<attr>`` in a method run on a
known instance is decided when the attribute holds a literal (a number, a string, ``True``/``False``,
``None``) that only construction assigned: no method of the class or its bases other than
``__init__`` (and the helpers only it calls) assigns it, and no file loaded so far stores it on
another object (``crit.smooth_factor = 0.1``) or names it in ``setattr``. An instance the checker
built from defaults to analyse a class alone decides nothing.

Round 24 (pytorchvideo's ``ResNetBasicHead``, whose ``forward`` applies ``self.activation`` under ``if
self.activation is not None:``): under the same conditions, an attribute that holds a module the code
built (a torch layer or loss, an ``nn.Sequential`` of layers, an instance of a class of the checked code)
is not ``None``, and a torch layer or loss, or a non-empty ``nn.Sequential``, is true: the test is
decided as the call of that module in the branch already assumes.
"""

from __future__ import annotations

import ast
import operator
import re
from collections.abc import Callable

from lossguard.static.bool_outcomes import joined_outcome
from lossguard.static.interp.alone_instances import built_bare
from lossguard.static.interp.base import InterpBase
from lossguard.static.interp.class_settings import class_setting
from lossguard.static.interp.criterion_isinstance import isinstance_parts
from lossguard.static.interp.frame import Env, Frame, is_self
from lossguard.static.interp.image_transforms import ImageTransform
from lossguard.static.interp.mode_settings import EnumMember
from lossguard.static.values import ClassRef, Const, Either, Instance, Layer, LossSpec, PretrainedModel, SequentialVal, Value

#: literal types a setting may hold to decide a test
_LITERALS = (type(None), bool, int, float, str, EnumMember)
#: modules the code built: an attribute holding one is not None (a user class may define ``__len__``); (round 28)
#: a torchvision image pipeline a dataset keeps as ``self.transform``
_OBJECTS = (Layer, LossSpec, SequentialVal, PretrainedModel, Instance, ImageTransform)
#: modules that are always true (torch layers and losses define no ``__len__``; a Sequential of layers has some;
#: torchvision's transforms and ``Compose`` define neither ``__len__`` nor ``__bool__``)
_TRUE = (Layer, LossSpec, ImageTransform)
#: the orders a number held is compared with a number by (``if net.n_classes > 1:``)
_ORDERS = {ast.Gt: operator.gt, ast.GtE: operator.ge, ast.Lt: operator.lt, ast.LtE: operator.le}


#: library classes of configuration objects (attribute bags): a store into one is no store into a model
_CONFIG_CONTAINERS = r"(?:ConfigDict|FrozenConfigDict|EasyDict|edict|AttrDict|SimpleNamespace|Namespace|CfgNode|DictConfig)"


def _not_into_a_config_object(match: re.Match[str], source: str) -> bool:
    """A store ``<name>.<attr> = ...`` counts unless the file binds ``<name>`` only to a configuration
    object of a library (``config = ml_collections.ConfigDict()``, ``args = argparse.Namespace()``; round 27,
    UCTransNet's ``config.n_classes = 1`` beside a model's own ``self.n_classes``): that object is no model.
    A name bound to anything else anywhere in the file, a parameter of that name, or a ``setattr``, counts."""
    receiver = match.group(1)
    if not receiver:
        return True
    word = re.escape(receiver)
    bindings = re.findall(rf"(?m)^[ \t]*{word}[ \t]*=[ \t]*([^\n]*)", source)
    if not bindings or not all(re.match(rf"(?:[\w.]+\.)?{_CONFIG_CONTAINERS}\(", b) for b in bindings):
        return True
    # the name is a parameter somewhere (`def f(config):`, `lambda config:`): it may hold anything there
    return re.search(rf"(?:def \w+\(|lambda\b|,)[^\n:]*\b{word}\b[ \t]*(?:[:=,)][^\n]*)?$", source, re.M) is not None


class SettingsMixin(InterpBase):
    """Tests of ``self.<attr>`` decided by what construction stored."""

    def _constructed_self(self, frame: Frame, test: ast.expr | None = None) -> bool:
        """The call's ``self`` is an object a construction in the analysed code built, reached through a call
        of the analysed code (not the default instance of a method analysed alone). With ``test``: and every
        ``self.<attr>`` the test reads holds another value than the class's defaults give it (the construction
        wrote it: `SoftBCE(from_logits=False)`); a setting left at its default (`amp=False` never passed) still
        lets the branch it skips be judged with this object's other values."""
        inst = frame.self_value
        if frame.callsite is None or not isinstance(inst, Instance):
            return False
        default = self._default_instances.get(id(inst.cls.node))
        if inst is default:
            return False
        if test is None:
            return True
        if built_bare(self, inst):
            return False  # `Loss()`: every setting is the class's default (interp.alone_instances)
        default = default if default is not None else self._default_instance(inst.cls)
        read = [n.attr for n in ast.walk(test) if isinstance(n, ast.Attribute) and is_self(n.value, frame)]
        return bool(read) and all(a in inst.attrs and (a not in default.attrs or inst.attrs[a] != default.attrs[a]) for a in read)

    def decided_setting(self, test: ast.expr, frame: Frame, env: Env | None = None) -> bool | None:
        """The outcome of ``if self.<attr> is not None:`` (``is None``, ``==``/``!=``/``in`` a
        literal, an order against a number, the attribute's truth, ``not``, ``and``/``or`` of them)
        for this call, or None. With ``env``, also of ``<name>.<attr>`` where the name holds a model
        the code built (or one of several, all holding the same literal there): ``if net.n_classes > 1:``."""
        if not frame.called:
            # a function analysed with no caller (a test, a script's function) that builds the object and calls it
            # (`SoftBCE(from_logits=False)(x, y)`): the object's own settings are this construction's, whatever
            # else of the call is unknown; the default instance made for a method analysed alone is no construction
            if not self._constructed_self(frame):
                return None
            env = None
        if not isinstance(frame.self_value, Instance) and env is None:
            return None
        if isinstance(test, ast.BoolOp):
            return joined_outcome(test.op, [self.decided_setting(v, frame, env) for v in test.values])
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            inner = self.decided_setting(test.operand, frame, env)
            return None if inner is None else not inner
        if isinstance(test, ast.Attribute):
            held = self._setting(test, frame, env)
            if held is None:
                module = self._built_module(test, frame)
                return True if isinstance(module, _TRUE) or isinstance(module, SequentialVal) and module.layers else None
            return bool(held.value)
        if _container_isinstance(test):
            # `isinstance(self.converter, list)` where construction alone stored a module there: a module is no list
            # (round 31, quic/sense's `Pipe.forward`, which returns a list of outputs for a list of converters)
            return False if self._built_module(test.args[0], frame) is not None else None  # type: ignore[attr-defined]
        if not isinstance(test, ast.Compare) or len(test.ops) != 1:
            return None
        left, op, right = test.left, test.ops[0], test.comparators[0]
        if isinstance(op, (ast.Eq, ast.NotEq)) and (pair := _enum_pair(left, right, frame)) is not None:
            # `self.mode == Mode.BINARY` (interp.mode_settings): a member only equals itself
            held = self._setting(pair[0], frame, env)
            member = self.ev(pair[1], frame, env if env is not None else frame.module.globals or {})
            if held is None or not isinstance(held.value, EnumMember) or not isinstance(member, Const) or not isinstance(member.value, EnumMember):
                return None
            return (held.value == member.value) == isinstance(op, ast.Eq)
        if isinstance(left, ast.Constant):
            left, right = right, left
        if not isinstance(right, ast.Constant) or isinstance(right.value, bool) and not isinstance(op, (ast.Is, ast.IsNot)):
            return None
        held = self._setting(left, frame, env)
        if held is None:
            if isinstance(op, (ast.Is, ast.IsNot)) and right.value is None and self._built_module(left, frame) is not None:
                return isinstance(op, ast.IsNot)  # `if self.activation is not None:` with a layer stored
            return None
        order = _ORDERS.get(type(op))
        if order is not None:
            number, bound = held.value, right.value
            return (
                bool(order(number, bound))
                if isinstance(number, (int, float)) and isinstance(bound, (int, float)) and bool not in (type(number), type(bound))
                else None
            )
        if isinstance(op, (ast.Is, ast.IsNot)):
            if right.value is not None:
                return None
            return (held.value is None) == isinstance(op, ast.Is)
        if isinstance(op, (ast.Eq, ast.NotEq)) and type(held.value) in (str, int, type(None)) and type(right.value) in (str, int):
            return (held.value == right.value) == isinstance(op, ast.Eq)
        return None

    def _setting(self, node: ast.expr, frame: Frame, env: Env | None = None) -> Const | None:
        """What ``self.<attr>`` (or ``<name>.<attr>``, with ``env``) holds, when construction alone
        set it to a literal (the same one in each model of a choice)."""
        if not isinstance(node, ast.Attribute):
            return None
        if is_self(node.value, frame) and isinstance(frame.self_value, Instance):
            return self._kept(frame.self_value, node.attr)
        if env is None or not isinstance(node.value, ast.Name):
            return None
        held = self.ev(node.value, frame, env)
        if isinstance(held, ClassRef):
            return class_setting(self, held, node.attr)  # `if CFG.loss == "ce":` (interp.class_settings)
        options = held.options if isinstance(held, Either) else (held,)
        if not all(isinstance(o, Instance) for o in options):
            return None
        kept = [self._kept(o, node.attr) for o in options]  # type: ignore[arg-type]
        first = kept[0]
        return first if first is not None and all(k == first for k in kept) else None

    def _built_module(self, node: ast.expr, frame: Frame) -> Value | None:
        """The module ``self.<attr>`` holds, when construction alone stored one (see :meth:`_kept`)."""
        if not isinstance(node, ast.Attribute) or not is_self(node.value, frame) or not isinstance(frame.self_value, Instance):
            return None
        held = frame.self_value.attrs.get(node.attr)
        if not isinstance(held, _OBJECTS) or not self._only_constructed(frame.self_value, node.attr):
            return None
        return held

    def _kept(self, inst: Instance, attr: str) -> Const | None:
        """What ``inst.<attr>`` holds, when construction alone set it to a literal."""
        held = inst.attrs.get(attr)
        if not isinstance(held, Const) or type(held.value) not in _LITERALS:
            return None
        return held if self._only_constructed(inst, attr) else None

    def _only_constructed(self, inst: Instance, attr: str) -> bool:
        """Whether construction alone set ``inst.<attr>``, on an instance the code built."""
        if self._default_instances.get(id(inst.cls.node)) is inst:
            return False  # the class analysed alone: its defaults, not a construction the code makes
        for base in self._bases(inst.cls):
            if isinstance(base, ClassRef) and attr in self._volatile(base):
                return False
        return not self._stored_elsewhere(attr)

    def _stored_elsewhere(self, attr: str) -> bool:
        """Whether a loaded file stores ``attr`` on an object other than ``self`` or names it in
        ``setattr`` (read from the source text: function bodies may not be parsed yet). The dot and the
        name stand on one line: a sentence's full stop in a comment followed by a keyword argument on the
        next line (``# Activation configs.`` then ``activation=activation,``) is no store."""
        name = re.escape(attr)
        return self.loaded_text_has(
            attr,
            attr,
            lambda: re.compile(rf"(?:\b(\w+)[ \t]*)?(?<!\bself)\.[ \t]*{name}[ \t]*[-+*/|&]?=(?!=)|setattr\([^)\n]*\b{name}\b"),
            keep=_not_into_a_config_object,
        )

    def loaded_text_has(
        self, key: str, word: str, make: Callable[[], re.Pattern[str]], keep: Callable[[re.Match[str], str], bool] | None = None
    ) -> bool:
        """Whether the source text of a loaded file that contains ``word`` matches the pattern
        ``make`` builds (a match that ``keep``, when given, accepts), cached under ``key``. Each file is
        read once per key, as files are loaded."""
        cached = self._stored_attrs.get(key)
        if cached is None:
            cached = self._stored_attrs[key] = (make(), set(), [False])
        pattern, read, found = cached
        if found[0]:
            return True
        for info in self.project.loaded():
            if id(info) in read:
                continue
            read.add(id(info))
            if word in info.source and any(keep is None or keep(m, info.source) for m in pattern.finditer(info.source)):
                found[0] = True
                return True
        return False


_CONTAINERS = frozenset({"list", "tuple", "dict", "set"})


def _container_isinstance(test: ast.expr) -> bool:
    """``isinstance(<x>, list)`` (``tuple``, ``dict``, ``set``, or a tuple of them): a test of a builtin container."""
    parts = isinstance_parts(test)
    if parts is None:
        return False
    cls = parts[1]
    names = cls.elts if isinstance(cls, ast.Tuple) else [cls]
    return all(isinstance(n, ast.Name) and n.id in _CONTAINERS for n in names)


def _enum_pair(left: ast.expr, right: ast.expr, frame: Frame) -> tuple[ast.Attribute, ast.Attribute] | None:
    """``(self.mode, Mode.BINARY)`` for ``self.mode == Mode.BINARY`` (either side): an attribute of the
    call's ``self`` against a name's attribute, which a project's ``Enum`` member may be."""
    for setting, member in ((left, right), (right, left)):
        if (
            isinstance(setting, ast.Attribute)
            and is_self(setting.value, frame)
            and isinstance(member, ast.Attribute)
            and isinstance(member.value, ast.Name)
            and not is_self(member.value, frame)
        ):
            return setting, member
    return None
