"""Python expressions: names, attributes, literals, operators, subscripts, comprehensions."""

from __future__ import annotations

import ast
import functools
from collections.abc import Callable

from lossguard.static import torch_api as api
from lossguard.static.interp.autograd_functions import autograd_apply
from lossguard.static.interp.base import InterpBase
from lossguard.static.interp.choice_attributes import options_having
from lossguard.static.interp.class_settings import class_setting
from lossguard.static.interp.distributions import CategoricalDist, distribution_attribute
from lossguard.static.interp.frame import (
    Closure,
    Env,
    Frame,
    LambdaRef,
    SuperRef,
    events_dropped,
    has_decorator,
    is_self,
    is_static,
)
from lossguard.static.interp.generators import yielded
from lossguard.static.interp.hf_models import output_field, output_item
from lossguard.static.interp.keyed_comprehensions import keyed_items
from lossguard.static.interp.keyed_criteria import keyed_choice
from lossguard.static.interp.keyed_models import keyed_classes
from lossguard.static.interp.later_bindings import built_once_later
from lossguard.static.interp.list_items import any_item
from lossguard.static.interp.loss_subclasses import parent_loss_call, parent_loss_init
from lossguard.static.interp.mode_settings import enum_attribute
from lossguard.static.interp.name_tables import name_table
from lossguard.static.interp.numbered_dicts import numbered_item, numbered_literal
from lossguard.static.interp.python_numbers import nest_item, shape_value
from lossguard.static.interp.sequential_subclasses import sequential_forward, sequential_init
from lossguard.static.interp.sibling_stores import ClassStores, handed, stored_by_sibling
from lossguard.static.interp.tabular import table_attribute, table_item
from lossguard.static.interp.unbuilt_models import pasted_forward, unbuilt_model_class
from lossguard.static.project import canonical
from lossguard.static.tensor_ops import binop, index_shape, legacy_flag, numbers_of, repeat_list
from lossguard.static.values import (
    INT,
    UNKNOWN,
    Act,
    BoundMethod,
    ClassRef,
    Const,
    DatasetRows,
    DictVal,
    Dtype,
    Either,
    External,
    FunctionRef,
    HeadedList,
    HFOutput,
    Instance,
    IntVal,
    KeyedItems,
    Layer,
    ListOf,
    LossSpec,
    ModuleRef,
    NumberedDict,
    NumberNest,
    Packed,
    QualName,
    SequentialVal,
    Tensor,
    TupleVal,
    Unknown,
    Value,
    int_const,
    join,
    range_marks,
)

# The names torch's modules go by in nearly all code, taken at their word where the file binds them
# nowhere (``torch`` itself is taken so even when it is bound later).
CONVENTIONAL_ALIASES = {"nn": "torch.nn", "F": "torch.nn.functional", "optim": "torch.optim"}


