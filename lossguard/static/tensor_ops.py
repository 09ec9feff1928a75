"""What torch operations do to abstract tensors: activations, dtypes, shapes, reductions.

Pure functions over :mod:`lossguard.static.values`, used by the interpreter.
"""

from __future__ import annotations

import ast
import math
from dataclasses import replace
from typing import Any, Protocol, TypeGuard

from lossguard.static import torch_api as api
from lossguard.static.partial_broadcast import broadcast_with_unknown
from lossguard.static.values import (
    ACT_OF,
    INT,
    NUMBER,
    UNKNOWN,
    Act,
    Const,
    Dim,
    Dtype,
    External,
    IntVal,
    Layer,
    ListOf,
    LossSpec,
    Number,
    NumberList,
    QualName,
    Shape,
    Site,
    Tensor,
    TupleVal,
    Unknown,
    Value,
    int_const,
    is_zero,
    join,
    range_marks,
)


class Where(Protocol):
    """Where a value is made (the interpreter's frame): the scope and module that sites record."""

    @property
    def scope(self) -> int: ...

    @property
    def module(self) -> object: ...


_INT_OPS = (ast.Add, ast.Sub, ast.Mult, ast.FloorDiv, ast.Mod)


def _is_int(v: Value) -> bool:
    return isinstance(v, IntVal) or int_const(v) is not None


def _plain_number(v: Value) -> bool:
    """A Python number: read out of a tensor, an integer, or a numeric literal."""
    return isinstance(v, Number) or _is_int(v) or isinstance(v, Const) and type(v.value) is float


def _is_one(v: Value) -> bool:
    return isinstance(v, Const) and type(v.value) in (int, float) and v.value == 1


def binop(a: Value, b: Value, op: ast.operator) -> Value:
    if _is_int(a) and _is_int(b) and isinstance(op, _INT_OPS):
        return INT  # x.size(0) - y.size(0): still an integer, so torch.zeros(...) of it is 1-D
    if isinstance(a, Const) and isinstance(b, Const):
        return UNKNOWN
    if any(isinstance(v, Const) and isinstance(v.value, (str, bytes)) for v in (a, b)):
        return UNKNOWN  # "g_loss: %.2f " % loss formats a string: no tensor, no graph
    ta = a if isinstance(a, Tensor) else None
    tb = b if isinstance(b, Tensor) else None
    if ta is None and tb is None:
        if isinstance(a, Number) and _plain_number(b) or isinstance(b, Number) and _plain_number(a):
            return NUMBER  # float(loss.data) * len(x): a Python number still, no tensor, no graph
        return UNKNOWN
    if isinstance(op, ast.MatMult):
        mixed = mixed_by_one_hot(a, b, batched=False)
        if mixed is not None:
            return mixed
        scores = hand_written_scores(a, b)
        if scores is not None:
            return scores
    if isinstance(op, ast.Sub) and _is_one(a) and tb is not None and tb.act is Act.SIGMOID:
        # 1 - sigmoid(x) is sigmoid(-x): the complement of a sigmoid output is one (focal losses'
        # torch.cat([1 - p, p], dim=1) for a one-column output); not so for a softmax's rows
        return tb.with_(from_zero=False, unreduced=False)
    if isinstance(op, ast.Sub) and ta is not None and tb is not None and ta.act is Act.SIGMOID and tb.act is Act.SIGMOID:
        # D(real) - mean(D(fake)) of a discriminator ending in a sigmoid (relativistic GANs): numbers in [-1, 1], no logits
        return Tensor(
            shape=_broadcast_shape(ta.shape, tb.shape),
            dtype=Dtype.FLOAT,
            graph=bool(ta.graph or tb.graph),
            act=Act.SIGMOID_DIFFS,
            act_site=ta.act_site,
        )
    scaled = _scaled_probabilities(a, b, op)
    if scaled is not None:
        return scaled
    arith = isinstance(op, (ast.Add, ast.Sub, ast.Mult, ast.Div))
    if not arith and not isinstance(op, (ast.Pow, ast.MatMult, ast.FloorDiv, ast.Mod)):
        return Tensor()
    graph = bool((ta and ta.graph) or (tb and tb.graph))
    unreduced = bool((ta and ta.unreduced) or (tb and tb.unreduced)) and arith
    act = None
    site = None
    if arith:
        # a bias written by hand (`scores + self.bias`, an nn.Parameter) keeps raw scores raw
        bias = isinstance(op, (ast.Add, ast.Sub)) and any(t is not None and t.act is Act.LOGITS for t in (ta, tb))
        acts = [t.act for t in (ta, tb) if t is not None and not (bias and t.weights)]
        others_plain = all(not isinstance(v, Tensor) or v.act is Act.LOGITS or bias and v.weights for v in (a, b))
        if acts and all(x is Act.LOGITS for x in acts) and others_plain:
            act = Act.LOGITS
            site = (ta or tb).act_site  # type: ignore[union-attr]
        elif (scaled_logits := _logits_by_scalar_tensor(ta, tb, op)) is not None:
            act, site = Act.LOGITS, scaled_logits.act_site
    dtypes = {t.dtype for t in (ta, tb) if t is not None}
    dtype = None
    if isinstance(op, ast.Div):
        dtype = Dtype.FLOAT
    elif len(dtypes) == 1:
        d = dtypes.pop()
        other = b if ta is not None else a
        if d is Dtype.FLOAT or (isinstance(other, Const) and isinstance(other.value, int)) or isinstance(other, Tensor):
            dtype = d
    shape = None
    if isinstance(op, ast.MatMult):
        shape = _matmul_shape(ta.shape if ta else None, tb.shape if tb else None)
    elif ta is not None and tb is not None:
        shape = _broadcast_shape(ta.shape, tb.shape) or broadcast_with_unknown(ta.shape, tb.shape)
    elif isinstance(b if ta is not None else a, (Const, Number, IntVal)):
        # with a literal, a number read out of a tensor (`x.item()`) or an integer (`x.size(0)`): no broadcasting
        shape = (ta or tb).shape  # type: ignore[union-attr]
    else:
        # with a value not known: a number keeps the tensor's shape, a tensor broadcasts with it (round 37)
        shape = broadcast_with_unknown((ta or tb).shape, None)  # type: ignore[union-attr]
    # a sum started from zero stays one through the arithmetic that follows (`adv = adv / n`)
    from_zero = bool((ta and ta.from_zero) or (tb and tb.from_zero)) or isinstance(op, (ast.Add, ast.Sub)) and (is_zero(a) or is_zero(b))
    # a reduced loss scaled, shifted or added to (`per_token.sum() / n`, `kl.mean() + 0.1 * reg`): still a loss
    reduced = arith and not unreduced and bool((ta and ta.reduced) or (tb and tb.reduced))
    # numbers made tensors, with each other or with Python numbers (`2 * torch.stack(samples) - 1`): no graph
    # (interp.sampled_tensors)
    data = arith and all(v.data if isinstance(v, Tensor) else _plain_number(v) or _is_int(v) for v in (a, b))
    return Tensor(act=act, act_site=site, dtype=dtype, shape=shape, graph=graph, unreduced=unreduced, from_zero=from_zero, reduced=reduced, data=data)


