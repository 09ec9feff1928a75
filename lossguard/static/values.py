"""Abstract values: what the checker knows about a Python value without running the code.

Every value is immutable and hashable. Knowledge only shrinks when paths meet: the join of
two different facts is "unknown", so a finding can only rest on facts that hold on every path.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import ast


class Act(Enum):
    """What kind of numbers a tensor holds, as far as its last operation tells."""

    LOGITS = "raw logits"  # unbounded real values (linear / convolution output)
    PROBS = "softmax probabilities"
    LOG_PROBS = "log-softmax log-probabilities"
    SIGMOID = "sigmoid probabilities"
    SIGMOID_DIFFS = "differences of sigmoid probabilities"  # a relativistic GAN's D(real) - mean(D(fake)): in [-1, 1]


#: Activations whose numbers no log-probability is (LG007, LG012; a log-probability is at most 0 and sums to 1 as its exp)
NOT_LOG_PROBS: tuple[Act, ...] = (Act.LOGITS, Act.PROBS, Act.SIGMOID)


#: The activation a softmax-like or sigmoid function, method or layer leaves, by the name of its
#: effect (torch_api.SOFTMAX_FUNCS, LAYER_EFFECTS; softmin is softmax of minus its input).
ACT_OF: dict[str, Act] = {"softmax": Act.PROBS, "softmin": Act.PROBS, "log_softmax": Act.LOG_PROBS, "sigmoid": Act.SIGMOID}


class Dtype(Enum):
    INT = "integer"
    FLOAT = "floating-point"
    BOOL = "boolean"


Dim = int | str | None  # a literal size, a symbolic size (a name), or unknown

#: (round 37) the length of a vector whose length is not known, kept where a broadcast with a tensor of unknown shape
#: leaves only trailing sizes (``discount * next_q.max(1)[0] + rewards``, ``rewards`` of unknown shape, ends in that
#: length): a symbolic size presumed above 1, as LG005 presumes of a vector of unknown length (a batch); no name the
#: code writes is spelled so, and it is shown as an unknown size
VECTOR_LENGTH = "?"


@dataclass(frozen=True)
class Shape:
    """A tensor shape. ``rank_known`` False means only the trailing ``dims`` are known."""

    dims: tuple[Dim, ...]
    rank_known: bool = True

    def describe(self) -> str:
        inner = ", ".join("?" if d is None else str(d) for d in self.dims)
        if not self.rank_known:
            return f"(..., {inner})" if inner else "(...)"
        return f"({inner},)" if len(self.dims) == 1 else f"({inner})"


@dataclass(frozen=True, eq=False)
class Site:
    """Where an activation was decided, for messages and for LG016's locality."""

    line_node: Any  # the ast node, resolved to a position only when a finding needs it
    scope: int  # id of the function body it happened in
    what: str  # e.g. "F.softmax", "nn.Softmax layer"
    module: Any = None  # the ModuleInfo of the file it is in
    explicit: bool = True  # a function or method call, not a layer inside a model


class Value:
    """Base of all abstract values."""


@dataclass(frozen=True)
class Unknown(Value):
    pass


UNKNOWN = Unknown()


@dataclass(frozen=True)
class ParamUnknown(Unknown):
    """An unknown value that came in through a function parameter nobody passed here."""


PARAM = ParamUnknown()


@dataclass(frozen=True)
class Number(Unknown):
    """A Python number read out of a tensor (``x.item()``, ``x.tolist()[0][0]``): its value is not
    known, but it is no tensor, so arithmetic with a tensor keeps the tensor's shape."""


NUMBER = Number()


@dataclass(frozen=True)
class NumberNest(Unknown):
    """``x.tolist()`` of a tensor of known rank: lists nested ``depth`` deep whose innermost items
    are numbers (``depth`` integer indices read a :class:`Number`)."""

    depth: int


@dataclass(frozen=True)
class SizeOf(Unknown):
    """``x.shape`` / ``x.size()`` of a tensor of known shape: what ``torch.ones(x.size())`` builds."""

    shape: Shape


@dataclass(frozen=True)
class MaybeNone(Unknown):
    """A loss object, a torch layer or a loss value holding its graph on one path and ``None`` on the
    other (an optional criterion, ``self.adv_loss = nn.BCELoss() if ... else None``; an optional pooling
    or activation layer of a model; an agent's ``train_step`` that returns ``None`` until its buffer
    fills): unknown as it stands, ``value`` inside a test that rules ``None`` out (``if self.adv_loss
    is not None:``)."""

    value: Value


