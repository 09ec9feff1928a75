"""torch's behaviour: what each torch function, loss and tensor method does to an abstract value."""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import Any

from lossguard.static import torch_api as api
from lossguard.static.events import Arg, Backward, LossCall, TorchCall
from lossguard.static.interp.base import InterpBase
from lossguard.static.interp.branch_settings import reachable
from lossguard.static.interp.data_calls import DATA_ROWS
from lossguard.static.interp.distributions import DISTRIBUTION_ROWS
from lossguard.static.interp.ema_copies import EMA_ROWS
from lossguard.static.interp.extremes import EXTREME_ROWS
from lossguard.static.interp.frame import LIST_MUTATORS, Env, Frame, detached_expr
from lossguard.static.interp.gathered_shapes import gathered_shape
from lossguard.static.interp.hf_models import hf_model, is_hf_model
from lossguard.static.interp.image_transforms import IMAGE_TRANSFORM_ROWS
from lossguard.static.interp.layer_lists import sequential_layers
from lossguard.static.interp.metric_collections import METRIC_COLLECTION_ROWS
from lossguard.static.interp.model_choices import options_of
from lossguard.static.interp.name_tables import STRING_CASES
from lossguard.static.interp.numpy_calls import NUMPY_ROWS
from lossguard.static.interp.parallel_apply import PARALLEL_ROWS
from lossguard.static.interp.probability_pairs import complement_pair, mark_pair
from lossguard.static.interp.pyg_autoencoders import PYG_ROWS
from lossguard.static.interp.python_numbers import ARITHMETIC_ROWS, sized_shape
from lossguard.static.interp.repeated_blocks import repeated_layers
from lossguard.static.interp.running_means import decayed_receiver
from lossguard.static.interp.sampled_tensors import SAMPLED_ROWS
from lossguard.static.interp.segmentation_models import SEGMENTATION_ROWS, is_torchvision_segmentation, torchvision_segmentation_model
from lossguard.static.interp.sequences import list_item
from lossguard.static.interp.statements import element
from lossguard.static.interp.tabular import TABULAR_ROWS
from lossguard.static.interp.tensor_methods import TENSOR_METHODS, m_gather, m_masked_select, m_reduce, m_row_selection
from lossguard.static.interp.torch_args import Handler, MethodHandler, TorchCallArgs, table
from lossguard.static.interp.training import scaled_name
from lossguard.static.no_grad_names import root_name
from lossguard.static.tensor_ops import (
    binop,
    bool_of,
    concat_shape,
    constructor,
    conversion_target,
    dim_of,
    dtype_of,
    elementwise_activation,
    functional_options,
    hand_written_scores,
    has_star,
    loss_spec,
    mixed_by_one_hot,
    reshape,
    tensor_of,
)
from lossguard.static.values import (
    ACT_OF,
    INT,
    MODEL_VALUES,
    UNKNOWN,
    Act,
    Const,
    DictVal,
    Dim,
    Dtype,
    External,
    HeadedList,
    IntVal,
    Layer,
    ListOf,
    NumberList,
    Optimizer,
    Packed,
    Partial,
    PretrainedModel,
    SequentialVal,
    Shape,
    Site,
    Tensor,
    TupleVal,
    Value,
    int_const,
    join,
)


def _input_without_grad(sig: api.LossSignature, args: dict[str, Arg], frame: Frame) -> bool:
    """The loss's input (its first argument) is read from a name the body binds only under
    ``with torch.no_grad():`` (``with torch.no_grad(): pred = model(x)`` then ``crit(pred, y)``,
    :mod:`lossguard.static.no_grad_names`), and every other argument is a constant, written as
    graph-free (``.detach()``), read from such a name, or from a target of a loop around the call that
    the loop binds no other way (``for x, y in loader``, ``y = y.cuda()``), or a field of such a target
    (``batch.y`` of ``for batch in loader``, divelab/MoleculeX): the loss holds no graph. The values say the same
    where the flow decides (round 39): an input computed under no_grad whatever other binding its name has
    (``Tensor.without_grad``, interp.no_grad_values), and another argument holding numbers made a tensor
    (``Tensor.data``: ``torch.tensor(y).float()``, split by ``train_test_split``) or computed under no_grad too. A
    target computed with grad (``crit(target_q, q_pred)`` of a DQN's no-grad target given first) keeps the loss's
    graph."""
    first = args.get(sig.positional[0]) if sig.positional else None
    if first is None:
        return False
    facts = frame.module.facts
    without_grad = facts.grad_free_names(frame.scope_node).without_grad
    if root_name(first.node) not in without_grad and not (isinstance(first.value, Tensor) and first.value.without_grad):
        return False
    # a batch's data: the targets of a loop around the call, which that loop binds no other way
    data = {n for loop in frame.loops if isinstance(loop, (ast.For, ast.AsyncFor)) for n in facts.grad_free_names(loop).loop_targets}
    for arg in args.values():
        if arg is first or isinstance(arg.node, ast.Constant) or detached_expr(arg.node):
            continue
        if isinstance(arg.value, Tensor) and (arg.value.data or arg.value.without_grad):
            continue  # numbers made a tensor (``torch.tensor(y)``), or a tensor computed under no_grad: no graph
        name = root_name(arg.node)
        if name is None or name not in without_grad and name not in data:
            if _field_of(arg.node) not in data:
                return False
    return True