def _logits_by_scalar_tensor(ta: Tensor | None, tb: Tensor | None, op: ast.operator) -> Tensor | None:
    """``logits / t``, ``logits * t``, ``t * logits`` with ``t`` a 0-dim tensor (a learned temperature,
    ``torch.clamp(self.temperature, min=0.5)`` of ``nn.Parameter(torch.tensor(1.0))``): raw scores scaled by
    one number are raw scores still (no softmax, no log-softmax, no sigmoid is applied by a scale). Only
    a rank known to be 0 counts: a tensor of any other shape (a mask, a second model output) may mix the
    values. Returns the logits operand."""
    if ta is None or tb is None:
        return None
    if isinstance(op, ast.Div):
        pairs = [(ta, tb)]
    elif isinstance(op, ast.Mult):
        pairs = [(ta, tb), (tb, ta)]
    else:
        return None
    for logits, factor in pairs:
        if logits.act is Act.LOGITS and factor.act is None and factor.shape == Shape(()):
            return logits
    return None


def _scaled_probabilities(a: Value, b: Value, op: ast.operator) -> Tensor | None:
    """``probs / 0.5``, ``probs * 2``, ``2 * probs``: softmax probabilities scaled by a positive number
    literal are still no logits (a temperature applied after the softmax, LAMDA-SSL's CAFA score), so
    what a rule says of the probabilities holds of them; the graph and dtype follow the arithmetic."""
    if isinstance(op, ast.Div):
        probs, factor = a, b
    elif isinstance(op, ast.Mult):
        probs, factor = (a, b) if isinstance(a, Tensor) else (b, a)
    else:
        return None
    if not (isinstance(probs, Tensor) and probs.act is Act.PROBS and isinstance(factor, Const)):
        return None
    if type(factor.value) not in (int, float) or not factor.value > 0:
        return None
    return probs.with_(dtype=Dtype.FLOAT, unreduced=False, from_zero=False)


def _broadcast_shape(a: Shape | None, b: Shape | None) -> Shape | None:
    if a is None or b is None:
        return None
    if a == b:
        return a
    if not (a.rank_known and b.rank_known):
        return None
    out: list[Dim] = []
    for i in range(1, max(len(a.dims), len(b.dims)) + 1):
        x = a.dims[-i] if i <= len(a.dims) else 1
        y = b.dims[-i] if i <= len(b.dims) else 1
        if x == y:
            out.append(x)
        elif x == 1:
            out.append(y)
        elif y == 1:
            out.append(x)
        else:
            return None
    return Shape(tuple(reversed(out)))


def _matmul_shape(a: Shape | None, b: Shape | None) -> Shape | None:
    """(n, k) @ (k,) -> (n,); (..., n, k) @ (k, m) -> (..., n, m); unknown otherwise."""
    if a is None or b is None or not a.rank_known or not b.rank_known or not a.dims or not b.dims:
        return None
    if len(b.dims) == 1:
        return Shape(a.dims[:-1]) if len(a.dims) >= 2 else Shape(())
    if len(a.dims) >= 2 and len(b.dims) == 2:
        return Shape((*a.dims[:-1], b.dims[-1]))
    return None


def tensor_of(v: Value) -> Tensor:
    return v if isinstance(v, Tensor) else Tensor()


def dim_of(v: Value, node: ast.expr | None = None) -> Dim:
    literal = int_const(v)
    if literal is not None:
        return literal
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        return f"{node.value.id}.{node.attr}"
    return None


def has_star(node: ast.Call) -> bool:
    """``f(*a)`` or ``f(**kw)``: the arguments are not statically known."""
    return any(isinstance(a, ast.Starred) for a in node.args) or any(k.arg is None for k in node.keywords)


def keyword_arg(node: ast.Call, name: str) -> ast.expr | None:
    for k in node.keywords:
        if k.arg == name:
            return k.value
    return None


def _dims_from_args(node: ast.Call, pos: list[Value], skip: int = 0, count: int | None = None) -> tuple[Dim, ...] | None:
    """Sizes given as ``f(2, 3)`` or ``f((2, 3))``; None when not literal. ``count``: only that many arguments."""
    if has_star(node):
        return None
    arg_nodes = list(node.args)[skip:]
    vals = pos[skip:]
    if count is not None:
        arg_nodes, vals = arg_nodes[:count], vals[:count]
    if not arg_nodes:
        return None
    if len(arg_nodes) == 1 and isinstance(arg_nodes[0], (ast.Tuple, ast.List)):
        elements = arg_nodes[0].elts
        if any(isinstance(e, ast.Starred) for e in elements):
            return None
        tv = vals[0]
        items = tv.items if isinstance(tv, TupleVal) else tuple(UNKNOWN for _ in elements)
        return tuple(dim_of(v, e) for v, e in zip(items, elements))
    if len(arg_nodes) == 1 and not isinstance(vals[0], (Const, IntVal)) and not _is_int_expr(arg_nodes[0]):
        return None  # f(shape_variable)
    return tuple(dim_of(v, a) for v, a in zip(vals, arg_nodes))


def swapped(shape: Shape, axes: list[Value]) -> Shape | None:
    """``shape`` with two axes given as literal ints exchanged (``x.t()`` of a matrix or a vector)."""
    if len(shape.dims) < 2:
        return shape if len(axes) == 2 else None  # a vector's t() is itself
    picked = [a.value for a in axes if isinstance(a, Const) and type(a.value) is int]
    if len(axes) != 2 or len(picked) != 2:
        return None
    rank = len(shape.dims)
    i, j = picked
    if not (-rank <= i < rank and -rank <= j < rank):
        return None
    dims = list(shape.dims)
    dims[i], dims[j] = dims[j], dims[i]
    return Shape(tuple(dims))


def reduced_shape(shape: Shape | None, pos: list[Value], kw: dict[str, Value]) -> Shape | None:
    """The shape of ``x.mean(1)``, ``x.sum(dim=(1, 2), keepdim=True)``: the reduced axes dropped, or
    kept with size 1; None unless ``x``'s rank and the axes (literal ints) are known (round 21), but for the last axis
    kept (``dim=-1, keepdim=True``), which ends any tensor in an axis of 1 (round 37)."""
    if len(pos) > 2 or not set(kw) <= {"dim", "axis", "keepdim", "dtype"}:
        return None
    dim = pos[0] if pos else kw.get("dim", kw.get("axis"))
    keep = pos[1] if len(pos) > 1 else kw.get("keepdim", Const(False))
    if shape is None or not shape.rank_known:
        # the last axis kept with size 1 (`x.sum(-1, keepdim=True)`) of any tensor: (..., 1) (round 37)
        last = isinstance(dim, Const) and dim.value == -1 and isinstance(keep, Const) and keep.value is True
        return Shape((*(shape.dims[:-1] if shape is not None else ()), 1), rank_known=False) if last else None
    axes = dim.items if isinstance(dim, TupleVal) else (dim,)
    if not isinstance(keep, Const) or not isinstance(keep.value, bool) or not axes:
        return None
    rank = len(shape.dims)
    picked: set[int] = set()
    for a in axes:
        if not (isinstance(a, Const) and type(a.value) is int and -rank <= a.value < rank):
            return None
        picked.add(a.value % rank)
    if keep.value:
        return Shape(tuple(1 if i in picked else d for i, d in enumerate(shape.dims)))
    return Shape(tuple(d for i, d in enumerate(shape.dims) if i not in picked))