@dataclass(frozen=True)
class KeyedItems(Unknown):
    """A container of unknown kind (what a function the checker cannot follow returned) after
    ``d["key"] = v`` stored some items by literal string keys: ``d["key"]`` reads ``v`` back. It
    may hold other keys too, so anything else (iterating it, another key) reads it as unknown."""

    items: tuple[tuple[str, Value], ...]


@dataclass(frozen=True)
class KnownOptions(Unknown):
    """The output of a call of a choice of models (:class:`Either` with conditions) where some
    models' outputs are no tensor with a known activation (a list under a setting the checker cannot
    decide, a value it cannot follow): unknown as it stands, so no rule reads it as a tensor, but a
    torch loss call of it runs once per model whose output is known, with that model's condition
    (interp.model_choices)."""

    per_option: tuple[tuple[str, Tensor], ...]


@dataclass(frozen=True)
class Const(Value):
    """A literal Python constant (numbers, strings, booleans, None)."""

    value: Any


def int_const(v: Value | None) -> int | None:
    """The int a literal holds (``2``, ``-1``; not ``True``, an int to Python); None for anything else."""
    return v.value if isinstance(v, Const) and isinstance(v.value, int) and not isinstance(v.value, bool) else None


@dataclass(frozen=True)
class LazyImport(Value):
    """``from <base> import <name>`` of a project module, resolved (parsed) only when first read."""

    base: str
    name: str
    relative: bool
    importer: Any = field(compare=False, hash=False)


@dataclass(frozen=True)
class ModuleRef(Value):
    """A project module bound by ``import pkg.mod`` / ``import mod as m`` / ``from . import mod``:
    its attributes are the module's globals and submodules."""

    dotted: str
    importer: Any = field(compare=False, hash=False)


@dataclass(frozen=True)
class Partial(Value):
    """``functools.partial(func, name=value, ...)``: a callable with some keywords bound."""

    func: Value
    keywords: tuple[tuple[str, Value], ...]


@dataclass(frozen=True)
class IntVal(Value):
    """An integer whose value is not known (``x.size(0)``, ``len(loader)``)."""


INT = IntVal()