def _field_of(expr: ast.expr) -> str | None:
    """``batch`` of ``batch.y``, ``batch.y.float()``, ``batch.labels[:, 0]``: the name whose field a loss argument
    reads (a graph library's ``Data`` object, a dict-like batch); None for anything else."""
    while True:
        if isinstance(expr, ast.Attribute):
            return root_name(expr.value) if isinstance(expr.value, ast.Name) else _field_of(expr.value)
        if isinstance(expr, ast.Subscript):
            expr = expr.value
        elif isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and not expr.args and not expr.keywords:
            expr = expr.func.value
        else:
            return None


def _integer_input(sig: api.LossSignature, args: dict[str, Arg]) -> bool:
    """The loss's input cannot require grad: an integer or boolean tensor (``crit(argmax(model(x)) * 4,
    y)``: positions read off a heat map), or numbers made a tensor (``torch.stack([torch.tensor([a, b])
    ...])``, Tensor.data); and no other argument is known to be a float tensor or an activation's
    output other than such numbers (``torch.zeros(n, 3)``): the loss holds no graph."""
    first = args.get(sig.positional[0]) if sig.positional else None
    if first is None or not isinstance(first.value, Tensor):
        return False
    if first.value.dtype not in (Dtype.INT, Dtype.BOOL) and not first.value.data:
        return False
    for arg in args.values():
        if arg is first or not isinstance(arg.value, Tensor):
            continue
        if not arg.value.data and (arg.value.dtype is Dtype.FLOAT or arg.value.act is not None):
            return False
    return True