def one_shape(node: ast.expr, value: Value) -> Shape | None:
    """The shape one argument gives: a tuple or list of sizes (``(1, n)``) or one size (``64``)."""
    if isinstance(node, (ast.Tuple, ast.List)):
        if any(isinstance(e, ast.Starred) for e in node.elts):
            return None
        items = value.items if isinstance(value, TupleVal) and len(value.items) == len(node.elts) else tuple(UNKNOWN for _ in node.elts)
        return Shape(tuple(dim_of(v, e) for v, e in zip(items, node.elts)))
    if isinstance(value, (Const, IntVal)) or _is_int_expr(node):
        return Shape((dim_of(value, node),)) if not (isinstance(value, Const) and value.value is None) else None
    return None


def sizes_shape(node: ast.Call, pos: list[Value], count: int | None = None) -> Shape | None:
    """The shape given as sizes (``f(64, 1)``) or one shape (``f((64, 1))``, ``f(64)``); None when
    not literal."""
    dims = _dims_from_args(node, pos, count=count)
    return Shape(dims) if dims is not None else None


def _is_int_expr(node: ast.expr) -> bool:
    """``x.size(0)``, ``x.shape[0]``, ``len(x)``: an integer, never a shape tuple (``x.shape[:2]`` is one)."""
    if isinstance(node, ast.Call):
        f = node.func
        if isinstance(f, ast.Attribute) and f.attr == "size" and (node.args or node.keywords):
            return True
        return isinstance(f, ast.Name) and f.id in ("len", "int")
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute) and node.value.attr == "shape":
        return not isinstance(node.slice, (ast.Slice, ast.Tuple))
    return False


KEEP_DTYPE = object()


def conversion_target(pos: list[Value], kw: dict[str, Value]) -> object:
    """What ``.to(...)`` / ``.type(...)`` converts to: a Dtype, KEEP_DTYPE (a device), or None (unknown)."""
    if "dtype" in kw:
        return dtype_of(kw["dtype"])
    if not pos:
        return KEEP_DTYPE if "device" in kw or not kw else None
    if len(pos) > 1 and dtype_of(pos[1]) is not None:
        return dtype_of(pos[1])  # .to(device, torch.long): the dtype comes after the device
    arg = pos[0]
    dt = dtype_of(arg)
    if dt is not None:
        return dt
    if isinstance(arg, Const) and isinstance(arg.value, str):
        return KEEP_DTYPE if not arg.value.startswith("torch.") else None  # .to("cuda")
    if isinstance(arg, External) and arg.qname == "torch.device":
        return KEEP_DTYPE
    if isinstance(arg, IntVal) or isinstance(arg, Const) and type(arg.value) is int:
        return KEEP_DTYPE  # .to(0), .to(x.get_device()): an integer is a device ordinal
    if isinstance(arg, Tensor):
        return arg.dtype  # .to(other): other's dtype (and device)
    return None  # .to(x): x may be a dtype


def dtype_of(v: Value | None) -> Dtype | None:
    if isinstance(v, QualName):
        if v.name in api.INT_DTYPES:
            return Dtype.INT
        if v.name in api.FLOAT_DTYPES:
            return Dtype.FLOAT
        if v.name in api.BOOL_DTYPES:
            return Dtype.BOOL
    if isinstance(v, Const) and isinstance(v.value, str):
        if v.value in ("torch.LongTensor", "torch.IntTensor"):
            return Dtype.INT
        if v.value in ("torch.FloatTensor", "torch.DoubleTensor"):
            return Dtype.FLOAT
    return None


def constructor(qname: str, node: ast.Call, pos: list[Value], kw: dict[str, Value]) -> Tensor:
    t = _constructed(qname, node, pos, kw)
    data_constructor = qname in api.FLOAT_CONSTRUCTORS and qname not in api.SIZED_CONSTRUCTORS and qname != "torch.normal"
    held = pos[0] if pos else kw.get("data")
    if keyword_arg(node, "requires_grad") is None and not (qname == "torch.as_tensor" and not isinstance(held, (Const, TupleVal))):
        # numbers made a tensor (or a new one filled): no graph; `torch.as_tensor(t)` of a tensor is `t` itself
        t = replace(t, data=True)
    if qname in ("torch.tensor", "torch.as_tensor") or (data_constructor and len(node.args) == 1 and not node.keywords):
        first = node.args[0] if node.args else keyword_arg(node, "data")
        if first is not None and _literal_above_zero(first):
            return replace(t, positive=True)
    return t


def _literal_above_zero(node: ast.expr) -> bool:
    """A list (or tuple) literal of numbers, nested or not, with one number above 0."""
    numbers: list[float] = []

    def walk(n: ast.expr) -> bool:
        if isinstance(n, (ast.List, ast.Tuple)):
            return all(walk(e) for e in n.elts)
        if isinstance(n, ast.UnaryOp) and isinstance(n.op, ast.USub) and isinstance(n.operand, ast.Constant):
            value = n.operand.value
            sign = -1
        elif isinstance(n, ast.Constant):
            value, sign = n.value, 1
        else:
            return False
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return False
        numbers.append(sign * value)
        return True

    return isinstance(node, (ast.List, ast.Tuple)) and walk(node) and any(v > 0 for v in numbers)


def _constructed(qname: str, node: ast.Call, pos: list[Value], kw: dict[str, Value]) -> Tensor:
    dtype = dtype_of(kw.get("dtype"))
    shape: Shape | None = None
    if "dtype" in kw and dtype is None:
        t = _constructed(qname, node, pos, {k: v for k, v in kw.items() if k != "dtype"})
        return Tensor(shape=t.shape)  # dtype=<variable>: the shape is known, the dtype is not
    if qname in ("torch.randn", "torch.rand", "torch.zeros", "torch.ones", "torch.empty"):
        dims = _dims_from_args(node, pos)
        shape = Shape(dims) if dims is not None else None
        dtype = dtype or Dtype.FLOAT
    elif qname == "torch.full":
        dims = _dims_from_args(node, pos, count=1)
        shape = Shape(dims) if dims is not None else None
        fill = pos[1] if len(pos) > 1 else kw.get("fill_value", UNKNOWN)
        if dtype is None and isinstance(fill, Const):
            dtype = (
                Dtype.FLOAT
                if isinstance(fill.value, float)
                else (Dtype.BOOL if isinstance(fill.value, bool) else Dtype.INT if isinstance(fill.value, int) else None)
            )
    elif qname == "torch.randint":
        size_node = keyword_arg(node, "size")
        if size_node is None:
            size_node = node.args[-1] if node.args else None
        shape = _size_shape(kw.get("size", pos[-1] if pos else UNKNOWN), size_node)
        dtype = dtype or Dtype.INT
    elif qname == "torch.normal":
        shape = _normal_shape(node, pos, kw)
        dtype = dtype or Dtype.FLOAT
    elif qname in api.INT_CONSTRUCTORS:
        dtype = dtype or Dtype.INT
        shape = _data_shape(node, pos)
    elif qname in api.FLOAT_CONSTRUCTORS:
        dtype = dtype or Dtype.FLOAT
        shape = _data_shape(node, pos)
    elif qname in ("torch.tensor", "torch.as_tensor"):
        first = node.args[0] if node.args else keyword_arg(node, "data")
        if first is not None and not isinstance(first, ast.Starred):
            if isinstance(first, (ast.List, ast.Tuple, ast.Constant, ast.UnaryOp)):
                if dtype is None:
                    dtype = _literal_dtype(first)
                shape = _literal_shape(first, pos[0] if node.args and pos else kw.get("data"))
            elif (kind := number_items(first)) is not None:
                # torch.tensor([1 for _ in range(n)]), torch.tensor(list(map(int, fields))): a 1-D tensor
                dtype, shape = dtype or kind, Shape((None,))
            else:  # a variable holding a list or an array: torch.tensor(labels)
                data = pos[0] if node.args else kw.get("data", UNKNOWN)
                if isinstance(data, Tensor):
                    shape, dtype = data.shape, dtype or data.dtype
                elif (number := _python_number(first, data)) is not None:  # torch.tensor(float(row["price"])): a 0-d tensor
                    shape, dtype = Shape(()), dtype or number
                else:
                    shape, list_dtype = number_list_shape(data)
                    dtype = dtype or list_dtype
    elif qname == "torch.arange":
        if dtype is None and pos and all(isinstance(p, Const) and isinstance(p.value, int) for p in pos):
            dtype = Dtype.INT
        shape = Shape((None,))
    return Tensor(dtype=dtype, shape=shape)