@dataclass(frozen=True)
class Tensor(Value):
    act: Act | None = None
    act_site: Site | None = field(default=None, compare=False)
    dtype: Dtype | None = None
    shape: Shape | None = None
    graph: bool = False  # a loss value that still holds its autograd graph
    unreduced: bool = False  # per-element loss (reduction='none')
    #: a sum or mean of a per-element loss (``per_token.sum() / n``), or arithmetic on one, on some path: a loss there
    #: even where its graph is not known (a per-element value that met a hand-written divergence on another path); where
    #: it meets the per-element loss itself (a reduction helper's ``else: return per_token``), the paths disagree and the
    #: join is no per-element loss (round 37, huggingface/trl's ``_reduce_divergence_loss``). Not compared: it changes no
    #: other fact, so it must not make a call's analysis another context
    reduced: bool = field(default=False, compare=False)
    #: a sum started from a literal zero (``adv = 0.0; adv += criterion(...)``): where it meets the
    #: zero it started from (a loop that ran no time, a branch that added nothing), it is still a sum
    from_zero: bool = field(default=False, compare=False)
    #: where paths with different known activations met (``net`` is one of two models, one ending
    #: in a softmax, the other in a log-softmax): every activation it may hold, ``act`` None
    acts: frozenset[Act] = frozenset()
    #: the dimension a softmax normalised, as its call wrote it (``F.softmax(x, dim=2)``); kept only
    #: while the tensor keeps its shape (a device or dtype change), None when not known
    act_dim: int | None = None  # compared: a call memoised for one dim must not answer for another
    #: a one-hot encoding (``F.one_hot(y)``): every row holds one 1, the rest 0
    one_hot: bool = False
    #: a NumPy array (``np.zeros(n)``): it holds numbers, so a loss stored or added into it keeps no graph
    numpy: bool = False
    #: a tensor of no element (``torch.tensor([])``): a concatenation started from it holds only what
    #: was added, and where it meets that concatenation (a loop that ran no time) the other side stands
    empty: bool = False
    #: outcomes of tests of settings (name, literal, equal) it was made under: bound in one branch of
    #: ``if self.task == "cls_trans":`` and not in the other (interp.branch_settings)
    only_when: tuple[tuple[str, object, bool], ...] = ()
    #: the output of each model of a choice with its condition, where they disagree on the activation
    #: (interp.model_choices); kept only while the tensor is still their join
    per_option: tuple[tuple[str, Tensor], ...] = field(default=(), compare=False)
    #: written as a literal with a number above 0 (``torch.tensor([[.9, .1]])``) and only reshaped or
    #: moved since: no log-probability (every one is at most 0) is among its values
    positive: bool = False
    #: an ``nn.Parameter``'s own values (a weight matrix written by hand), only reshaped or moved since:
    #: a matrix product with it is a linear layer's raw scores (round 28, tensor_ops.binop)
    weights: bool = False
    #: the output of a rectifier (``torch.relu(self.fc(x))``, ``nn.ReLU()``, ``F.softplus``), only reshaped, moved or
    #: indexed since: numbers at least 0, which no log-probability is but 0 (round 29, rules._common.report_not_log_probs)
    rectified: bool = False
    rectified_site: Site | None = field(default=None, compare=False)
    #: raw scores through an activation that leaves [0, 1] (``F.relu(self.bn(self.conv(x)))``, ``torch.tanh(self.fc(h))``:
    #: one of ``torch_api.OFF_RANGE_*`` given an affine layer's output, ``Act.LOGITS``), only reshaped, moved, indexed,
    #: dropped out or concatenated with others like it since: numbers above 1 or below 0, which no probability is
    #: (round 30, LG002)
    off_range: bool = False
    off_range_site: Site | None = field(default=None, compare=False)
    #: where paths met that each hold numbers no log-probability is, some a rectifier's and others raw logits,
    #: probabilities or sigmoid output (a network chosen by name among some ending in a Linear layer and one ending in
    #: a pooled ReLU), ``act`` None: known not to be log-probabilities on any path (round 30), kept as ``rectified`` is
    no_log_probs: bool = False
    no_log_probs_site: Site | None = field(default=None, compare=False)
    #: a two-outcome distribution written by hand, ``torch.stack([1 - p, p], -1)`` (interp.probability_pairs), only
    #: moved or reshaped since: one of each pair is at least 0.5, which no log-probability is (round 32, LG008)
    prob_pair: bool = False
    prob_pair_site: Site | None = field(default=None, compare=False)
    #: numbers written or read by the code and made a tensor (``torch.tensor([vp, ll, lr])``, no
    #: ``requires_grad=True``), only moved, reshaped or stacked with others like it since: it holds no
    #: autograd graph, and neither does a loss whose input it is (interp.torch_calls)
    data: bool = False
    #: computed (a call or an operator) while grad was off, ``with torch.no_grad(): pred = model(x)``, and only moved or
    #: reshaped since: it holds no graph, though it is no number the code wrote (interp.no_grad_values)
    without_grad: bool = False

    def with_(self, **changes: Any) -> Tensor:
        if "act" in changes and "acts" not in changes:
            changes["acts"] = frozenset()  # a new activation replaces what the paths held
        if "act" in changes and "act_dim" not in changes:
            changes["act_dim"] = None
        changes.setdefault("positive", False)  # kept only where the values stay as written (tensor_ops.reshape)
        changes.setdefault("weights", False)  # likewise
        changes.setdefault("rectified", False)  # likewise
        changes.setdefault("rectified_site", None)
        changes.setdefault("off_range", False)
        changes.setdefault("off_range_site", None)
        changes.setdefault("no_log_probs", False)  # likewise
        changes.setdefault("no_log_probs_site", None)
        changes.setdefault("prob_pair", False)  # likewise
        changes.setdefault("prob_pair_site", None)
        changes.setdefault("data", False)  # likewise
        changes.setdefault("without_grad", False)  # likewise
        return replace(self, **changes)

    def possible_acts(self) -> frozenset[Act]:
        """Every activation the value may hold: its own, or those of the paths that met."""
        return frozenset((self.act,)) if self.act is not None else self.acts


@dataclass(frozen=True)
class Packed(Value):
    """A ``PackedSequence`` (``pack_padded_sequence(x, lengths)``): the values of ``data``, packed;
    ``pad_packed_sequence`` gives them back padded, with what they were (raw logits stay logits)."""

    data: Tensor


@dataclass(frozen=True)
class TupleVal(Value):
    items: tuple[Value, ...]


@dataclass(frozen=True)
class NumberList(Value):
    """A Python list of numbers whose length is known but not its items (``[1] * batch_size``):
    what ``torch.tensor`` needs to know the shape ``(length,)`` and the dtype of the result."""

    length: Dim
    dtype: Dtype | None  # INT for a list of ints, FLOAT when any item is a float


@dataclass(frozen=True)
class ListOf(Value):
    """A list or generator whose length is unknown but whose every element is ``item``
    (``[F.softmax(h(x), 1) for h in heads]``)."""

    item: Value
    #: when paths met with tuples of different lengths (a ``forward`` that returns ``(d, cls, aux)``
    #: under one setting, ``(d, cls)`` under the other): each length's tuple, the same lengths joined.
    #: Unpacking into n names reads only the n-tuple, since the others would raise there (``bind``)
    by_length: tuple[TupleVal, ...] = ()