class TorchCallsMixin(InterpBase):
    """Calls into torch."""

    # ------------------------------------------------------------------ torch calls
    def _torch_call(self, qname: str, node: ast.Call, pos: list[Value], kw: dict[str, Value], starred: bool, frame: Frame) -> Value:
        written, qname = qname, api.FUNCTION_ALIASES.get(qname, qname)
        if qname.startswith("torch"):
            bound = _bound_keywords(node, kw) if len(kw) > len(node.keywords) else NO_KEYWORDS
            written_kw = tuple((k.arg, kw[k.arg]) for k in node.keywords if k.arg in kw)
            self.sink(TorchCall(node, qname, frame.ctx(), tuple(pos), written=written if written != qname else "", bound=bound, keywords=written_kw))
        elif qname in ("super",):
            return UNKNOWN
        call = TorchCallArgs(qname, node, pos, kw, starred, frame)
        if written in api.NATIVE_LOSS_REDUCTION_POSITIONS:
            return _native_loss_function(self, call, api.NATIVE_LOSS_REDUCTION_POSITIONS[written])
        handler = TORCH_FUNCTIONS.get(qname)
        if handler is not None:
            return handler(self, call)
        for matches, prefix_handler in TORCH_PREFIX_RULES:
            if matches(qname):
                return prefix_handler(self, call)
        return UNKNOWN

    def _loss_call(
        self: InterpBase,
        qname: str,
        family: str,
        sig: api.LossSignature,
        node: ast.Call,
        pos: list[Value],
        kw: dict[str, Value],
        frame: Frame,
        reduction: str | None,
        log_target: bool | None,
        chosen: str = "",
    ) -> Value:
        args: dict[str, Arg] = {}
        if has_star(node):
            return Tensor(graph=not frame.no_grad)
        for i, a in enumerate(node.args):
            if i < len(sig.positional):
                args[sig.positional[i]] = Arg(a, reachable(pos[i], frame.tests) if i < len(pos) else UNKNOWN)
        for k in node.keywords:
            if k.arg in sig.keywords:
                args[sig.keywords[k.arg]] = Arg(k.value, reachable(kw.get(k.arg, UNKNOWN), frame.tests))
        self.sink(LossCall(node, qname, family, args, reduction, log_target, frame.ctx(), chosen))
        for role, arg in args.items():
            # the output of one of several models chosen by a setting: the call once per model, with its condition
            for condition, output in options_of(arg.value):
                each = {**args, role: Arg(arg.node, output)}
                self.sink(
                    LossCall(node, qname, family, each, reduction, log_target, frame.ctx(), f"{chosen} and {condition}" if chosen else condition)
                )
        unreduced = reduction == "none"
        # criterion(pred.detach().cpu(), true.detach().cpu()): a validation loss with no graph
        graph = (
            not frame.no_grad
            and not (args and all(detached_expr(a.node) for a in args.values()))
            and not _input_without_grad(sig, args, frame)
            and not _integer_input(sig, args)
        )
        return Tensor(dtype=Dtype.FLOAT, shape=None if unreduced else Shape(()), graph=graph, unreduced=unreduced)

    def _value_method(self, recv: Value, name: str, node: ast.Call, pos: list[Value], kw: dict[str, Value], frame: Frame, env: Env) -> Value:
        """A method called on a tensor (or on a value of unknown type that may be a tensor)."""
        t = recv if isinstance(recv, Tensor) else None
        site = lambda what: Site(node, frame.scope, what, frame.module)  # noqa: E731
        if name == "backward":
            gradient = bool(node.args) or any(k.arg in ("gradient", None) for k in node.keywords)
            self.sink(Backward(node, recv, bool(node.args or node.keywords), frame.ctx(), gradient))
            target = node.func.value  # type: ignore[attr-defined]
            scaled = scaled_name(target)
            if scaled is not None:  # scaler.scale(loss).backward(): what backward() needs of loss
                target, recv = scaled, self.lookup(scaled.id, frame, env)
            if not frame.no_grad and not (isinstance(recv, Tensor) and recv.graph) and isinstance(target, ast.Name):
                # backward() only runs on a tensor that holds a graph, whatever built it
                # (a custom loss class, -torch.mean(self(x)), outputs.loss)
                held = recv if isinstance(recv, Tensor) else Tensor(dtype=Dtype.FLOAT)
                env[target.id] = held.with_(graph=True)
            return Const(None)
        if isinstance(recv, NumberList) and name in LIST_MUTATORS and isinstance(node.func, ast.Attribute):
            self.bind(node.func.value, UNKNOWN, frame, env)  # labels.append(x): another length, maybe another dtype
        if name == "add_" and pos and isinstance(node.func, ast.Attribute) and (averaged := decayed_receiver(node.func.value)) is not None:
            self.accumulate(node, averaged, pos[0], frame)  # `smooth.mul_(0.99).add_(loss, alpha=0.01)`
        elif name in ("append", "extend", "add_") and not isinstance(recv, Tensor) and pos:
            target = node.func.value  # type: ignore[attr-defined]
            self.accumulate(node, target, pos[0], frame)
            if name != "add_":
                self.grow_list(target, recv, pos[0] if name == "append" else element(pos[0]), frame, env, appended=name == "append", call=node)
            return Const(None)
        if name in LIST_MUTATORS and isinstance(recv, (TupleVal, ListOf, HeadedList)) and isinstance(node.func, ast.Attribute):
            added = pos[-1] if name == "insert" and len(pos) == 2 else None
            if added is not None and pos[0] == Const(0):
                self.grow_list(node.func.value, recv, None, frame, env, front=added)
            elif isinstance(recv, HeadedList):
                self.bind(node.func.value, ListOf(list_item(recv, added)), frame, env)  # reordered: the head is no longer known
            else:
                self.grow_list(node.func.value, recv, added, frame, env)  # reordered or shortened: the same kinds of items
        if isinstance(recv, Const) and isinstance(recv.value, str) and name in STRING_CASES and not pos and not kw:
            return Const(STRING_CASES[name](recv.value))  # `name = name.lower()` of a literal option: still known
        if isinstance(recv, (Const, TupleVal, NumberList, ListOf, HeadedList)):
            return UNKNOWN
        if t is None and name in _ACTIVATION_METHOD_ARGS and not _looks_like_tensor_method(name, pos, kw):
            return UNKNOWN  # `self.modules.softmax(x)`: a module or helper named like the tensor method
        base = t if t is not None else Tensor()
        if name in ("softmax", "log_softmax"):
            act = ACT_OF[name]
            dim = literal_dim(pos[0] if pos else kw.get("dim"))
            return base.with_(act=act, act_site=site(f".{name}()"), graph=False, unreduced=False, act_dim=dim)
        if name in ("sigmoid", "sigmoid_"):
            return base.with_(act=Act.SIGMOID, act_site=site(".sigmoid()"), graph=False, unreduced=False)
        if t is None:
            if name == "size" and pos and isinstance(pos[0], Const):
                return INT
            if name in api.INT_METHODS:
                return Tensor(dtype=Dtype.INT)
            if name in api.FLOAT_METHODS:
                return Tensor(dtype=Dtype.FLOAT)
            if name in api.INT_RESULT_METHODS:
                return Tensor(dtype=Dtype.INT)
            if name == "bool" or name in api.COMPARISON_METHODS:
                return Tensor(dtype=Dtype.BOOL)
            if name == "type_as" and pos:
                return Tensor(dtype=pos[0].dtype) if isinstance(pos[0], Tensor) and pos[0].dtype is not None else UNKNOWN
            if name in ("to", "type") and (pos or kw):
                target = conversion_target(pos, kw)
                return Tensor(dtype=target) if isinstance(target, Dtype) else UNKNOWN
            if name in ("log",):
                return UNKNOWN
            if name in ("view", "reshape", "flatten", "squeeze", "unsqueeze"):
                return reshape(Tensor(), name, pos, kw, node, frame)
            if name == "gather" and (picked := gathered_shape(name, pos, kw)) is not None:
                return Tensor(shape=picked)  # an unknown value's gather by a known index tensor: the index's shape
            return UNKNOWN
        handler = TENSOR_METHODS.get(name)
        if handler is None:
            return Tensor(graph=False)  # some other tensor
        return handler(t, TorchCallArgs(name, node, pos, kw, False, frame))


#: The keywords each activation method of a tensor accepts (``x.softmax(dim=1, dtype=...)``).
_ACTIVATION_METHOD_ARGS = {
    "softmax": ("dim", "dtype"),
    "log_softmax": ("dim", "dtype"),
    "sigmoid": (),
    "sigmoid_": (),
}


def _looks_like_tensor_method(name: str, pos: list[Value], kw: dict[str, Value]) -> bool:
    """On a receiver not known to be a tensor, ``recv.softmax(1)`` / ``recv.sigmoid()`` are taken
    for the tensor methods only when the arguments fit them: a literal axis, nothing else
    positional (``self.modules.softmax(x)`` calls a module that may be anything, a log-softmax too)."""
    keywords = _ACTIVATION_METHOD_ARGS[name]
    if any(k not in keywords for k in kw):
        return False
    if not keywords:
        return not pos
    return len(pos) <= 1 and all(isinstance(p, IntVal) or isinstance(p, Const) and type(p.value) is int for p in pos)