class ExpressionsMixin(InterpBase):
    """The value of each expression."""

    # ------------------------------------------------------------------ expressions
    def lookup(self, name: str, frame: Frame, env: Env) -> Value:
        if name in env:
            return self.resolve(env[name])
        if frame.func is not None:
            closure = self._closures.get(id(frame.func))
            if closure is not None and name in closure:
                return self.resolve(closure[name])
        glob = frame.module.globals
        if glob is not None and glob is not env and name in glob:
            return self.resolve(glob[name])
        if frame.func is None and (later := self._built_later(name, frame, env)) is not None:
            return later  # `loss = criterion(...)` above `criterion = nn.CrossEntropyLoss()` (a later post or cell)
        if name in ("True", "False", "None"):
            return Const({"True": True, "False": False, "None": None}[name])
        for star in frame.module.star_imports:
            if star.startswith("torch"):
                return QualName(canonical(f"{star}.{name}"))
        if name == "torch":
            # never bound here, so read at run time from what imported it for this code (a notebook
            # cell, a star import of another library): the torch module, as its calls say
            return QualName("torch")
        alias = CONVENTIONAL_ALIASES.get(name)
        if alias is not None and not frame.module.binds_at_top(name):
            # code posted without its imports (an issue thread, a notebook's later cell): `nn`, `F`
            # and `optim` bound nowhere in the file are torch's, as everywhere they are written
            return QualName(alias)
        return self._unbuilt_model(name, frame)

    def _unbuilt_model(self, name: str, frame: Frame) -> Value:
        """A default-built instance of the snippet's one model class, for a model name the module
        never binds (interp.unbuilt_models); unknown otherwise."""
        key = (id(frame.module.module), name)
        found = self._unbuilt_models.get(key)
        if found is None:
            found = UNKNOWN
            cls_node = unbuilt_model_class(frame.module, name)
            glob = frame.module.globals
            ref = glob.get(cls_node.name) if cls_node is not None and glob is not None else None
            if isinstance(ref, ClassRef) and ref.node is cls_node and self._is_nn_module(ref):
                found = self._default_instance(ref)
            elif cls_node is None and (forward := pasted_forward(frame.module, name)) is not None:
                fn = glob.get("forward") if glob is not None else None
                if isinstance(fn, FunctionRef) and fn.node is forward:
                    found = BoundMethod(fn, UNKNOWN)  # a `forward` pasted without its class: `self` unknown
            self._unbuilt_models[key] = found
        return found

    def _built_later(self, name: str, frame: Frame, env: Env) -> Value | None:
        """The torch loss the module builds once, later, under ``name`` (interp.later_bindings);
        its constructor's events are reported where it is written, not here."""
        call = built_once_later(frame.module, name)
        if call is None or not isinstance(call.func, (ast.Name, ast.Attribute)) or id(call) in self._later_reads:
            return None
        self._later_reads.add(id(call))  # `x = x()`: the read inside the call is the unbound name again
        try:
            with events_dropped(self):
                built = self.ev(call.func, frame, env)
                if not isinstance(built, QualName) or built.name not in api.LOSS_CLASSES:
                    return None  # only a torch loss: evaluating anything else here would run it out of order
                value = self.ev(call, frame, env)
        finally:
            self._later_reads.discard(id(call))
        return value if isinstance(value, LossSpec) else None

    def _sibling_value(self, name: str, attr: str, frame: Frame) -> tuple[ast.expr, list[ast.ImportFrom]] | None:
        if frame.owner is None or frame.func is None or not handed(frame.func, name):
            return None
        cls = frame.owner.node
        stores = self._class_stores.get(id(cls))
        if stores is None:
            stores = self._class_stores[id(cls)] = ClassStores(cls)
        key = (id(cls), id(frame.func), name, attr)
        if key not in self._sibling_stores:
            self._sibling_stores[key] = stored_by_sibling(stores, frame.func, name, attr)
        return self._sibling_stores[key]

    def _reads_sibling_store(self, node: ast.Attribute, frame: Frame, env: Env) -> bool:
        """``<param>.<attr>`` of an unknown parameter that another method of the class stores a model
        in (so a call of it is the model's call, read through :meth:`ev`)."""
        return (
            isinstance(node.value, ast.Name)
            and self._sibling_value(node.value.id, node.attr, frame) is not None
            and isinstance(self.ev(node.value, frame, env), Unknown)
        )

    def _sibling_store(self, name: str, attr: str, frame: Frame, env: Env) -> Value | None:
        """The model another method of the reader's class stores as ``<name>.<attr>`` on a parameter
        both methods take (interp.sibling_stores); its constructor's events are reported there."""
        found = self._sibling_value(name, attr, frame)
        if found is None or id(found[0]) in self._later_reads:
            return None
        value, imports = found
        self._later_reads.add(id(value))
        try:
            with events_dropped(self):
                if imports:
                    env = dict(env)
                    for stmt in imports:
                        self._exec_import_from(stmt, frame, env)
                built = self.ev(value, frame, env)
        finally:
            self._later_reads.discard(id(value))
        if isinstance(built, Instance) and self._is_nn_module(built.cls):
            return built
        return built if isinstance(built, (Layer, SequentialVal)) else None

    def ev(self, node: ast.expr | None, frame: Frame, env: Env) -> Value:
        if node is None:
            return UNKNOWN
        if isinstance(node, ast.Name):
            return self.lookup(node.id, frame, env)
        if isinstance(node, ast.Call):
            return self.ev_call(node, frame, env)
        if isinstance(node, ast.Attribute):
            if is_self(node.value, frame) and ("self." + node.attr) in env:
                return env["self." + node.attr]
            base_value = self.ev(node.value, frame, env)
            if (
                isinstance(base_value, Unknown)
                and isinstance(node.value, ast.Name)
                and (stored := self._sibling_store(node.value.id, node.attr, frame, env)) is not None
            ):
                return stored  # `pl_module.probe` that another hook of the class attaches (interp.sibling_stores)
            return self.attribute(base_value, node.attr, frame)
        if isinstance(node, ast.Constant):
            literal = node.value
            if literal is Ellipsis or isinstance(literal, complex):
                return UNKNOWN
            return Const(literal)
        if isinstance(node, ast.BinOp):
            left, right = self.ev(node.left, frame, env), self.ev(node.right, frame, env)
            if isinstance(node.op, ast.Add) and isinstance(left, TupleVal) and isinstance(right, TupleVal):
                parts = self.list_with_its_sum(node, left, right, frame)  # losses + [sum(losses)]
                return parts if parts is not None else self.concat(left, right)
            if isinstance(node.op, ast.Mult) and isinstance(node.left, ast.List) != isinstance(node.right, ast.List):
                # [1] * batch_size: a list of known length
                if isinstance(node.left, ast.List):
                    return repeat_list(left, right, node.right)
                return repeat_list(right, left, node.left)
            result = binop(left, right, node.op)
            if frame.no_grad and isinstance(result, Tensor) and result.graph:
                # `total_error += loss * n` under `with torch.no_grad():` makes a new tensor that records no graph
                return result.with_(graph=False)
            return result
        if isinstance(node, ast.UnaryOp):
            val = self.ev(node.operand, frame, env)
            if isinstance(node.op, ast.USub):
                if isinstance(val, Const) and isinstance(val.value, (int, float)):
                    return Const(-val.value)
                if isinstance(val, Tensor):
                    return val.with_(act=Act.LOGITS if val.act is Act.LOGITS else None, act_site=val.act_site if val.act is Act.LOGITS else None)
            if isinstance(node.op, ast.Invert) and isinstance(val, Tensor):
                # `~dones` of a boolean or integer tensor: the same shape and dtype, new values, no graph (round 37)
                return Tensor(dtype=val.dtype, shape=val.shape)
            return UNKNOWN
        if isinstance(node, (ast.Tuple, ast.List)):
            items = tuple(self.ev(el, frame, env) for el in node.elts)
            if any(isinstance(el, ast.Starred) for el in node.elts):
                return UNKNOWN
            return TupleVal(items)
        if isinstance(node, ast.Subscript):
            return self._subscript(node, frame, env)
        if isinstance(node, ast.IfExp):
            self.ev(node.test, frame, env)
            then, orelse = self.ev(node.body, frame, env), self.ev(node.orelse, frame, env)
            decided = self.decided_test(node.test, frame, env)
            if decided is not None:
                # `criterion if criterion is not None else nn.CrossEntropyLoss()` in a body analysed for a
                # call that leaves the parameter's `None` (its default): the test's outcome picks, as an `if` does
                frame.dead.update(id(sub) for sub in ast.walk(node.orelse if decided else node.body))
                return then if decided else orelse
            return self.guarded_choice(node.test, then, orelse)
        if isinstance(node, ast.Compare):
            left = self.ev(node.left, frame, env)
            rights = [self.ev(c, frame, env) for c in node.comparators]
            if isinstance(left, Tensor) or any(isinstance(r, Tensor) for r in rights):
                if all(isinstance(op, (ast.Lt, ast.Gt, ast.LtE, ast.GtE, ast.Eq, ast.NotEq)) for op in node.ops):
                    shape = left.shape if isinstance(left, Tensor) else None
                    return Tensor(dtype=Dtype.BOOL, shape=shape)
            return UNKNOWN
        if isinstance(node, ast.BoolOp):
            result = self.ev(node.values[0], frame, env)
            for v in node.values[1:]:
                result = join(result, self.ev(v, frame, env))
            return result
        if isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
            return self._comprehension(node, frame, env)
        if isinstance(node, ast.NamedExpr):
            val = self.ev(node.value, frame, env)
            self.bind(node.target, val, frame, env)
            return val
        if isinstance(node, (ast.Await, ast.Yield, ast.YieldFrom)):
            value = self.ev(node.value, frame, env) if node.value is not None else None
            if not isinstance(node, ast.Await):
                frame.yields.append(yielded(node, value))
            return UNKNOWN
        if isinstance(node, ast.Dict):
            entries: dict[str, Value] = {}
            literal = True
            keys: list[Value | None] = []
            values: list[Value] = []
            for key_node, value_node in zip(node.keys, node.values):
                item = self.ev(value_node, frame, env)
                key = None if key_node is None else self.ev(key_node, frame, env)
                keys.append(key)
                values.append(item)
                if isinstance(key, Const) and isinstance(key.value, str):
                    entries[key.value] = item
                    continue
                literal = False
            if literal:
                return DictVal(tuple(sorted(entries.items())))
            return numbered_literal(keys, values) or UNKNOWN
        if isinstance(node, ast.Set):
            for element in node.elts:
                self.ev(element, frame, env)
            return UNKNOWN
        if isinstance(node, ast.JoinedStr):
            for part in node.values:
                if isinstance(part, ast.FormattedValue):
                    self.ev(part.value, frame, env)
            return UNKNOWN
        if isinstance(node, ast.Lambda):
            return LambdaRef(node, frame.module, Closure(dict(env)))
        if isinstance(node, ast.Starred):
            self.ev(node.value, frame, env)
            return UNKNOWN
        if isinstance(node, ast.Slice):
            for bound in (node.lower, node.upper, node.step):
                if bound is not None:
                    self.ev(bound, frame, env)
            return UNKNOWN
        return UNKNOWN

    def _comprehension(self, node: ast.ListComp | ast.SetComp | ast.GeneratorExp | ast.DictComp, frame: Frame, env: Env) -> Value:
        if isinstance(node, ast.DictComp):
            mapped = self._mapped_items(node, frame, env) or name_table(self, node, frame, env) or keyed_items(self, node, frame, env)
            if mapped is not None:
                return mapped
        inner = dict(env)
        for comp in node.generators:
            iterated = self.ev(comp.iter, frame, inner)
            self.bind(comp.target, self.loop_item(comp.iter, iterated, frame, inner), frame, inner)
            for cond in comp.ifs:
                self.ev(cond, frame, inner)
        if isinstance(node, ast.DictComp):
            self.ev(node.key, frame, inner)
            self.ev(node.value, frame, inner)
            return UNKNOWN
        item = self.ev(node.elt, frame, inner)
        numbers = numbers_of(item) if isinstance(node, ast.ListComp) else None
        if numbers is not None:
            return numbers  # [example[1] for example in rows] of Python numbers: 1-D (tensor_ops.numbers_of)
        if isinstance(node, (ast.ListComp, ast.GeneratorExp)) and not isinstance(item, Unknown):
            count = _range_count(node, frame, env, self.ev) if isinstance(node, ast.ListComp) else None
            if count is not None:
                return TupleVal((item,) * count)  # [nn.Linear(...) for l in range(2)]: two items like it
            return ListOf(item)  # one interpretation of the element stands for every iteration
        return UNKNOWN

    def _mapped_items(self, node: ast.DictComp, frame: Frame, env: Env) -> Value | None:
        """``{k: v.squeeze(0) for k, v in d.items()}`` over a dict whose items are known by key (or
        the keyed items of a container of unknown kind): the same keys, each value mapped. None in
        any other shape (a filter, another key, ``d`` not a plain name or attribute)."""
        if len(node.generators) != 1:
            return None
        comp = node.generators[0]
        source, target = comp.iter, comp.target
        if comp.ifs or comp.is_async or not isinstance(source, ast.Call) or source.args or source.keywords:
            return None
        if not isinstance(source.func, ast.Attribute) or source.func.attr != "items":
            return None
        if not all(isinstance(n, (ast.Name, ast.Attribute, ast.Load)) for n in ast.walk(source.func.value)):
            return None
        if not isinstance(target, ast.Tuple) or len(target.elts) != 2 or not all(isinstance(e, ast.Name) for e in target.elts):
            return None
        key_name, value_name = (e.id for e in target.elts)  # type: ignore[attr-defined]
        if not isinstance(node.key, ast.Name) or node.key.id != key_name or key_name == value_name:
            return None
        base = self.ev(source.func.value, frame, env)
        if not isinstance(base, (DictVal, KeyedItems)) or not base.items:
            return None
        items = tuple((k, self.ev(node.value, frame, {**env, key_name: Const(k), value_name: v})) for k, v in base.items)
        return DictVal(items) if isinstance(base, DictVal) else KeyedItems(items)

    def _subscript(self, node: ast.Subscript, frame: Frame, env: Env) -> Value:
        base = self.ev(node.value, frame, env)
        single = not isinstance(node.slice, ast.Tuple)
        if isinstance(node.value, ast.Attribute) and node.value.attr == "shape" and single and not isinstance(node.slice, ast.Slice):
            self.ev(node.slice, frame, env)
            return INT
        index: Value = UNKNOWN
        elements: list[tuple[ast.expr, Value]] = []
        for el in node.slice.elts if isinstance(node.slice, ast.Tuple) else (node.slice,):
            value = self.ev(el, frame, env)
            elements.append((el, value))
            if not isinstance(el, ast.Slice):
                index = value
        if isinstance(base, HFOutput) and single:
            return output_item(base, index)  # outputs["logits"], outputs[0] of a Hugging Face model (interp.hf_models)
        if isinstance(base, (DictVal, KeyedItems)) and single and isinstance(index, Const) and isinstance(index.value, str):
            return dict(base.items).get(index.value, UNKNOWN)
        if isinstance(base, DictVal) and single and base.items and not isinstance(index, Const) and not isinstance(node.slice, ast.Slice):
            chosen = keyed_choice(base, node.slice, frame.loops)  # LOSSES[cfg.loss]: one of the criteria (interp.keyed_criteria)
            if chosen is not None:
                return chosen
            # MODELS[args.model]: one of the classes, each with its key's condition (interp.keyed_models); loss[key] in
            # `for key in loss`: whichever value it is
            return keyed_classes(base, node.slice, self.any_value(base), frame.loops)
        if isinstance(base, NumberedDict) and single and not isinstance(node.slice, ast.Slice):
            return numbered_item(base, index)  # MODELS[idx] of `MODELS = {0: [AlexNet, "AlexNet"]}`
        # a constant integer index: out[0], out[-1]
        position = int_const(index) if single else None
        if isinstance(base, ListOf) and position is not None:
            return base.item
        if type(base) is ListOf and single and isinstance(node.slice, ast.Slice):
            return base  # replicas[:len(inputs)]: fewer of the same items
        item = any_item(base, index) if single and not isinstance(node.slice, ast.Slice) else None
        if item is not None:
            return item  # teachers[i] of `teachers = [disc for _ in range(n)]` (interp.list_items)
        if isinstance(base, NumberNest) and single and not isinstance(node.slice, ast.Slice) and isinstance(index, (Const, IntVal)):
            return nest_item(base)  # x.tolist()[0][0]
        if isinstance(base, HeadedList) and position is not None:
            if 0 <= position < len(base.head):
                return base.head[position]
            return base.rest if position >= len(base.head) else UNKNOWN  # out[-1] may be a head item
        if isinstance(base, DatasetRows) and single and not isinstance(node.slice, ast.Slice):
            return base.row  # dataset[i]
        if isinstance(base, TupleVal) and position is not None:
            return base.items[position] if -len(base.items) <= position < len(base.items) else UNKNOWN
        if isinstance(base, Tensor) and single and isinstance(index, Const) and isinstance(index.value, str):
            return UNKNOWN  # a tensor indexed by a string raises: what is there is not the tensor believed
        if isinstance(base, Tensor):
            shape = index_shape(base.shape, elements)
            return Tensor(
                act=base.act,
                act_site=base.act_site,
                dtype=base.dtype,
                shape=shape,
                graph=base.graph,
                **range_marks(base),  # rows of a relu's output are at least 0 (round 29)
                data=base.data,  # elements of numbers made a tensor: no graph (round 37, interp.sampled_tensors)
            )
        if isinstance(base, SequentialVal) and isinstance(index, Const) and isinstance(index.value, int):
            try:
                return base.layers[index.value]
            except IndexError:
                return UNKNOWN
        if isinstance(base, External):
            return table_item(base, elements)  # df["label"], df.iloc[:, -1]
        return UNKNOWN

    def attribute(self, base: Value, name: str, frame: Frame) -> Value:
        if isinstance(base, HFOutput):
            return output_field(base, name)  # outputs.logits, outputs.loss
        field = self.named_field(base, name)
        if field is not None:
            return field  # losses.total_loss of a namedtuple
        if isinstance(base, QualName):
            return QualName(canonical(f"{base.name}.{name}"))
        if isinstance(base, ModuleRef):
            return self.module_attribute(base, name)
        if isinstance(base, Either):
            # model.compute_loss of one of several models: each one's method, called like the
            # models themselves; any other attribute is what all of them agree on
            found = [self.attribute(o, name, frame) for o in options_having(self, base.options, name)]
            if all(isinstance(f, BoundMethod) for f in found):
                return Either(tuple(found))
            return functools.reduce(join, found)
        if isinstance(base, Instance):
            if name in base.attrs:
                return base.attrs[name]
            late = self.late_attribute(base, name)
            if late is not None:
                return late
            method = self._find_method(base.cls, name)
            if method is not None:
                if has_decorator(method.node, "property"):
                    return self.call_function(method, [], {}, self_value=base, depth=frame.depth + 1)
                if is_static(method.node):
                    return method  # `self._reference(h, w, labels)` of a staticmethod: nothing bound
                return BoundMethod(method, base)
            attr = self._class_attr(base.cls, name)
            if attr is UNKNOWN and name in ("module", "_orig_mod") and self._is_nn_module(base.cls):
                return base  # the model inside DataParallel / DDP / torch.compile, which pass it through
            if attr is UNKNOWN and name == "__call__" and self._is_nn_module(base.cls):
                forward = self._find_method(base.cls, "forward")
                return BoundMethod(forward, base) if forward is not None else UNKNOWN
            return attr
        if isinstance(base, SuperRef):
            for parent in self._bases(base.cls)[1:]:
                init = sequential_init(parent, name, base.self_value)
                if init is not None:
                    return init  # super().__init__(nn.Linear(d, k), nn.Softmax(dim=1)) in a subclass of nn.Sequential
                layers = sequential_forward(parent, name, base.self_value)
                if layers is not None:
                    return layers  # super().forward(x) in a subclass of nn.Sequential with a forward of its own
                if isinstance(parent, ClassRef):
                    method = self._own_method(parent, name)
                    if method is not None:
                        return method if is_static(method.node) else BoundMethod(method, base.self_value)
                parent_loss = parent_loss_call(parent, name)
                if parent_loss is not None:
                    return parent_loss  # super().forward(input, target) of a torch loss subclass
                parent_init = parent_loss_init(parent, name)
                if parent_init is not None:
                    return parent_init  # super().__init__() of a torch loss subclass: that loss built with these arguments
            return UNKNOWN
        if isinstance(base, ClassRef):
            method = self._find_method(base, name)
            if method is None and name == "apply":
                return autograd_apply(self, base) or UNKNOWN  # MyFunction.apply(x): its forward(ctx, x)
            if method is None:
                member = enum_attribute(self, base, name)  # `Mode.BINARY` of a project's `class Mode(Enum)`
                if member is not None:
                    return member
                return class_setting(self, base, name) or UNKNOWN  # `CFG.loss` of `class CFG: loss = "ce"`
            if has_decorator(method.node, "classmethod"):
                return BoundMethod(method, base)  # `Module.build(arch)`: its `cls(...)` builds this class
            return method
        if isinstance(base, LossSpec) and name in api.LEGACY_REDUCTION_ARGS:
            return legacy_flag(base.reduction, name)  # `size_average=self.criterion.size_average`
        if isinstance(base, Packed):
            return base.data if name == "data" else UNKNOWN  # a PackedSequence's packed values
        if isinstance(base, Tensor):
            if name == "data":
                return base.with_(graph=False, unreduced=False)
            if name in ("T", "mT"):
                return base.with_(shape=None)
            if name == "shape":
                return shape_value(base) or UNKNOWN
            if name == "device":
                return External("torch.device")
            return UNKNOWN
        if isinstance(base, External):
            if base.qname == "torch.device" and name == "type":
                return base  # `torch.accelerator.current_accelerator().type`: the name of a device, read by .to() as one
            return table_attribute(base, name)  # df["label"].values, df.iloc
        if isinstance(base, CategoricalDist):
            return distribution_attribute(base, name)  # Categorical(logits=x).probs
        return UNKNOWN


#: the longest ``[... for i in range(n)]`` whose items are counted
MAX_COUNTED = 8


def _range_count(node: ast.ListComp, frame: Frame, env: Env, ev: Callable[[ast.expr, Frame, Env], Value]) -> int | None:
    """The number of items of ``[elt for i in range(n)]`` (one loop, no condition) when ``n`` is a
    name, attribute or literal whose value is a known small int (``L=2`` of a constructor)."""
    if len(node.generators) != 1 or node.generators[0].ifs or node.generators[0].is_async:
        return None
    it = node.generators[0].iter
    if not (isinstance(it, ast.Call) and isinstance(it.func, ast.Name) and it.func.id == "range" and len(it.args) == 1 and not it.keywords):
        return None
    arg = it.args[0]
    if not isinstance(arg, (ast.Name, ast.Attribute, ast.Constant)) or "range" in env:
        return None
    n = ev(arg, frame, env)
    if isinstance(n, Const) and type(n.value) is int and 0 <= n.value <= MAX_COUNTED:
        return n.value
    return None