@dataclass(frozen=True)
class HeadedList(Value):
    """A list whose first items are known one by one and whose later items, of unknown number, are
    each ``rest``: YOLOP's ``forward`` appends ``sigmoid(x)`` per segmentation head, then
    ``out.insert(0, det_out)``; ``out[0]`` is the detection output and ``out[1]`` a sigmoid. Read
    only by indexing with a constant; anything else takes it for a list it does not know."""

    head: tuple[Value, ...]
    rest: Value


@dataclass(frozen=True)
class DatasetRows(Value):
    """A dataset whose items are known (``TensorDataset(x, y)``): ``dataset[i]`` and each
    iteration give ``row`` (a tuple of the tensors without their first axis)."""

    row: Value


@dataclass(frozen=True)
class Batches(Value):
    """A ``DataLoader`` over a :class:`DatasetRows` with the default collation: each iteration
    gives ``batch`` (the rows stacked on a new first axis, its size unknown)."""

    batch: Value


@dataclass(frozen=True)
class Yielded(Value):
    """What a call of a generator function of the checked code gives: each iteration binds ``item``,
    the value every ``yield`` of its body agrees on (interp.generators)."""

    item: Value


@dataclass(frozen=True)
class DictVal(Value):
    """A dict literal with string keys (``{"logits": x, "loss": l}``)."""

    items: tuple[tuple[str, Value], ...]


@dataclass(frozen=True)
class NumberedDict(Value):
    """A dict literal whose keys are all integers (``{0: [AlexNet, "AlexNet"], 1: [VGG, "VGG"]}``, a
    numbered registry): ``d[1]`` reads that item, ``d[k]`` by a key the checker cannot know reads
    what every item has in common (interp.numbered_dicts)."""

    items: tuple[tuple[int, Value], ...]


@dataclass(frozen=True)
class QualName(Value):
    """A reference to something imported, by its fully qualified name (``torch.nn.CrossEntropyLoss``)."""

    name: str


@dataclass(frozen=True)
class LossSpec(Value):
    """An instance of a torch loss module (``nn.CrossEntropyLoss(...)``)."""

    qname: str
    family: str
    reduction: str | None  # None when not statically known
    log_target: bool | None = False


@dataclass(frozen=True)
class Layer(Value):
    """An instance of a torch layer whose effect on a tensor is known."""

    qname: str
    effect: str  # see torch_api.LAYER_EFFECTS
    out_features: Dim = None
    site: Site | None = field(default=None, compare=False)  # where the layer is constructed
    dim: int | None = None  # the dimension a softmax-like layer normalises over, when a literal names it


@dataclass(frozen=True)
class SequentialVal(Value):
    layers: tuple[Value, ...]


@dataclass(frozen=True)
class PretrainedModel(Value):
    """A model from a library whose forward is known to return logits (torchvision, timm), or, with
    ``head``, whatever the module the code put in place of its last layer returns (interp.replaced_heads)."""

    qname: str
    head: Value | None = None
    #: the keys of the dict its forward returns, each a logits tensor (torchvision's segmentation models:
    #: ``{"out": ..., "aux": ...}``); empty for a model that returns one tensor
    outputs: tuple[str, ...] = ()
    #: a Hugging Face ``transformers`` model (interp.hf_models): the head its class names ("sequence", "token",
    #: "choice", "lm"), empty for any other library's model; its call returns an :class:`HFOutput`
    hf_head: str = ""
    #: the ``num_labels=`` it was built with, when a literal says it (the logits' last axis)
    num_labels: Dim = None


@dataclass(frozen=True)
class HFOutput(Value):
    """What a Hugging Face model's call returns (a ``ModelOutput``): fields read by attribute, by string key or by
    ``.get``; ``positions`` the values ``outputs[i]`` reads, when known (``to_tuple()`` skips the fields that are
    ``None``, so ``outputs[0]`` is the loss when labels were passed and the logits when they certainly were not)."""

    fields: tuple[tuple[str, Value], ...]
    positions: tuple[Value, ...] | None = None