NO_KEYWORDS: frozenset[str] = frozenset()


def _bound_keywords(node: ast.Call, kw: dict[str, Value]) -> frozenset[str]:
    """The keywords a call gets without writing them (bound by ``functools.partial``), not ``None``."""
    written = {k.arg for k in node.keywords}
    return frozenset(k for k, v in kw.items() if k not in written and v != Const(None))


def literal_dim(dim: Value | None) -> int | None:
    """The dimension a call names with an int literal (``dim=2``, ``dim=-1``); None otherwise."""
    return int_const(dim)


def _softmax(interp: Any, c: TorchCallArgs) -> Value:
    act = ACT_OF[api.SOFTMAX_FUNCS[c.qname]]
    dim = literal_dim(c.pos[1] if len(c.pos) > 1 else c.kw.get("dim"))
    site = c.site(_written_softmax(c))
    return tensor_of(c.x).with_(act=act, act_site=site, graph=False, unreduced=False, act_dim=dim)


def _written_softmax(c: TorchCallArgs) -> str:
    """How a message names the softmax call: as written when it is a dotted name that ends in the
    function's own name (``torch.softmax``, ``F.log_softmax``, ``nn.functional.softmax``), so the
    user finds it in the code; else the resolved function, ``F.`` for ``torch.nn.functional.``."""
    func = c.node.func if isinstance(c.node, ast.Call) else None
    short = c.qname.rsplit(".", 1)[-1]
    if isinstance(func, ast.Attribute) and func.attr == short:
        parts: list[str] = []
        node: ast.expr = func
        while isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        if isinstance(node, ast.Name) and len(parts) <= 4:
            written = ".".join([node.id, *reversed(parts)])
            return written.replace("torch.nn.functional.", "F.")
    return c.qname.replace("torch.nn.functional.", "F.")


def _mix_by_one_hot(interp: Any, c: TorchCallArgs) -> Value:
    """``torch.bmm(p, one_hot)``, ``torch.matmul(p, one_hot)``: see :func:`mixed_by_one_hot`; any other
    ``torch.matmul(a, b)`` / ``torch.mm(a, b)`` is ``a @ b`` (its shape from theirs: round 26, a hand-written
    network's ``torch.mm(h, w.t()) + b``)."""
    if c.starred or len(c.pos) != 2 or c.kw:
        return Tensor()
    mixed = mixed_by_one_hot(c.pos[0], c.pos[1], batched=c.qname == "torch.bmm")
    if mixed is not None:
        return mixed
    if c.qname == "torch.bmm":
        scores = hand_written_scores(c.pos[0], c.pos[1])  # torch.bmm(x, self.weight.expand(n, -1, -1))
        return scores if scores is not None else Tensor(graph=False)
    product = binop(c.pos[0], c.pos[1], ast.MatMult())
    return product.with_(graph=False) if isinstance(product, Tensor) else Tensor(graph=False)


def _sigmoid(interp: Any, c: TorchCallArgs) -> Value:
    return tensor_of(c.x).with_(act=Act.SIGMOID, act_site=c.site("sigmoid"), graph=False, unreduced=False)


def _loss_function(interp: Any, c: TorchCallArgs) -> Value:
    sig = api.LOSS_FUNCTIONS[c.qname]
    reduction, log_target = functional_options(sig, c.pos, c.kw)
    return interp._loss_call(c.qname, sig.family, sig, c.node, c.pos, c.kw, c.frame, reduction, log_target)


def _native_loss_function(interp: Any, c: TorchCallArgs, position: int) -> Value:
    """``torch.kl_div(log_p, q)``: the functional's argument roles, but an integer reduction at its
    own position, ``none`` when not given."""
    sig = api.LOSS_FUNCTIONS[c.qname]
    given = c.kw.get("reduction", c.pos[position] if position < len(c.pos) else Const(0))
    reduction = api.NATIVE_REDUCTIONS.get(given.value) if isinstance(given, Const) and type(given.value) is int else None
    log_target = bool_of(c.kw.get("log_target", Const(False)))
    return interp._loss_call(c.qname, sig.family, sig, c.node, c.pos, c.kw, c.frame, reduction, log_target)


def _loss_class(interp: Any, c: TorchCallArgs) -> Value:
    if c.starred:
        return UNKNOWN
    return loss_spec(c.qname, c.pos, c.kw)


def _sequential(interp: Any, c: TorchCallArgs) -> Value:
    if c.starred and not c.kw and not c.pos:
        unpacked = interp._starred_seqs.get(id(c.node), UNKNOWN)
        layers = sequential_layers(unpacked) or repeated_layers(unpacked)
        return SequentialVal(layers) if layers else UNKNOWN  # nn.Sequential(*layers)
    if c.starred and not c.node.keywords:
        # nn.Sequential(*[Block(d) for _ in range(n)], nn.Linear(d, k), nn.Softmax(dim=1)): the layers after the
        # last unpacked list are the last ones, in order (round 24)
        args = c.node.args
        after = len(args) - 1 - max(i for i, a in enumerate(args) if isinstance(a, ast.Starred))
        return SequentialVal((UNKNOWN, *c.pos[len(c.pos) - after :])) if after else UNKNOWN
    if c.starred or c.kw:
        return UNKNOWN  # nn.Sequential() is filled by add_module / append (interp.calls)
    if len(c.pos) == 1 and isinstance(c.pos[0], DictVal):
        return SequentialVal(tuple(v for _, v in c.pos[0].items))  # nn.Sequential(OrderedDict([...]))
    return SequentialVal(tuple(c.pos))