def number_items(node: ast.expr) -> Dtype | None:
    """``[1 for _ in range(n)]``, ``[int(v) for v in column]``, ``[1 if l == "pos" else 0 for l in
    labels]``, ``list(map(float, fields))``: a list of one number per item, 1-D; the kind of the
    numbers (a literal, a choice of two literals, or the builtin ``int`` / ``float`` of one
    argument), None for anything else (``[[0, 1] for ...]``, ``[f(v) for ...]``)."""
    if _is_call_of(node, "list") and len(node.args) == 1:
        mapped = node.args[0]
        if _is_call_of(mapped, "map") and len(mapped.args) == 2 and isinstance(mapped.args[0], ast.Name):
            return _CONVERSIONS.get(mapped.args[0].id)
        return None
    if not isinstance(node, ast.ListComp):
        return None
    elt = node.elt
    if isinstance(elt, (ast.List, ast.Tuple)):
        return None
    if isinstance(elt, ast.IfExp):  # [1 if label == "positive" else 0 for label in labels]
        kinds = {_literal_dtype(elt.body), _literal_dtype(elt.orelse)}
        if None in kinds or isinstance(elt.body, (ast.List, ast.Tuple)) or isinstance(elt.orelse, (ast.List, ast.Tuple)):
            return None
        return Dtype.FLOAT if Dtype.FLOAT in kinds else kinds.pop() if len(kinds) == 1 else None
    kind = _literal_dtype(elt)
    if kind is not None:
        return kind
    kind = _conversion(elt)
    if kind is not None and isinstance(elt, ast.Call) and isinstance(elt.func, ast.Name):
        func = elt.func.id
        if not any(_binds(comp.target, func) for comp in node.generators):
            return kind
    return None


def _converted_numbers(node: ast.List | ast.Tuple) -> Dtype | None:
    """``[int(a != b)]``, ``[float(x), 0.0]``: a flat list of literal numbers and builtin ``int(v)`` /
    ``float(v)`` conversions, at least one of them a conversion; their kind (FLOAT when any is a float)."""
    kinds: set[Dtype] = set()
    converted = False
    for elt in node.elts:
        if (kind := _conversion(elt)) is not None:
            kinds.add(kind)
            converted = True
        elif (kind := _literal_dtype(elt)) in (Dtype.INT, Dtype.FLOAT) and not isinstance(elt, (ast.List, ast.Tuple)):
            kinds.add(kind)  # type: ignore[arg-type]
        else:
            return None
    if not converted:
        return None
    return Dtype.FLOAT if Dtype.FLOAT in kinds else Dtype.INT


#: the builtins that convert one value to a number, and the kind of number they give
_CONVERSIONS = {"int": Dtype.INT, "float": Dtype.FLOAT}


def _conversion(node: ast.expr) -> Dtype | None:
    """``int(v)`` / ``float(v)`` (the builtins, one positional argument): the kind of number it gives."""
    if _is_call_of(node, *_CONVERSIONS) and len(node.args) == 1 and isinstance(node.func, ast.Name):
        return _CONVERSIONS[node.func.id]
    return None


def _is_call_of(node: ast.expr, *names: str) -> TypeGuard[ast.Call]:
    """A call of one of these builtins by name, with positional arguments only."""
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in names and not node.keywords and not has_star(node)


def _binds(target: ast.expr, name: str) -> bool:
    return any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(target))


def array_of(node: ast.Call, pos: list[Value], kw: dict[str, Value] | None = None) -> Tensor | None:
    """``np.array(data)`` / ``np.asarray(data)`` of one argument: a literal list of numbers (its
    shape), a list of one number per item (1-D, :func:`number_items`), a list of known length
    (:class:`NumberList`) or an array (its shape and dtype); None for anything else (a list of
    arrays, a list held in a variable, which may have grown since). ``dtype=`` (the only keyword
    taken) keeps the shape and gives the dtype it names (``np.float32``), unknown for any other."""
    if len(node.args) != 1 or any(k.arg != "dtype" for k in node.keywords) or has_star(node):
        return None
    array = _array_data(node.args[0], pos[0] if pos else UNKNOWN)
    if array is None or not node.keywords:
        return array
    return array.with_(dtype=dtype_of((kw or {}).get("dtype")))


def _array_data(first: ast.expr, data: Value) -> Tensor | None:
    if isinstance(first, (ast.List, ast.Tuple)):
        kind = _literal_dtype(first) or _converted_numbers(first)
        return Tensor(dtype=kind, shape=_literal_shape(first), numpy=True) if kind is not None else None
    kind = number_items(first)
    if kind is not None:
        return Tensor(dtype=kind, shape=Shape((None,)), numpy=True)
    if isinstance(data, NumberList):
        return Tensor(dtype=data.dtype, shape=Shape((data.length,)), numpy=True)
    if isinstance(data, Tensor) and data.numpy:
        return Tensor(dtype=data.dtype, shape=data.shape, numpy=True)
    return None


def _python_number(node: ast.expr, value: Value) -> Dtype | None:
    """The kind of a Python number written as ``float(x)`` / ``int(x)`` (the builtins: their value
    is not otherwise known) or held as an unknown int (``len(...)``, ``x.size(0)``)."""
    if isinstance(value, IntVal):
        return Dtype.INT
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in ("float", "int")
        and len(node.args) == 1
        and not node.keywords
        and isinstance(value, Unknown)
    ):
        return Dtype.FLOAT if node.func.id == "float" else Dtype.INT
    return None


def numbers_of(item: Value) -> NumberList | None:
    """``[example[1] for example in rows]`` whose element is a Python number the checked code made
    (``float(label)`` stored in a tuple, ``x.item()``, ``len(x)``): a list of one number per item, 1-D, its
    length unknown (round 32, dbiir/UER-py's regression targets); None for anything else."""
    if isinstance(item, IntVal):
        return NumberList(None, Dtype.INT)
    if isinstance(item, Number):
        return NumberList(None, None)
    return None