@dataclass(frozen=True)
class Optimizer(Value):
    qname: str
    #: source texts of the modules whose ``.parameters()`` it was built over (``("self.G", "self.D")``
    #: for ``Adam(chain(self.G.parameters(), self.D.parameters()))``); empty when not known
    params: tuple[str, ...] = field(default=(), compare=False)
    #: the network instances of the checked code those texts hold where it was built, the same objects whatever
    #: text later reaches the optimizer (interp.optimizer_networks); empty when not known
    networks: tuple[Value, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class External(Value):
    """An instance of a known library class whose methods matter (GradScaler, Accelerator)."""

    qname: str


@dataclass(frozen=True, eq=False)
class FunctionRef(Value):
    """A function or method defined in the checked code."""

    node: ast.FunctionDef | ast.AsyncFunctionDef
    module: Any  # the ModuleInfo it lives in
    owner: Any = None  # the ClassRef for methods

    def __hash__(self) -> int:
        return id(self.node)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FunctionRef) and other.node is self.node and other.owner is self.owner


@dataclass(frozen=True, eq=False)
class BoundMethod(Value):
    func: FunctionRef
    self_value: Value

    def __hash__(self) -> int:
        return hash((id(self.func.node), self.self_value))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, BoundMethod) and other.func == self.func and other.self_value == self.self_value


@dataclass(frozen=True, eq=False)
class ClassRef(Value):
    """A class defined in the checked code."""

    node: ast.ClassDef
    module: Any

    def __hash__(self) -> int:
        return id(self.node)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ClassRef) and other.node is self.node


@dataclass(frozen=True, eq=False)
class Instance(Value):
    """An instance of a class defined in the checked code; ``attrs`` come from its ``__init__``."""

    cls: ClassRef
    attrs: dict[str, Value] = field(default_factory=dict, compare=False)

    def __hash__(self) -> int:
        return id(self)

    def __eq__(self, other: object) -> bool:
        return self is other


@dataclass(frozen=True)
class Either(Value):
    """One of a few models (``D = A() if cond else B()``), or of a few classes of the checked code
    (``MODELS[name]``): calling it gives what all of them agree on."""

    options: tuple[Value, ...]
    #: the condition of a setting under which each option is the one (``args.model == 'mlp'``), when an
    #: ``if`` on settings chose among models of the checked code (interp.model_choices); () otherwise
    conditions: tuple[str, ...] = field(default=(), compare=False)


#: the most models an :class:`Either` holds (more: unknown). 8 until round 27, when a CTR repository's
#: `get_model(name)` picked one of 19 models (rixwew/pytorch-fm's set, each ending in a sigmoid) for one loss;
#: at 24 every corpus and survey16's trees gave the same findings, in the same time
MAX_EITHER = 24


def _no_log_probs(t: Tensor) -> bool:
    """Numbers no log-probability is, on every path ``t`` joins: an activation of :data:`NOT_LOG_PROBS`, several of
    them, a rectifier's numbers (at least 0), or a join of those."""
    acts = t.possible_acts()
    return bool(acts) and acts <= set(NOT_LOG_PROBS) or t.act is None and not t.acts and (t.rectified or t.no_log_probs)


def _no_log_probs_site(t: Tensor) -> Site | None:
    return t.act_site if t.act is not None else t.rectified_site if t.rectified else t.no_log_probs_site


def _first_site(a: Site | None, b: Site | None) -> Site | None:
    """Of two sites of the same activation, the one first in its file (then by file): a join is
    the same whichever path comes first (the order paths are met in is not always the code's)."""
    if a is None or b is None or a is b:
        return a or b
    return min(a, b, key=_site_order)


def _site_order(site: Site) -> tuple[str, int, int]:
    path = getattr(site.module, "path", None)
    return str(path or ""), getattr(site.line_node, "lineno", 0), getattr(site.line_node, "col_offset", 0)


_DEVICE_TYPES = ("cpu", "cuda", "mps", "xpu", "meta")


def _device(v: Value) -> bool:
    """A device: ``torch.device(...)``, or a string naming one (``"cuda"``, ``"cuda:1"``, ``"cpu"``)."""
    if isinstance(v, External):
        return v.qname == "torch.device"
    if isinstance(v, Const) and isinstance(v.value, str):
        kind, _, index = v.value.partition(":")
        return kind in _DEVICE_TYPES and (not index or index.isdigit())
    return False


#: the most tuple lengths a :class:`ListOf` keeps apart (more: none kept)
MAX_LENGTHS = 4


def _by_length(tuples: tuple[TupleVal, ...]) -> tuple[TupleVal, ...]:
    """Tuples met on different paths, those of the same length joined item by item, shortest first."""
    by: dict[int, TupleVal] = {}
    for t in tuples:
        if hasattr(t, "fields"):
            return ()
        known = by.get(len(t.items))
        joined = t if known is None else join(known, t)
        if not isinstance(joined, TupleVal):
            return ()
        by[len(t.items)] = joined
    return tuple(by[n] for n in sorted(by)) if len(by) <= MAX_LENGTHS else ()