def _ordered_dict(interp: Any, c: TorchCallArgs) -> Value:
    """``OrderedDict([("fc", nn.Linear(...)), ("softmax", nn.Softmax(1))])``: a dict of literal
    string keys, in order (what ``nn.Sequential`` and ``nn.ModuleDict`` are given)."""
    if c.starred or c.kw or len(c.pos) != 1 or not isinstance(c.pos[0], TupleVal):
        return UNKNOWN
    items: list[tuple[str, Value]] = []
    for pair in c.pos[0].items:
        if not (isinstance(pair, TupleVal) and len(pair.items) == 2 and isinstance(pair.items[0], Const) and isinstance(pair.items[0].value, str)):
            return UNKNOWN
        items.append((pair.items[0].value, pair.items[1]))
    return DictVal(tuple(items))


def _module_container(interp: Any, c: TorchCallArgs) -> Value:
    """``nn.ModuleList([...])`` / ``nn.ModuleDict({...})`` of known modules: the list or dict itself
    (indexing, iterating and ``.append`` then work as on it); an unknown one is unknown. ``nn.ModuleList()``
    is an empty list, which ``.append`` fills (round 24: GNN layer stacks)."""
    if c.qname.endswith("ModuleList") and not (c.starred or c.kw or c.pos):
        return TupleVal(())
    if c.starred or c.kw or len(c.pos) != 1:
        return UNKNOWN
    given = c.pos[0]
    if c.qname.endswith("ModuleList") and (isinstance(given, ListOf) or isinstance(given, TupleVal) and given.items and not hasattr(given, "fields")):
        return given
    if c.qname.endswith("ModuleDict") and isinstance(given, DictVal) and given.items:
        return given
    return UNKNOWN


def _layer(interp: Any, c: TorchCallArgs) -> Value:
    effect = api.LAYER_EFFECTS[c.qname]
    out: Dim = None
    if effect == "linear" or c.qname in api.CONV_SPATIAL_AXES:
        pos, node = c.pos, c.node
        keyword = "out_features" if effect == "linear" else "out_channels"
        out = dim_of(pos[1] if len(pos) > 1 else c.kw.get(keyword, UNKNOWN), node.args[1] if len(node.args) > 1 and not has_star(node) else None)
    dim = literal_dim(c.pos[0] if c.pos else c.kw.get("dim")) if effect in ("softmax", "log_softmax") and not c.starred else None
    if effect == "flatten":  # start_dim (default 1), when end_dim is the default -1; else None: not followed
        dim = None if c.starred or len(c.pos) > 1 or "end_dim" in c.kw else literal_dim(c.pos[0] if c.pos else c.kw.get("start_dim", Const(1)))
    return Layer(c.qname, effect, out, c.site(f"{c.qname.replace('torch.nn.', 'nn.')} layer", explicit=False), dim)


def _pretrained(interp: Any, c: TorchCallArgs) -> Value:
    return PretrainedModel(c.qname)


def _hub_model(interp: Any, c: TorchCallArgs) -> Value:
    """``torch.hub.load("pytorch/vision:v0.6.0", "alexnet", pretrained=True)``: torchvision's hub entry points are its
    model constructors, so the model is ``torchvision.models.alexnet``'s (its head replaceable as such); any other
    repository, or a name that is not a literal, is unknown (round 30, kenmaro3/pytorch_practice)."""
    repo = c.pos[0] if c.pos else c.kw.get("repo_or_dir", UNKNOWN)
    name = c.pos[1] if len(c.pos) > 1 else c.kw.get("model", UNKNOWN)
    if c.starred or not (isinstance(repo, Const) and isinstance(repo.value, str) and isinstance(name, Const) and isinstance(name.value, str)):
        return UNKNOWN
    if repo.value.split(":", 1)[0] != "pytorch/vision" or not name.value.isidentifier():
        return UNKNOWN
    qname = "torchvision.models." + name.value
    return PretrainedModel(qname) if _is_pretrained(qname) else UNKNOWN


def _module_wrapper(interp: Any, c: TorchCallArgs) -> Value:
    pos = c.pos
    return pos[0] if pos and isinstance(pos[0], (*MODEL_VALUES, Layer)) else UNKNOWN


def _external(interp: Any, c: TorchCallArgs) -> Value:
    return External(c.qname)


def _device(interp: Any, c: TorchCallArgs) -> Value:
    return External("torch.device")


def parameter_owners(node: ast.expr | None, frame: Frame) -> tuple[str, ...]:
    """Source texts of ``X`` in every ``X.parameters()`` / ``X.named_parameters()`` call inside an
    optimizer's params argument (``chain(G.parameters(), D.parameters())``, param-group dicts);
    empty when the argument holds anything else that could carry parameters (a name, a list)."""
    if node is None:
        return ()
    owners: list[str] = []
    inside: set[int] = set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.Call) and isinstance(sub.func, ast.Attribute) and sub.func.attr in ("parameters", "named_parameters"):
            owners.append(frame.module.segment(sub.func.value))
            inside.update(id(n) for n in ast.walk(sub))
    # a bare name or attribute outside those calls (`params`, `self.param_list`) may hold other parameters; the
    # argument of a lambda that picks some of them (`filter(lambda p: p.requires_grad, D.parameters())`) holds one
    picked = {a.arg for sub in ast.walk(node) if isinstance(sub, ast.Lambda) for a in sub.args.args}
    for sub in ast.walk(node):
        if id(sub) in inside or isinstance(sub, ast.Constant):
            continue
        if isinstance(sub, ast.Name) and sub.id not in ("chain", "itertools", "list", "filter", *picked):
            if not any(isinstance(p, ast.Call) and p.func is sub for p in ast.walk(node)):
                return ()
    return tuple(owners)