def _number_kind(v: Value) -> Dtype | None:
    if isinstance(v, Const) and isinstance(v.value, bool):
        return Dtype.BOOL
    if isinstance(v, Const) and isinstance(v.value, int):
        return Dtype.INT
    if isinstance(v, Const) and isinstance(v.value, float):
        return Dtype.FLOAT
    return None


def _items_dtype(items: tuple[Value, ...]) -> Dtype | None:
    """The dtype torch.tensor gives a list of these numbers; None unless every item is a number."""
    kinds = {_number_kind(v) for v in items}
    if not items or None in kinds:
        return None
    if Dtype.FLOAT in kinds:
        return Dtype.FLOAT
    return kinds.pop() if len(kinds) == 1 else None


def repeat_list(seq: Value, times: Value, times_node: ast.expr) -> Value:
    """``[c] * n`` (or ``n * [c]``) of literal numbers: a :class:`NumberList` of ``n`` times their
    count. Python only repeats a list by an integer, so ``n`` is an int whatever its value; its
    size is literal or, for a single item, the name it is read from."""
    if not isinstance(seq, TupleVal) or isinstance(seq, ListOf):
        return UNKNOWN
    if isinstance(times, Const):
        int_times = isinstance(times.value, int) and not isinstance(times.value, bool)
    else:
        int_times = not isinstance(times, (Tensor, TupleVal))
    if seq.items and all(isinstance(v, Tensor) for v in seq.items) and int_times:
        # `[stop_tokens] * self.r`: those tensors, as many times as the run says (Real-Time-Voice-Cloning's
        # Tacotron extends its stop-token outputs so, then concatenates them)
        item = seq.items[0]
        for v in seq.items[1:]:
            item = join(item, v)
        return ListOf(item)
    dtype = _items_dtype(seq.items)
    if dtype is None or dtype is Dtype.BOOL:
        return UNKNOWN
    count = int_const(times)
    if count is not None:
        return NumberList(len(seq.items) * max(count, 0), dtype)
    if isinstance(times, Const) or isinstance(times, (Tensor, TupleVal)):
        return UNKNOWN  # not an int: a TypeError at run time, nothing to say
    return NumberList(dim_of(times, times_node) if len(seq.items) == 1 else None, dtype)


def dataset_row(t: Tensor) -> Tensor:
    """One item of a tensor given to ``TensorDataset``: its first axis dropped, dtype kept."""
    shape = t.shape
    row = Shape(shape.dims[1:]) if shape is not None and shape.rank_known and shape.dims else None
    return Tensor(dtype=t.dtype, shape=row)


def batched(t: Tensor, size: Dim = None) -> Tensor:
    """Rows stacked by the default collation: a new first axis of ``size`` rows (unknown unless every
    batch has the same known size), dtype kept."""
    shape = Shape((size, *t.shape.dims)) if t.shape is not None and t.shape.rank_known else None
    return Tensor(dtype=t.dtype, shape=shape)


def store_into_list(held: NumberList, stored: Value | None) -> NumberList:
    """``labels[i] = v``: the length stays; the dtype stays only when ``v`` keeps it (an int into
    a list of ints, a number into a list of floats)."""
    kind = _number_kind(stored) if stored is not None else None
    keeps = kind is held.dtype or held.dtype is Dtype.FLOAT and kind is Dtype.INT
    return held if keeps else NumberList(held.length, None)


def number_list_shape(v: Value) -> tuple[Shape | None, Dtype | None]:
    """Shape and dtype of ``torch.tensor(v)`` for a list held in a variable: known for a
    :class:`NumberList` only. A literal list bound to a name may have grown since
    (``labels.append(x)`` is not followed on tuples of values), so it stays unknown."""
    if isinstance(v, NumberList):
        return Shape((v.length,)), v.dtype
    return None, None


def concat_shape(parts: list[Tensor], count_known: bool, dim: Value, stack: bool) -> Shape | None:
    """Shape of ``torch.cat`` / ``torch.stack`` of tensors whose ranks are known and equal: the
    joined axis adds up its literal sizes (unknown when any is not literal, or when the number of
    tensors is unknown); every other axis keeps a size all parts agree on. ``stack`` adds a new
    axis of the number of tensors."""
    shapes = [p.shape for p in parts]
    if not shapes or any(s is None or not s.rank_known for s in shapes):
        return None
    rank = len(shapes[0].dims)  # type: ignore[union-attr]
    if any(len(s.dims) != rank for s in shapes) or not (isinstance(dim, Const) and isinstance(dim.value, int)):  # type: ignore[union-attr]
        return None
    out_rank = rank + 1 if stack else rank
    d = dim.value + out_rank if dim.value < 0 else dim.value
    if not 0 <= d < out_rank or rank == 0 and not stack:
        return None
    agreed: list[Dim] = []
    for i in range(rank):
        sizes = {s.dims[i] for s in shapes}  # type: ignore[union-attr]
        agreed.append(sizes.pop() if len(sizes) == 1 else None)
    if stack:
        agreed.insert(d, len(parts) if count_known else None)
    else:
        sizes_d = [s.dims[d] for s in shapes]  # type: ignore[union-attr]
        agreed[d] = sum(sizes_d) if count_known and all(isinstance(x, int) for x in sizes_d) else None  # type: ignore[arg-type]
    return Shape(tuple(agreed))


def _size_shape(size: Value, size_node: ast.expr | None) -> Shape | None:
    """The shape a literal ``size`` argument names (``(n, 2)``, ``[batch, 1]``): one axis per item; None otherwise."""
    if isinstance(size_node, (ast.Tuple, ast.List)) and isinstance(size, TupleVal):
        return Shape(tuple(dim_of(v, e) for v, e in zip(size.items, size_node.elts)))
    return None


def _normal_shape(node: ast.Call, pos: list[Value], kw: dict[str, Value]) -> Shape | None:
    """``torch.normal(mean, std, size)``: numbers for ``mean`` and ``std`` and the shape ``size`` names (the d2l book's
    ``torch.normal(0, 1, (num_examples, len(w)))``, round 39: not three sizes as for ``torch.randn``); ``torch.normal(mean,
    std)`` with a tensor ``mean`` (and a number ``std``, or a tensor of the same shape): the mean's shape. Unknown for
    anything else (a tensor ``std`` of another shape broadcasts; ``*args``)."""
    if has_star(node):
        return None
    size_node = keyword_arg(node, "size")
    if size_node is None and len(node.args) > 2:
        size_node = node.args[2]
    if size_node is not None:
        return _size_shape(kw.get("size", pos[2] if len(pos) > 2 else UNKNOWN), size_node)
    mean = pos[0] if pos else kw.get("mean", UNKNOWN)
    std = pos[1] if len(pos) > 1 else kw.get("std")
    if not isinstance(mean, Tensor) or mean.shape is None:
        return None
    if std is None or (isinstance(std, Const) and isinstance(std.value, (int, float))):
        return mean.shape
    return mean.shape if isinstance(std, Tensor) and std.shape == mean.shape else None