def without_range_marks(t: Tensor) -> Tensor:
    """``t`` with its numbers no longer known to be an activation's output (``rectified``, ``off_range``), every other
    fact kept (a store into part of it, an in-place clamp through ``.data``: round 30)."""
    return replace(t, rectified=False, rectified_site=None, off_range=False, off_range_site=None)


def range_marks(t: Tensor) -> dict[str, Any]:
    """What ``t`` is known of its numbers' range as an activation's output, for a tensor of the same numbers
    rearranged (a reshape, an index, dropout)."""
    return {
        "rectified": t.rectified,
        "rectified_site": t.rectified_site,
        "off_range": t.off_range,
        "off_range_site": t.off_range_site,
        "no_log_probs": t.no_log_probs,
        "no_log_probs_site": t.no_log_probs_site,
    }


def join(a: Value, b: Value) -> Value:
    """The value known on both paths: equal facts survive, differing ones become unknown; two
    different models become :class:`Either` of them."""
    if a is b:
        return a
    if a == b:
        if isinstance(a, Tensor) and isinstance(b, Tensor) and (a.act_site is not b.act_site or a.reduced != b.reduced):
            # (sites and a reduced loss on a path do not count in ==)
            return replace(a, act_site=_first_site(a.act_site, b.act_site), reduced=a.reduced or b.reduced)
        return a
    if isinstance(a, KeyedItems) or isinstance(b, KeyedItems):
        return _join_keyed(a, b)
    if _is_none(a) or _is_none(b):
        other = b if _is_none(a) else a
        if isinstance(other, MaybeNone) or _optional(other) or isinstance(other, Tensor):
            # a tensor on one path and None on the other (`if y is not None: y = torch.tensor(y, ...)`): unknown as
            # it stands, the tensor where None would raise (a loss's input or target; round 30)
            return other if isinstance(other, MaybeNone) else MaybeNone(other)
        return UNKNOWN
    if isinstance(a, MaybeNone) or isinstance(b, MaybeNone):
        inner = join(a.value if isinstance(a, MaybeNone) else a, b.value if isinstance(b, MaybeNone) else b)
        return MaybeNone(inner) if _optional(inner) else UNKNOWN
    if isinstance(a, Optimizer) and isinstance(b, Optimizer):
        # `Gopt = optim.RMSprop(...)` or `optim.Adam(...)` by a setting: an optimizer either way
        same = a.params == b.params and len(a.networks) == len(b.networks) and all(x is y for x, y in zip(a.networks, b.networks))
        return Optimizer(
            a.qname if a.qname == b.qname else "torch.optim.Optimizer", a.params if a.params == b.params else (), a.networks if same else ()
        )
    if _device(a) and _device(b):
        # `device = "cuda" if torch.cuda.is_available() else "cpu"`: a device either way, so `labels.to(device)` keeps the
        # labels' dtype (round 29, HUST-NingKang-Lab/BGC-Prophet's trainer)
        return External("torch.device")
    if isinstance(a, Const) and isinstance(b, Tensor):
        a, b = b, a
    if isinstance(a, Tensor) and (a.from_zero or a.graph) and is_zero(b):
        # `adv = 0.0`, then `adv += criterion(...)` in a loop or a branch: the paths that added
        # nothing hold the zero it started from, the others a sum; only its graph is kept. The
        # same for `train_loss = 0.0` before a batch loop that binds `train_loss = criterion(...)`:
        # after the loop it is the last batch's loss (or the zero, when the loop ran no batch)
        return Tensor(graph=a.graph, from_zero=True)
    if isinstance(a, (*MODEL_VALUES, ClassRef, FunctionRef)) and isinstance(b, (*MODEL_VALUES, ClassRef, FunctionRef)):
        options: list[Value] = []
        for v in (*(a.options if isinstance(a, Either) else (a,)), *(b.options if isinstance(b, Either) else (b,))):
            if not any(v is o or v == o for o in options):
                options.append(v)
        # models, or classes or functions of the checked code (`MODELS[args.model]`, a class picked by a setting;
        # round 32, cprimel/cifar10-pytorch's `model_registry[args.model]()` of factory functions): calling one of
        # several builds one of several models; never a mix of models and things to call
        classes = sum(isinstance(o, (ClassRef, FunctionRef)) for o in options)
        return Either(tuple(options)) if len(options) <= MAX_EITHER and classes in (0, len(options)) else UNKNOWN
    if isinstance(a, Tensor) and isinstance(b, Tensor) and a.empty != b.empty:
        # `preds = torch.tensor([])`, then `preds = torch.cat((preds, F.softmax(h(x), 2)))` per head: on
        # a path that ran no iteration it holds no value at all, so what the others hold stands
        other = b if a.empty else a
        return replace(other, shape=None, dtype=other.dtype if a.dtype == b.dtype else None)
    if isinstance(a, Tensor) and isinstance(b, Tensor):
        acts_a, acts_b = a.possible_acts(), b.possible_acts()
        # no activation known on the join (different ones, or none, and not each side one or several of them), yet no
        # log-probability on either side
        mixed = (a.act is None or a.act != b.act) and not (a.act != b.act and acts_a and acts_b) and _no_log_probs(a) and _no_log_probs(b)
        return Tensor(
            act=a.act if a.act == b.act else None,
            act_site=_first_site(a.act_site, b.act_site) if a.act == b.act else None,
            # known on both sides but different: the rules that hold for each of them still hold
            acts=acts_a | acts_b if a.act != b.act and acts_a and acts_b else frozenset(),
            dtype=a.dtype if a.dtype == b.dtype else None,
            shape=_join_shapes(a.shape, b.shape),
            graph=a.graph and b.graph,
            unreduced=_unreduced_on_a_path(a, b),
            reduced=_reduced_on_a_path(a, b),
            from_zero=a.from_zero and b.from_zero,
            act_dim=a.act_dim if a.act == b.act and a.act_dim == b.act_dim else None,
            one_hot=a.one_hot and b.one_hot,
            numpy=a.numpy and b.numpy,
            positive=a.positive and b.positive,
            weights=a.weights and b.weights,
            # a rectifier's output on both paths (a generator's two branches, round 30)
            rectified=a.rectified and b.rectified,
            rectified_site=_first_site(a.rectified_site, b.rectified_site) if a.rectified and b.rectified else None,
            off_range=a.off_range and b.off_range,
            off_range_site=_first_site(a.off_range_site, b.off_range_site) if a.off_range and b.off_range else None,
            # logits on one path and a rectifier's numbers on the other: no log-probabilities either way (round 30)
            no_log_probs=mixed,
            no_log_probs_site=_first_site(_no_log_probs_site(a), _no_log_probs_site(b)) if mixed else None,
            prob_pair=a.prob_pair and b.prob_pair,
            prob_pair_site=_first_site(a.prob_pair_site, b.prob_pair_site) if a.prob_pair and b.prob_pair else None,
            data=a.data and b.data,
            without_grad=a.without_grad and b.without_grad,
        )
    if isinstance(a, TupleVal) and isinstance(b, TupleVal) and len(a.items) == len(b.items):
        return TupleVal(tuple(join(x, y) for x, y in zip(a.items, b.items)))
    if isinstance(a, TupleVal) and isinstance(b, TupleVal) and not hasattr(a, "fields") and not hasattr(b, "fields"):
        # lists of different lengths on two paths (`if c: outs.append(x)`): items like all of them
        item: Value = UNKNOWN
        for i, x in enumerate((*a.items, *b.items)):
            item = x if i == 0 else join(item, x)
        return ListOf(item, _by_length((a, b))) if a.items or b.items else a
    if isinstance(a, ListOf) and isinstance(b, ListOf):
        both = _by_length((*a.by_length, *b.by_length)) if a.by_length and b.by_length else ()
        return ListOf(join(a.item, b.item), both)
    if isinstance(a, HeadedList) and isinstance(b, HeadedList) and len(a.head) == len(b.head):
        return HeadedList(tuple(join(x, y) for x, y in zip(a.head, b.head)), join(a.rest, b.rest))
    if isinstance(a, TupleVal) and isinstance(b, ListOf):
        a, b = b, a
    if isinstance(a, ListOf) and isinstance(b, TupleVal) and not hasattr(b, "fields"):
        # `outs = []` before a loop that appends: the list it started as (or another literal) has
        # elements of the same kinds, or none
        item = a.item
        for x in b.items:
            item = join(item, x)
        return ListOf(item, _by_length((*a.by_length, b)) if a.by_length else ())
    if isinstance(a, DictVal) and isinstance(b, DictVal):
        # a key one path does not set is read only on the paths that set it (any other raises
        # KeyError): it keeps the value it has there (two models' `compute_loss` dicts, one with
        # more terms than the other)
        left, right = dict(a.items), dict(b.items)
        return DictVal(
            tuple(sorted((k, join(left[k], right[k]) if k in left and k in right else left.get(k, right.get(k, UNKNOWN))) for k in {*left, *right}))
        )
    return UNKNOWN