def _optimizer(interp: Any, c: TorchCallArgs) -> Value:
    node = c.node.args[0] if c.node.args and not has_star(c.node) else next((k.value for k in c.node.keywords if k.arg == "params"), None)
    return Optimizer(c.qname, parameter_owners(node, c.frame))


def _log(interp: Any, c: TorchCallArgs) -> Value:
    t = tensor_of(c.x)
    if t.act is Act.PROBS:
        return t.with_(act=Act.LOG_PROBS, act_site=t.act_site)
    return Tensor(dtype=t.dtype)


def _exp(interp: Any, c: TorchCallArgs) -> Value:
    t = tensor_of(c.x)
    if t.act is Act.LOG_PROBS:
        return t.with_(act=Act.PROBS)
    return Tensor(dtype=t.dtype)


def _clamp(interp: Any, c: TorchCallArgs) -> Value:
    t = tensor_of(c.x)
    if t.act in (Act.PROBS, Act.SIGMOID):
        return t.with_(graph=False)
    return Tensor(dtype=t.dtype, shape=t.shape, data=t.data)  # numbers made a tensor, clamped: no graph still


def _elementwise(interp: Any, c: TorchCallArgs) -> Value:
    """``torch.tanh(x)``, ``F.relu(x)``: new values of the same shape, no activation known (a rectifier's are at
    least 0; of raw scores, those of ``torch_api.OFF_RANGE_FUNCS`` leave [0, 1])."""
    t = tensor_of(c.x)
    rectified = c.qname in api.RECTIFIER_FUNCS
    off = t.act is Act.LOGITS and c.qname in api.OFF_RANGE_FUNCS
    return elementwise_activation(t, rectified, off, c.site(c.qname.replace("torch.nn.functional.", "F.")) if rectified or off else None)


def _value_keeping(interp: Any, c: TorchCallArgs) -> Value:
    return reshape(tensor_of(c.x), c.qname.rsplit(".", 1)[-1], c.pos[1:], c.kw, c.node, c.frame, skip=1)


def _method_form(method: MethodHandler, drop: tuple[str, ...] = ("input",)) -> Handler:
    """The handler of ``torch.<name>(x, ...)``: what the tensor method of the same name does to ``x``, given the
    call's other arguments (``drop``, the keywords that name ``x``, taken out); a tensor of nothing known for any
    other ``x`` or a starred call."""

    def handler(interp: Any, c: TorchCallArgs) -> Value:
        if c.starred or not isinstance(c.x, Tensor):
            return Tensor()
        rest = TorchCallArgs(c.qname.rsplit(".", 1)[-1], c.node, c.pos[1:], {k: v for k, v in c.kw.items() if k not in drop}, False, c.frame)
        return method(c.x, rest)

    return handler


#: ``torch.mean(x, dim=0)``, ``torch.sum(x)`` (the mean of probabilities over an axis is probabilities; a reduced loss
#: keeps its graph)
_reduce = _method_form(m_reduce)
_masked_select = _method_form(m_masked_select)
#: ``torch.gather(x, dim, index)``, ``torch.take_along_dim(x, index)``, ``torch.take(x, index)``
_gather = _method_form(m_gather)
#: ``torch.index_select(x, 0, idx)``, ``torch.split(x, n)``, ``torch.chunk(x, k)``
_row_selection = _method_form(m_row_selection, ("input", "tensor"))


def _one_hot(interp: Any, c: TorchCallArgs) -> Value:
    t = tensor_of(c.x)
    pos = c.pos
    return Tensor(
        dtype=Dtype.INT,
        shape=None
        if t.shape is None or not t.shape.rank_known
        else Shape((*t.shape.dims, dim_of(pos[1] if len(pos) > 1 else c.kw.get("num_classes", UNKNOWN)))),
        one_hot=True,
    )


def _int_result(interp: Any, c: TorchCallArgs) -> Value:
    return Tensor(dtype=Dtype.INT)


def _permutation(interp: Any, c: TorchCallArgs) -> Value:
    """``torch.randperm(n)``: the integers below ``n`` in some order, one axis of size ``n``."""
    n = c.pos[0] if c.pos else c.kw.get("n", UNKNOWN)
    size = dim_of(n, c.node.args[0] if c.node.args else None)
    return Tensor(dtype=Dtype.INT, shape=Shape((size,)))


def _constructor(interp: Any, c: TorchCallArgs) -> Value:
    made = constructor(c.qname, c.node, c.pos, c.kw)
    sized = sized_shape(c.qname, c.pos)  # torch.ones(x.size())
    if sized is not None and isinstance(made, Tensor):
        made = made.with_(shape=sized)
    if isinstance(made, Tensor) and made.dtype is Dtype.FLOAT:
        made = _drawn_scores(made, c)
    return made.with_(empty=True) if isinstance(made, Tensor) and _builds_empty(c.node) else made