def _data_shape(node: ast.Call, pos: list[Value]) -> Shape | None:
    """``torch.FloatTensor(data)`` / ``torch.Tensor(data)`` of one literal list or one array (a
    numpy array or a tensor): the data's shape. Sizes: several arguments (``torch.FloatTensor(n, 10)``,
    each an integer: one axis each), or one whose value is an integer (``torch.FloatTensor(batch_size)``
    with ``batch_size = 64``: (64,)). Anything else (one argument that may be a size or data): unknown."""
    if node.keywords or has_star(node):
        return None
    if len(node.args) > 1:
        return Shape(tuple(v.value if isinstance(v, Const) and type(v.value) is int else None for v in pos))
    if len(node.args) != 1:
        return None
    if pos and isinstance(pos[0], Const) and type(pos[0].value) is int:
        return Shape((pos[0].value,))
    if isinstance(node.args[0], (ast.List, ast.Tuple)):
        return _literal_shape(node.args[0], pos[0] if pos else None)
    if number_items(node.args[0]) is not None:  # torch.Tensor([float(v) for v in row]): 1-D
        return Shape((None,))
    if pos and isinstance(pos[0], NumberList) and isinstance(node.args[0], ast.ListComp):
        return Shape((pos[0].length,))  # torch.FloatTensor([example[1] for example in rows]) of numbers: 1-D
    if pos and isinstance(pos[0], NumberList):  # torch.FloatTensor(labels), labels = df["label"].tolist(): 1-D
        return Shape((pos[0].length,))
    return pos[0].shape if pos and isinstance(pos[0], Tensor) else None


def _literal_dtype(node: ast.expr) -> Dtype | None:
    kinds: set[str] = set()

    def walk(n: ast.expr) -> bool:
        if isinstance(n, (ast.List, ast.Tuple)):
            return all(walk(e) for e in n.elts)
        if isinstance(n, ast.Constant):
            if isinstance(n.value, bool):
                kinds.add("bool")
                return True
            if isinstance(n.value, int):
                kinds.add("int")
                return True
            if isinstance(n.value, float):
                kinds.add("float")
                return True
            return False
        if isinstance(n, ast.UnaryOp) and isinstance(n.op, ast.USub):
            return walk(n.operand)
        return False

    if not walk(node) or not kinds:
        return None
    if "float" in kinds:
        return Dtype.FLOAT
    if kinds == {"int"}:
        return Dtype.INT
    if kinds == {"bool"}:
        return Dtype.BOOL
    return None


def _number_literal(node: ast.expr) -> bool:
    """``1.0``, ``-2``: one number written out (not a bool)."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        node = node.operand
    return isinstance(node, ast.Constant) and type(node.value) in (int, float)


def _literal_shape(node: ast.expr, value: Value | None = None) -> Shape | None:
    """The shape of a literal list (``[[1, 2], [3, 4]]``: (2, 2)). ``value``, the list's value where the
    caller has it: an innermost item that is not written as a number and may itself hold items (a name
    bound to a tuple, ``torch.tensor([vp, ll, lr])`` with ``vp = (x, y)``; a value not known) leaves the
    shape unknown."""
    if _number_literal(node):
        return Shape(())  # torch.tensor(1.0): a 0-dim tensor
    dims: list[Dim] = []
    n = node
    v = value
    while isinstance(n, (ast.List, ast.Tuple)):
        dims.append(len(n.elts))
        if not n.elts:
            break
        n = n.elts[0]
        v = v.items[0] if isinstance(v, TupleVal) and v.items else None
        if value is not None and not isinstance(n, (ast.List, ast.Tuple)) and not _number_literal(n) and not _scalar(v):
            return None
    if not dims:
        return None
    return Shape(tuple(dims))


def _scalar(v: Value | None) -> bool:
    """A value known to be one number: a constant, a Python number, a 0-dim tensor."""
    if isinstance(v, Const):
        return isinstance(v.value, (int, float))  # bool is an int
    if isinstance(v, Tensor):
        return v.shape is not None and v.shape.rank_known and v.shape.dims == ()
    return isinstance(v, Number)


def _inferred_size(dims: tuple[Dim, ...], shape: Shape | None) -> tuple[Dim, ...]:
    """``view``'s sizes with the one ``-1`` (held as None in ``dims``) worked out when every size of
    the input and every other size is known: ``x.reshape(1, 1).view(-1)`` is ``(1,)``."""
    if shape is None or not shape.rank_known or not all(isinstance(d, int) for d in shape.dims):
        return dims
    known = [d for d in dims if isinstance(d, int) and d > 0]
    if len(known) != len(dims) - 1:
        return dims
    total = math.prod(d for d in shape.dims if isinstance(d, int))
    rest = math.prod(known)
    if total % rest:
        return dims
    return tuple(total // rest if d is None else d for d in dims)


def reshape(t: Tensor, name: str, args: list[Value], kw: dict[str, Value], node: ast.Call, frame: Where, skip: int = 0) -> Tensor:
    """``skip``: the call's positional arguments before ``args`` (1 for ``torch.reshape(x, ...)``, whose tensor is ``t``)."""
    shape = t.shape
    new: Shape | None = None
    arg_nodes = [a for a in node.args if not isinstance(a, ast.Starred)][skip:]
    if name in ("squeeze", "torch.squeeze"):
        dim = args[0] if args else kw.get("dim", kw.get("axis"))
        if shape is not None and shape.rank_known:
            if dim is None:
                if all(d is not None for d in shape.dims):
                    new = Shape(tuple(d for d in shape.dims if d != 1))
            elif isinstance(dim, Const) and isinstance(dim.value, int):
                i = dim.value
                if -len(shape.dims) <= i < len(shape.dims):
                    dims = list(shape.dims)
                    if dims[i] == 1:
                        del dims[i]
                        new = Shape(tuple(dims))
                    elif dims[i] is not None:
                        new = shape
    elif name in ("unsqueeze", "torch.unsqueeze"):
        dim = args[0] if args else kw.get("dim", kw.get("axis"))
        if shape is not None and isinstance(dim, Const) and isinstance(dim.value, int):
            i = dim.value
            if shape.rank_known:
                dims = list(shape.dims)
                pos = i if i >= 0 else len(dims) + 1 + i
                if 0 <= pos <= len(dims):
                    dims.insert(pos, 1)
                    new = Shape(tuple(dims))
            elif i == -1:
                new = Shape((*shape.dims, 1), rank_known=False)
        elif isinstance(dim, Const) and dim.value == -1:
            new = Shape((1,), rank_known=False)  # a new last axis of size 1 on any tensor (round 37: a TD target's column)
    elif name in ("view", "reshape"):
        if has_star(node):
            new = None
        else:
            vals = args
            nodes = arg_nodes
            if len(vals) != len(nodes):
                vals, nodes = [], []  # torch.reshape(x, shape=(B, 1)): the sizes are not read
            if len(nodes) == 1 and isinstance(nodes[0], (ast.Tuple, ast.List)) and isinstance(vals[0], TupleVal):
                vals = list(vals[0].items)
                nodes = list(nodes[0].elts)
            if nodes and not (len(nodes) == 1 and not isinstance(vals[0], Const)):
                dims = []
                for v, n in zip(vals, nodes):
                    d = dim_of(v, n)
                    dims.append(None if d == -1 else d)
                inferred = [v for v, n in zip(vals, nodes) if dim_of(v, n) == -1]
                new = Shape(_inferred_size(tuple(dims), shape) if len(inferred) == 1 else tuple(dims))
    elif name in ("flatten", "torch.flatten"):
        start = args[0] if args else kw.get("start_dim", Const(0))
        if isinstance(start, Const) and start.value == 0 and len(args) <= 1:
            new = Shape((None,))
        elif isinstance(start, Const) and start.value == 1 and len(args) <= 1:
            first = shape.dims[0] if shape is not None and shape.rank_known and shape.dims else None
            new = Shape((first, None))
    elif name in ("t", "transpose", "torch.transpose") and shape is not None and shape.rank_known and (name != "t" or len(shape.dims) <= 2):
        new = swapped(shape, args if name != "t" else [Const(0), Const(1)])  # x.t(), x.transpose(0, 1) (round 21)
    elif name in ("to", "cuda", "cpu", "contiguous", "clone", "float", "double", "half", "bfloat16", "requires_grad_", "type_as", "torch.clone"):
        # the same values in the same places: the softmax's dimension and a one-hot encoding stay
        return _same_values(t, shape, t.data and name != "requires_grad_", act_dim=t.act_dim, one_hot=t.one_hot)
    # the same values, arranged anew
    return _same_values(t, new, t.data)