def _join_shapes(a: Shape | None, b: Shape | None) -> Shape | None:
    """The shape known on both paths: the same shape, or, for two shapes of the same known rank, that rank with the sizes
    both paths agree on (round 32, carpedm20/DiscoGAN-pytorch#16: a discriminator that ends in ``.view(-1, 1)`` in one
    setting and in ``.view(n, -1)`` in the other gives a matrix either way); unknown otherwise."""
    if a == b:
        return a
    if a is None or b is None or not (a.rank_known and b.rank_known) or len(a.dims) != len(b.dims):
        return None
    return Shape(tuple(x if x == y else None for x, y in zip(a.dims, b.dims)))


def _reduced_loss(t: Tensor) -> bool:
    """A loss that is no per-element loss on some path: one holding its graph, or a reduction of a per-element loss
    whose graph is not known (:attr:`Tensor.reduced`)."""
    return t.reduced or t.graph and not t.unreduced


def _unreduced_on_a_path(a: Tensor, b: Tensor) -> bool:
    """A per-element loss on both paths, or on one path and no loss on the other (a model's raw output: a
    ``forward`` that returns ``(loss,) + outputs`` only when it is given labels, read as ``model(**batch)[0]``).
    Where the other path holds a loss (``loss.mean()`` under an ``if``), the paths disagree and it is not one
    (round 32): a training loop that back-propagates it means the loss, and on the path where that is a
    per-element loss torch raises. A reduction of the per-element loss is such a loss even where its graph is not
    known (round 37: ``if reduction == "sum": return per_token.sum()`` ... ``else: return per_token``)."""
    return a.unreduced and (b.unreduced or not _reduced_loss(b)) or b.unreduced and not _reduced_loss(a)