def _drawn_scores(t: Tensor, c: TorchCallArgs) -> Tensor:
    """A standard normal draw (``torch.randn``, ``torch.randn_like``) stands for raw scores (api.NORMAL_DRAWS)."""
    return t.with_(act=Act.LOGITS, act_site=c.site(f"{c.qname} draw")) if c.qname in api.NORMAL_DRAWS else t


def _builds_empty(node: ast.Call) -> bool:
    """``torch.tensor([])``, ``torch.Tensor(())``, ``torch.empty(0)``: a tensor of no element, the start
    of a concatenation built in a loop."""
    if len(node.args) != 1:
        return False
    arg = node.args[0]
    if isinstance(arg, (ast.List, ast.Tuple)):
        return not arg.elts
    return isinstance(arg, ast.Constant) and type(arg.value) is int and arg.value == 0


def _like(interp: Any, c: TorchCallArgs) -> Value:
    t = tensor_of(c.x)
    if "dtype" in c.kw:
        dtype = dtype_of(c.kw["dtype"])  # None when the dtype is a variable
    else:
        dtype = Dtype.FLOAT if c.qname in ("torch.rand_like", "torch.randn_like") else t.dtype
    made = Tensor(dtype=dtype, shape=t.shape)
    return _drawn_scores(made, c) if dtype is Dtype.FLOAT else made


def _concatenate(interp: Any, c: TorchCallArgs) -> Value:
    joined = _joined(c)
    if c.qname == "torch.stack" and not c.starred and complement_pair(c.node):
        return mark_pair(joined, c.site("torch.stack"))
    return joined


def _joined(c: TorchCallArgs) -> Value:
    x = c.x
    count_known = not isinstance(x, ListOf)
    if isinstance(x, ListOf):
        x = TupleVal((x.item,))
    parts = [i for i in x.items if isinstance(i, Tensor)] if isinstance(x, TupleVal) else []
    if parts and len(parts) == len(x.items) and not c.starred:  # type: ignore[attr-defined]
        if any(not p.empty for p in parts):
            parts = [p for p in parts if not p.empty]  # an empty tensor adds no element to the others
        graph = any(p.graph for p in parts)
        acc: Value = Tensor(act=parts[0].act, act_site=parts[0].act_site, dtype=parts[0].dtype, graph=graph)
        for p in parts[1:]:
            acc = join(acc, Tensor(act=p.act, act_site=p.act_site, dtype=p.dtype, graph=graph))
        dim = c.pos[1] if len(c.pos) > 1 else c.kw.get("dim", c.kw.get("axis", Const(0)))
        shape = concat_shape(parts, count_known, dim, stack=c.qname == "torch.stack")
        if not isinstance(acc, Tensor):
            return acc
        # activations' outputs joined along an axis keep the range they all have (round 30: a generator's per-track blocks)
        rectified = all(p.rectified for p in parts)
        off = all(p.off_range for p in parts)
        return acc.with_(
            shape=shape,
            data=all(p.data for p in parts),
            rectified=rectified,
            rectified_site=parts[0].rectified_site if rectified else None,
            off_range=off,
            off_range_site=parts[0].off_range_site if off else None,
        )
    return Tensor()


def _same_value(interp: Any, c: TorchCallArgs) -> Value:
    """``copy.deepcopy(model)``, ``Variable(x)``: a value that behaves like the argument."""
    return c.pos[0] if len(c.pos) == 1 and not c.starred else UNKNOWN


def _parameter(interp: Any, c: TorchCallArgs) -> Value:
    """``nn.Parameter(torch.zeros(1, 3))``: the tensor's shape and dtype, a leaf without a graph."""
    held = c.pos[0] if len(c.pos) == 1 and not c.starred else None
    if not isinstance(held, Tensor):
        return UNKNOWN
    return held.with_(graph=False, weights=held.dtype is not Dtype.INT and held.act is None)


def _partial(interp: Any, c: TorchCallArgs) -> Value:
    """``functools.partial(f, k=v)``; positional bindings are not followed (they shift the call's arguments)."""
    if c.starred or len(c.pos) != 1:
        return UNKNOWN
    return Partial(c.pos[0], tuple(sorted(c.kw.items())))


def _reduce_call(interp: Any, c: TorchCallArgs) -> Value:
    return interp.reduce_call(c.pos, c.kw, c.starred)


def _pack(interp: Any, c: TorchCallArgs) -> Value:
    """``pack_padded_sequence(x, lengths)``: ``x``'s values in a packed layout (shape unknown)."""
    x = c.x
    return Packed(x.with_(shape=None)) if isinstance(x, Tensor) and not c.starred else UNKNOWN


def _unpack(interp: Any, c: TorchCallArgs) -> Value:
    """``pad_packed_sequence(packed)``: ``(padded values, lengths)``; the values are those packed."""
    seq = c.pos[0] if c.pos else c.kw.get("sequence", UNKNOWN)
    data = seq.data if isinstance(seq, Packed) and not c.starred else Tensor()
    return TupleVal((data, Tensor(dtype=Dtype.INT)))


def _trainer(interp: Any, c: TorchCallArgs) -> Value:
    """``create_supervised_trainer(model, optimizer, loss_fn)``: the loss applied to the model's
    output at this call (interp.trainers); what the trainer returns is not followed."""
    if not c.starred:
        interp.run_trainer(api.TRAINERS[c.qname], c.node, c.pos, c.kw, c.frame, {})
    return UNKNOWN