def _same_values(t: Tensor, shape: Shape | None, data: bool, **layout: Any) -> Tensor:
    """A tensor of ``t``'s values in ``shape``: their activation, dtype, graph, range and per-element facts stay, with
    what each path that met held and each model's output; a NumPy array's, an empty tensor's, a sum's start and a
    setting's marks do not. ``layout``: the facts of where the values sit that stay too (values left in place keep the
    softmax's dimension and a one-hot encoding)."""
    return Tensor(
        act=t.act,
        act_site=t.act_site,
        dtype=t.dtype,
        shape=shape,
        graph=t.graph,
        unreduced=t.unreduced,
        reduced=t.reduced,
        acts=t.acts,
        per_option=t.per_option,
        positive=t.positive,
        weights=t.weights,
        **range_marks(t),
        prob_pair=t.prob_pair,
        prob_pair_site=t.prob_pair_site,
        data=data,
        without_grad=t.without_grad,
        **layout,
    )


def _plain_input(v: Value) -> bool:
    """Features with no activation known (an unknown value, a tensor no softmax or sigmoid made)."""
    return not isinstance(v, Tensor) or (v.act is None and not v.acts and not v.one_hot and not v.weights)


def hand_written_scores(a: Value, b: Value) -> Tensor | None:
    """``x @ W``, ``torch.mm(x, W)``, ``torch.bmm(x, W.expand(...))`` with ``W`` an ``nn.Parameter`` of
    the checked code and ``x`` features with no activation: a linear layer written by hand, whose
    output is raw scores (round 28, tsyw/ML_home6's batched graph convolution). ``A @ s`` with ``s``
    such scores and ``A`` anything without an activation (a graph's normalised adjacency, a
    Laplacian) mixes them linearly: still raw scores, not log-probabilities nor probabilities. None
    for anything else (a product of two unknowns, of probabilities, of two parameters)."""
    ta = a if isinstance(a, Tensor) else None
    tb = b if isinstance(b, Tensor) else None
    graph = bool((ta and ta.graph) or (tb and tb.graph))
    shape = _matmul_shape(ta.shape if ta else None, tb.shape if tb else None)
    if tb is not None and tb.weights and tb.dtype is not Dtype.INT and _plain_input(a):
        return Tensor(act=Act.LOGITS, dtype=Dtype.FLOAT, shape=shape, graph=graph)
    if tb is not None and tb.act is Act.LOGITS and not tb.acts and _plain_input(a):
        return Tensor(act=Act.LOGITS, act_site=tb.act_site, dtype=Dtype.FLOAT, shape=shape, graph=graph)
    return None


def mixed_by_one_hot(a: Value, b: Value, batched: bool) -> Tensor | None:
    """``softmax(s, dim=-1).bmm(F.one_hot(y).float())``: each row of a softmax taken over the
    dimension the product sums, times one-hot rows, is a distribution again (the probabilities of the
    items that share a label add up: matching networks' class probabilities). ``batched``: ``bmm``,
    whose operands are 3-D, so a softmax over dim 2 is over the summed one. None for any other
    product: a softmax over another dimension, a second operand not known to be one-hot."""
    if not (isinstance(a, Tensor) and isinstance(b, Tensor)) or a.act is not Act.PROBS or a.act_dim is None or not b.one_hot:
        return None
    rank = 3 if batched else len(a.shape.dims) if a.shape is not None and a.shape.rank_known else None
    if a.act_dim != -1 and (rank is None or a.act_dim != rank - 1):
        return None
    return Tensor(act=Act.PROBS, act_site=a.act_site, dtype=Dtype.FLOAT, shape=_matmul_shape(a.shape, b.shape), graph=a.graph or b.graph)


def elementwise_activation(t: Tensor, rectified: bool, off_range: bool, site: Site | None) -> Tensor:
    """``torch.tanh(x)``, ``F.relu(x)``, ``x.relu()``: new values of ``t``'s shape, no activation known; a
    rectifier's are at least 0 (``rectified``), those of an activation that leaves [0, 1] applied to raw scores are
    no probabilities (``off_range``), both marked at ``site``."""
    return Tensor(
        dtype=t.dtype if t.dtype is Dtype.FLOAT else None,
        shape=t.shape,
        graph=t.graph,
        rectified=rectified,
        rectified_site=site if rectified else None,
        off_range=off_range,
        off_range_site=site if off_range else None,
    )


def apply_layer(layer: Layer, x: Value, node: ast.Call, frame: Where, explicit: bool) -> Value:
    """Apply a layer; ``explicit`` when the code calls the layer itself rather than a container."""
    t = tensor_of(x)
    name = f"{layer.qname.replace('torch.nn.', 'nn.')} layer"
    if explicit:
        site = Site(node, frame.scope, name, frame.module, explicit=True)
    else:
        site = layer.site or Site(node, frame.scope, name, frame.module, explicit=False)
    effect = layer.effect
    if effect == "linear":
        if t.shape is not None and t.shape.rank_known and t.shape.dims:
            shape: Shape | None = Shape((*t.shape.dims[:-1], layer.out_features))
        else:
            shape = Shape((layer.out_features,), rank_known=False)
        return Tensor(act=Act.LOGITS, act_site=site, dtype=Dtype.FLOAT, shape=shape)
    if effect == "conv":
        return Tensor(act=Act.LOGITS, act_site=site, dtype=Dtype.FLOAT, shape=_conv_shape(layer, t.shape))
    if effect == "unbounded":
        return Tensor(act=Act.LOGITS, act_site=site, dtype=Dtype.FLOAT, shape=t.shape)
    if effect in ACT_OF:
        return t.with_(act=ACT_OF[effect], act_site=site, graph=False, act_dim=layer.dim)
    if effect == "keep":
        return t
    if effect == "activation":
        # nn.ReLU(), nn.Tanh() of raw scores: numbers that leave [0, 1] (round 30)
        off = t.act is Act.LOGITS and layer.qname in api.OFF_RANGE_LAYERS
        if layer.qname in api.RECTIFIER_LAYERS:  # nn.ReLU(): numbers at least 0
            return Tensor(dtype=t.dtype, shape=t.shape, rectified=True, rectified_site=site, off_range=off, off_range_site=site if off else None)
        return Tensor(dtype=t.dtype, shape=t.shape, off_range=off, off_range_site=site if off else None)
    if effect == "keep_logits":
        if t.act is Act.LOGITS:
            return t
        # dropout scales what it keeps by 1 / (1 - p) and zeroes the rest: an activation's output keeps its range (round 30)
        return Tensor(dtype=t.dtype, shape=t.shape, **range_marks(t))
    if effect == "spatial_mean":
        # pytorchvideo's heads: softmax over the channels, then AdaptiveAvgPool3d(1) over time and space
        kept = t.act in (Act.LOGITS, Act.SIGMOID) or t.act is Act.PROBS and t.act_dim == 1
        rank = len(t.shape.dims) if t.shape is not None and t.shape.rank_known else None
        shape = Shape((*t.shape.dims[:2], *(None,) * (rank - 2))) if t.shape is not None and rank is not None and rank > 2 else None
        if kept:
            return Tensor(act=t.act, act_site=t.act_site, act_dim=t.act_dim, dtype=t.dtype, shape=shape)
        # a mean of numbers at least 0 is at least 0: an all-convolutional head's ReLU, then global average pooling
        # (round 30, omihub777/image-classification-pytorch's AllCNNC)
        return Tensor(dtype=t.dtype, shape=shape, rectified=t.rectified, rectified_site=t.rectified_site)
    if effect == "flatten":  # nn.Flatten(): (N, rest); nn.Flatten(0): one axis; any other span: not followed
        first = t.shape.dims[0] if t.shape is not None and t.shape.rank_known and t.shape.dims else None
        flat = Shape((first, None)) if layer.dim == 1 else Shape((None,)) if layer.dim == 0 else None
        return Tensor(act=t.act, act_site=t.act_site, dtype=t.dtype, shape=flat, **range_marks(t))  # the same numbers
    return Tensor()