def _reduced_on_a_path(a: Tensor, b: Tensor) -> bool:
    """Whether the join holds a reduced loss on some path where neither its graph nor its being a per-element loss
    says so: a reduction on either side, or a loss holding its graph met a value without one (the graph is lost by the
    join, the loss on that path is not). Kept so that a later join with the per-element loss itself reads the same in
    any order of the paths."""
    if a.reduced or b.reduced:
        return not _unreduced_on_a_path(a, b)
    return (a.graph != b.graph) and _reduced_loss(a if a.graph else b)


def _join_keyed(a: Value, b: Value) -> Value:
    """A key stored on both paths keeps what both values share. A key only one path stored is
    read only on that path when the other is a known dict without it (reading it there raises
    KeyError), and may hold anything when the other is a container that may have it."""
    if not isinstance(a, (KeyedItems, DictVal)) or not isinstance(b, (KeyedItems, DictVal)):
        return UNKNOWN
    left, right = dict(a.items), dict(b.items)
    items: dict[str, Value] = {}
    for key in {*left, *right}:
        if key in left and key in right:
            items[key] = join(left[key], right[key])
        elif isinstance(b if key in left else a, DictVal):
            items[key] = left[key] if key in left else right[key]
    return KeyedItems(tuple(sorted(items.items()))) if items else UNKNOWN


def holds_graph_items(value: object) -> bool:
    """A dict or tuple the interpreter knows item by item, one of whose items is a tensor that holds
    a graph (``losses.append(loss)`` of the dict ``{"mse": F.mse_loss(out, y), ...}`` a loss
    helper returns): keeping the container keeps that graph. Without a ``.detach()`` of its own, it
    is given no automatic fix."""
    if isinstance(value, DictVal):
        items = [v for _, v in value.items]
    elif isinstance(value, TupleVal):
        items = list(value.items)
    else:
        return False
    return any(isinstance(v, Tensor) and v.graph for v in items)


def is_zero(v: Value) -> bool:
    """A literal numeric zero (``0``, ``0.0``), where sums start."""
    return isinstance(v, Const) and type(v.value) in (int, float) and v.value == 0


def _optional(v: Value) -> bool:
    """What a path may give instead of ``None`` and still be known where a test rules ``None`` out: a loss
    object, a torch layer, or a loss value that holds its graph (an agent's ``train_step`` that returns
    ``None`` until its replay buffer fills, the loss tensor after; round 27, survey18); or an instance of a class
    of the checked code (deep mutual learning's ``criterion_dml = KLLoss()``, ``None`` without a student; round 35)."""
    return isinstance(v, (LossSpec, Layer, Instance)) or (isinstance(v, Tensor) and v.graph)


def _is_none(v: Value) -> bool:
    return isinstance(v, Const) and v.value is None


#: Values that are models (what ``model(x)`` runs): joined into :class:`Either`, passed through wrappers.
MODEL_VALUES = (Instance, SequentialVal, PretrainedModel, Either)