def _some_tensor(interp: Any, c: TorchCallArgs) -> Value:
    return Tensor()


#: What each torch function does, by qualified name (after ``api.FUNCTION_ALIASES``).
TORCH_FUNCTIONS: dict[str, Handler] = table(
    (api.SOFTMAX_FUNCS, _softmax),
    (("torch.nn.functional.sigmoid",), _sigmoid),
    (api.LOSS_FUNCTIONS, _loss_function),
    (api.LOSS_CLASSES, _loss_class),
    (("torch.nn.Sequential",), _sequential),
    (("torch.nn.ModuleList", "torch.nn.ModuleDict"), _module_container),
    (("collections.OrderedDict",), _ordered_dict),
    (api.LAYER_EFFECTS, _layer),
    (api.PRETRAINED_FUNCS, _pretrained),
    (("torch.hub.load",), _hub_model),
    (api.MODULE_WRAPPERS, _module_wrapper),
    (api.SAME_VALUE_FUNCS, _same_value),
    (api.PARAMETER_FUNCS, _parameter),
    (("functools.partial",), _partial),
    (("functools.reduce",), _reduce_call),
    ((*api.GRAD_SCALERS, *api.ACCELERATORS), _external),
    (api.DEVICE_FUNCS, _device),
    (api.OPTIMIZER_FUNCS, _optimizer),
    (("torch.log",), _log),
    (("torch.exp",), _exp),
    *ARITHMETIC_ROWS,
    (("torch.clamp", "torch.clip"), _clamp),
    (api.VALUE_KEEPING_FUNCS, _value_keeping),
    (api.ELEMENTWISE_FUNCS, _elementwise),
    (api.GRAD_COLLECTIVES, _elementwise),  # hvd.allreduce(loss): the loss, averaged across processes
    (("torch.nn.functional.one_hot",), _one_hot),
    (("torch.bmm", "torch.matmul", "torch.mm", "torch.sparse.mm", "torch.spmm"), _mix_by_one_hot),
    (tuple(f"torch.{name}" for name in api.REDUCING_METHODS), _reduce),
    *EXTREME_ROWS,
    (("torch.masked_select",), _masked_select),
    (("torch.gather", "torch.take_along_dim", "torch.take"), _gather),
    (tuple(f"torch.{name}" for name in api.ROW_SELECTION_METHODS), _row_selection),
    (("torch.randperm",), _permutation),
    (("torch.argmax", "torch.argmin", "torch.bucketize", "torch.searchsorted"), _int_result),
    (
        (*api.SIZED_CONSTRUCTORS, *api.FLOAT_CONSTRUCTORS, *api.INT_CONSTRUCTORS, "torch.tensor", "torch.as_tensor", "torch.arange", "torch.full"),
        _constructor,
    ),
    (("torch.zeros_like", "torch.ones_like", "torch.empty_like", "torch.rand_like", "torch.randn_like", "torch.full_like"), _like),
    (("torch.cat", "torch.stack", "torch.concat"), _concatenate),
    *NUMPY_ROWS,
    *SAMPLED_ROWS,
    *TABULAR_ROWS,
    *DATA_ROWS,
    *IMAGE_TRANSFORM_ROWS,
    (api.PACK_FUNCS, _pack),
    (api.UNPACK_FUNCS, _unpack),
    (api.TRAINERS, _trainer),
    *METRIC_COLLECTION_ROWS,
    *DISTRIBUTION_ROWS,
    *SEGMENTATION_ROWS,
    *PYG_ROWS,
    *EMA_ROWS,
    *PARALLEL_ROWS,
)


def _is_pretrained(qname: str) -> bool:
    return (
        qname.startswith(api.PRETRAINED_PREFIXES)
        and qname.count(".") == 2
        and not any(x in qname for x in api.PRETRAINED_EXCLUDE)
        and qname.rsplit(".", 1)[-1][:1].islower()
    )


def _is_optimizer_class(qname: str) -> bool:
    return qname.startswith(api.OPTIMIZER_PREFIXES) and qname.count(".") == 2 and qname.rsplit(".", 1)[-1][:1].isupper()


_NOT_TENSOR_FUNCS = (
    "torch.nn.",
    "torch.optim",
    "torch.utils",
    "torch.distributed",
    "torch.cuda",
    "torch.backends",
    "torch.autograd",
    "torch.jit",
    "torch.compile",
    "torch.manual_seed",
    "torch.save",
    "torch.load",
    "torch.set_",
    "torch.device",
    "torch.accelerator",
    "torch.get_default_device",
    "torch.no_grad",
    "torch.inference_mode",
    "torch.enable_grad",
    "torch.amp",
    "torch.autocast",
)


def _is_tensor_function(qname: str) -> bool:
    """Any other lowercase ``torch.*`` function returns some tensor."""
    return qname.startswith("torch") and qname.split(".")[-1][:1].islower() and not qname.startswith(_NOT_TENSOR_FUNCS)


#: Families of names not worth listing one by one, tried in order after :data:`TORCH_FUNCTIONS`.
TORCH_PREFIX_RULES: tuple[tuple[Callable[[str], bool], Handler], ...] = (
    (_is_pretrained, _pretrained),
    (is_hf_model, hf_model),
    (is_torchvision_segmentation, torchvision_segmentation_model),
    (_is_optimizer_class, _optimizer),
    (_is_tensor_function, _some_tensor),
)