def _conv_shape(layer: Layer, shape: Shape | None) -> Shape | None:
    """A convolution's output shape: the input's batch axis, out_channels, then the spatial axes
    (sizes not followed), when the input's rank is the batched or unbatched one the layer takes."""
    axes = api.CONV_SPATIAL_AXES.get(layer.qname)
    if axes is None or shape is None or not shape.rank_known or len(shape.dims) not in (axes + 1, axes + 2):
        return None
    return Shape((*shape.dims[: len(shape.dims) - axes - 1], layer.out_features, *(None,) * axes))


def functional_options(sig: api.LossSignature, pos: list[Value], kw: dict[str, Value]) -> tuple[str | None, bool | None]:
    return loss_options(sig.option_positions or {}, pos, kw)


def ctor_options(qname: str, pos: list[Value], kw: dict[str, Value]) -> tuple[str | None, bool | None]:
    return loss_options(api.LOSS_CTOR_OPTION_POSITIONS.get(qname, {}), pos, kw)


def loss_spec(qname: str, pos: list[Value], kw: dict[str, Value]) -> LossSpec:
    """The loss module that ``qname(*pos, **kw)`` builds (a class of ``api.LOSS_CLASSES``)."""
    reduction, log_target = ctor_options(qname, pos, kw)
    return LossSpec(qname, api.LOSS_CLASSES[qname].family, reduction, log_target)


def loss_options(positions: dict[str, int], pos: list[Value], kw: dict[str, Value]) -> tuple[str | None, bool | None]:
    """The effective reduction and log_target of a loss call or constructor, from its arguments
    (``positions``: where the options stand among the positional ones) and torch's defaults."""

    def opt(name: str, default: Value) -> Value:
        if name in kw:
            return kw[name]
        i = positions.get(name)
        if i is not None and i < len(pos):
            return pos[i]
        return default

    reduction = reduction_from(opt("reduction", Const("mean")), opt("size_average", Const(None)), opt("reduce", Const(None)))
    return reduction, bool_of(opt("log_target", Const(False)))


def reduction_from(reduction: Value, size_average: Value, reduce: Value) -> str | None:
    """The effective reduction, with torch's legacy mapping; None when not statically known."""
    if not isinstance(size_average, Const) or not isinstance(reduce, Const):
        return None
    if size_average.value is not None or reduce.value is not None:
        sa = True if size_average.value is None else bool(size_average.value)
        rd = True if reduce.value is None else bool(reduce.value)
        if not rd:
            return "none"
        return "mean" if sa else "sum"
    if isinstance(reduction, Const) and isinstance(reduction.value, str):
        return "mean" if reduction.value == "elementwise_mean" else reduction.value  # torch's deprecated alias
    return None


def legacy_flag(reduction: str | None, name: str) -> Value:
    """``criterion.size_average`` / ``criterion.reduce`` of a loss module whose reduction is known:
    the flag a 2017-era module kept (``size_average=False`` is ``"sum"``), read back to pass it on to
    another loss. Today's modules keep only ``reduction``; unknown where the reduction does not tell."""
    if reduction not in ("mean", "sum", "none") or name == "size_average" and reduction == "none":
        return UNKNOWN
    return Const(reduction == "mean") if name == "size_average" else Const(reduction != "none")


def bool_of(v: Value) -> bool | None:
    if isinstance(v, Const) and isinstance(v.value, bool):
        return v.value
    return None


def index_shape(shape: Shape | None, elements: list[tuple[ast.expr, Value]]) -> Shape | None:
    """The shape of ``x[...]`` under basic indexing: a slice keeps its axis (``:`` keeps its size),
    an integer drops it (``x[:, 0]`` of (N, 2) is (N,)), ``None`` adds one of size 1, ``...``
    stands for the axes not named. A single integer tensor of known shape picks rows: its axes
    replace the first (``y[perm[:64]]`` of (N,) is (64,)); a boolean mask of rank k keeps one
    axis of unknown size for the k it covers. Anything else (a list index, several tensors)
    gives an unknown shape."""
    if shape is None or not shape.rank_known:
        return None
    if len(elements) == 1 and isinstance(elements[0][1], Tensor):
        return _tensor_index_shape(shape, elements[0][1])
    named = sum(1 for el, _ in elements if not (isinstance(el, ast.Constant) and (el.value is None or el.value is Ellipsis)))
    if named > len(shape.dims) or sum(1 for el, _ in elements if isinstance(el, ast.Constant) and el.value is Ellipsis) > 1:
        return None
    dims = list(shape.dims)
    out: list[Dim] = []
    i = 0
    for el, value in elements:
        if isinstance(el, ast.Constant) and el.value is None:
            out.append(1)
        elif isinstance(el, ast.Constant) and el.value is Ellipsis:
            rest = len(dims) - named
            out.extend(dims[i : i + rest])
            i += rest
        elif isinstance(el, ast.Slice):
            full = el.lower is None and el.upper is None and el.step is None
            out.append(dims[i] if full else None)
            i += 1
        elif isinstance(value, IntVal) or int_const(value) is not None:
            i += 1
        else:
            return None
    return Shape((*out, *dims[i:]))


def _tensor_index_shape(shape: Shape, index: Tensor) -> Shape | None:
    if index.shape is None or not index.shape.rank_known or not shape.dims:
        return None
    if index.dtype is Dtype.INT:
        return Shape((*index.shape.dims, *shape.dims[1:]))
    if index.dtype is Dtype.BOOL and 0 < len(index.shape.dims) <= len(shape.dims):
        return Shape((None, *shape.dims[len(index.shape.dims) :]))
    return None
