"""What every detector shares: the per-step observation, findings, declared parameters, state, statistics.

Detectors are framework-free: they see plain Python numbers, never tensors, so they can be
unit-tested on synthetic series and their state is a small JSON-able dict.

Each detector declares its parameters once (:class:`Param` attributes: kind, default, doc); the
constructor, the argument errors, ``repr`` and the parameter table of its rule page
(``python -m lossguard.docs_gen``) are all derived from that declaration.
"""

from __future__ import annotations

import builtins
import math
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, ClassVar, Generic, TypeVar, cast, overload

import numpy as np

from lossguard import catalog
from lossguard.errors import UsageError

T = TypeVar("T")


@dataclass
class StepStats:
    """What the watcher measured for one optimizer step (None: not measured this step).

    ``grad_ratio`` is (first dense layer's gradient / weight norm) / (the last one's);
    ``body_ratio`` the same against the dense layer before the last (None with fewer than 3).
    ``head_scale`` is the last dense layer's weight norm per output unit: about 0.58 at torch's
    default init, 0 for a zero-initialised head. ``constant_target`` is True when every checked call of a binary
    cross-entropy had one target value for its whole batch, or every one of an elementwise loss (MSE, L1, smooth
    L1, Huber) the value 1 or 0 for its whole batch (a GAN's real/fake labels, under BCE or least squares), or the loss was declared adversarial
    (``watch(adversarial=True)``): either way it hovers at an equilibrium.
    """

    step: int
    loss: float | None = None
    grad_norm: float | None = None
    grad_ratio: float | None = None
    grad_to_weight: float | None = None
    nonfinite_grad: str | None = None
    nonfinite_source: str | None = None
    lr: float | None = None
    updated: bool | None = None
    update_ratio: float | None = None
    chance_loss: float | None = None
    body_ratio: float | None = None
    # the least value the watched loss can take (misuse.lower_bound), None if unknown
    loss_floor: float | None = None
    head_scale: float | None = None
    constant_target: bool | None = None
    # the entropy of the class counts of the targets seen (cross-entropy or NLL with class-index
    # targets, from 256 counted targets on): the loss of a model that predicts the class
    # frequencies and ignores its inputs. When known, ``chance_loss`` is at most this.
    target_entropy: float | None = None
    # an evaluation inside the step() of an optimizer with a line search (L-BFGS's strong Wolfe): a
    # trial the search may back off from (LG102 holds a jump there until a loss is back down)
    line_search: bool | None = None
    # the model holds a normalisation layer (BatchNorm, LayerNorm, GroupNorm, InstanceNorm); set with grad_ratio
    normalised: bool | None = None
    # how many targets (examples) the loss of a call averages, when known: a watched criterion's target
    # count, ``observe(targets=...)``'s or ``observe(examples=...)``'s (the Lightning plugin's batch); 1 is
    # a batch of one example, whose loss is that example's alone (LG102 wants a jump confirmed there)
    examples: int | None = None
    # a binary cross-entropy's (or MultiLabelSoftMarginLoss's) name and the least and greatest target seen on a
    # checked call, once one was outside [0, 1] (-1/1 labels): the loss is then unbounded below (LG107's fix)
    target_range: tuple[str, float, float] | None = None
    # the watched built-in loss's family (``misuse.loss_kind``: "kl", "nll", "ctc", ...), when known: LG107's fix
    # names the input that loss expects
    loss_kind: str | None = None

    @classmethod
    def of_step(cls, step: int, loss: float | None, lr: float | None, chance_loss: float | None, updated: bool | None) -> StepStats:
        """The statistics of one step with these five fields set and every other one None.

        The watcher builds one per step: this skips the generated ``__init__`` (nineteen
        assignments); the unset fields read as their defaults, which the dataclass keeps on the
        class, and ``asdict``, ``replace``, ``==`` and ``repr`` see the same values.
        """
        stats = object.__new__(cls)
        stats.step, stats.loss, stats.lr, stats.chance_loss, stats.updated = step, loss, lr, chance_loss, updated
        return stats


class Run:
    """Consecutive plain steps of one read, as parallel lists, for :meth:`Detector.absorb`.

    Plain: each step's statistics are those of an optimizer step (``updated`` true) with a finite
    loss and nothing measured (no gradient norm, update or ratio, not a line-search trial):
    :meth:`StepStats.of_step` with the value checks' ``constant_target``, ``loss_floor`` and ``examples``, which
    are the same for every step of a run. Most steps are plain (gradients are measured on some
    steps only).

    ``levels`` holds the distinct (``chance_loss``, ``target_entropy``) pairs of the run's steps, as their
    statistics would carry them (the chance level may change at a sampled call inside a run); None when not
    known, and then no detector screens the run's checks by it (:meth:`LossPlateau.absorb`).
    """

    __slots__ = ("steps", "losses", "lrs", "constant_target", "floor", "levels")

    def __init__(
        self,
        steps: list[int],
        losses: list[float],
        lrs: list[float | None],
        constant_target: bool | None,
        floor: float | None,
        levels: list[tuple[float | None, float | None]] | None = None,
    ) -> None:
        self.steps, self.losses, self.lrs = steps, losses, lrs
        self.constant_target, self.floor, self.levels = constant_target, floor, levels


@dataclass
class Finding:
    """A detector's verdict for one step; the watcher turns it into an Event.

    ``fix`` is the fix chosen from this finding's evidence; None keeps the catalog's general fix.
    """

    message: str
    data: dict[str, Any] = field(default_factory=dict)
    severity: str | None = None
    fix: str | None = None


# ---------------------------------------------------------------------------- argument checks


def positive_int(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise UsageError(f"Argument {name} should be a positive integer, got {value!r}")
    return value


def non_negative_int(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise UsageError(f"Argument {name} should be a non-negative integer, got {value!r}")
    return value


def positive_float(name: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value <= 0:
        raise UsageError(f"Argument {name} should be a positive number, got {value!r}")
    return float(value)


def fraction(name: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value < 1:
        raise UsageError(f"Argument {name} should be a number between 0 and 1 (exclusive), got {value!r}")
    return float(value)


def above_one(name: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value <= 1:
        raise UsageError(f"Argument {name} should be a number above 1, got {value!r}")
    return float(value)


def at_least_one(name: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 1:
        raise UsageError(f"Argument {name} should be at least 1, got {value!r}")
    return float(value)


def boolean(name: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise UsageError(f"Argument {name} should be True or False, got {value!r}")
    return value


def at_least(name: str, value: int, minimum: int, what: str) -> int:
    if value < minimum:
        raise UsageError(f"Argument {name} should be at least {what} ({minimum}), got {value!r}")
    return value


# kind -> (check, words for the docs' parameter table)
KINDS: dict[str, tuple[Callable[[str, Any], Any], str]] = {
    "positive_int": (positive_int, "integer > 0"),
    "non_negative_int": (non_negative_int, "integer >= 0"),
    "positive_float": (positive_float, "number > 0"),
    "fraction": (fraction, "number in (0, 1)"),
    "above_one": (above_one, "number > 1"),
    "at_least_one": (at_least_one, "number >= 1"),
    "bool": (boolean, "True/False"),
}


class Param(Generic[T]):
    """One detector parameter, declared once as a class attribute (``window = Param("positive_int",
    64, "steps of history")``): its name is the attribute's, its type the default's. Validation,
    the constructor's arguments (in declaration order), ``repr`` and the docs table come from here;
    the constructor stores the checked value on the instance, which then reads as a plain ``T``."""

    name: str

    def __init__(self, kind: str, default: T, doc: str) -> None:
        if kind not in KINDS:
            raise ValueError(f"unknown parameter kind {kind!r}")
        self.kind, self.default, self.doc = kind, default, doc

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> Param[T]: ...
    @overload
    def __get__(self, obj: object, owner: type | None = None) -> T: ...
    def __get__(self, obj: object, owner: type | None = None) -> Param[T] | T:
        if obj is None:
            return self
        raise AttributeError(f"{type(obj).__name__} has no value for parameter {self.name!r} yet")

    def check(self, value: Any) -> T:
        return cast(T, KINDS[self.kind][0](self.name, value))


# ---------------------------------------------------------------------------- state


class StateReader:
    """Checked reads of a saved detector state: each field named, typed and validated.

    A missing field (a state saved by an older version) keeps the fresh value; a field of the
    wrong type is a UsageError naming the detector and the field.
    """

    def __init__(self, detector: Detector, state: Any) -> None:
        if not isinstance(state, dict):
            raise UsageError(f"State of detector {detector.code} {detector.name} should be a dict, got {type(state).__name__}")
        self.det = detector
        self.state = state

    def _bad(self, key: str, what: str) -> UsageError:
        return UsageError(f"State of detector {self.det.code} {self.det.name}: field {key!r} should be {what}, got {self.state[key]!r}")

    def has(self, key: str) -> bool:
        return key in self.state

    def int(self, key: str, current: int) -> int:
        if key not in self.state:
            return current
        v = self.state[key]
        if isinstance(v, bool) or not isinstance(v, int):
            raise self._bad(key, "an integer")
        return v

    def bool(self, key: str, current: bool) -> bool:
        if key not in self.state:
            return current
        v = self.state[key]
        if not isinstance(v, bool):
            raise self._bad(key, "True or False")
        return v

    def number(self, key: str, current: float | None, optional: builtins.bool = False) -> float | None:
        if key not in self.state:
            return current
        v = self.state[key]
        if v is None and optional:
            return None
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise self._bad(key, "a number" + (" or None" if optional else ""))
        return float(v)

    def numbers(self, key: str, current: list[float]) -> list[float]:
        if key not in self.state:
            return current
        v = self.state[key]
        if not isinstance(v, list) or any(isinstance(x, bool) or not isinstance(x, (int, float)) for x in v):
            raise self._bad(key, "a list of numbers")
        return [float(x) for x in v]

    def window(self, key: str, current: deque[float]) -> deque[float]:
        """A bounded window: the saved values, the newest ``maxlen`` of them."""
        return deque(self.numbers(key, list(current)), maxlen=current.maxlen)

    def optional(self, key: str, current: float | None) -> float | None:
        """A number or None."""
        return self.number(key, current, optional=True)


@dataclass(frozen=True)
class Saved:
    """One field of a detector's saved state, declared once: ``state_dict`` and
    ``load_state_dict`` are both derived from the detector's ``saved`` tuple.

    ``kind`` names the :class:`StateReader` method that reads it back (``int``, ``bool``,
    ``number``, ``optional``: a number or None, ``numbers``: a list, ``window``: a bounded deque);
    lists and windows are saved as lists. ``attr`` is the attribute when it is not ``key``.
    """

    key: str
    kind: str
    attr: str = ""

    def __post_init__(self) -> None:
        if self.kind not in _SAVED_KINDS:
            raise ValueError(f"unknown state kind {self.kind!r}")
        if not self.attr:
            object.__setattr__(self, "attr", self.key)


_SAVED_KINDS = ("int", "bool", "number", "optional", "numbers", "window")


# ---------------------------------------------------------------------------- detector


class UpdateEvidence:
    """The largest update size (the last layer's |dW|/|W| per step) that a fix lowering the learning rate
    was chosen from in this run, with that fix's learning rate and step (:func:`advice.change_lr`). One
    per watcher, shared by its detectors (``Detector.evidence``): a later fix about a learning rate too
    high that measures less, or nothing (a skipped step, dead units), takes it, so the advice of one run
    never weakens without new evidence. Not saved with the detectors' state."""

    __slots__ = ("lr", "moved", "step")

    def __init__(self) -> None:
        self.moved: float | None = None
        self.lr: float | None = None
        self.step = -1


class Detector:
    """A small stateful object: declared, validated parameters, ``update`` per step, ``state_dict``."""

    code: ClassVar[str]
    name: ClassVar[str]  # the catalog's name for ``code`` unless the class sets its own (a detector of yours)
    # the Param attributes of the class and its bases, in declaration order (set for each subclass)
    params: ClassVar[tuple[Param[Any], ...]] = ()
    # the fields state_dict saves and load_state_dict reads back, in order; None: the detector
    # writes both methods itself
    saved: ClassVar[tuple[Saved, ...] | None] = None
    # whether absorb() stands for this class's update() (set for each subclass): a subclass that
    # overrides update() without its own absorb() gets every step through update()
    absorbs: ClassVar[bool] = False

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "absorb" in cls.__dict__:
            cls.absorbs = True
        elif "update" in cls.__dict__:
            cls.absorbs = False
        declared = {p.name: p for base in reversed(cls.__mro__) for p in vars(base).values() if isinstance(p, Param)}
        cls.params = tuple(declared.values())
        code = cls.__dict__.get("code")
        if code is not None and "name" not in cls.__dict__ and code in catalog.PROBLEMS:
            cls.name = catalog.PROBLEMS[code].name

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        cls = type(self).__name__
        names = [p.name for p in self.params]
        if len(args) > len(names):
            raise UsageError(f"{cls} takes at most {len(names)} arguments ({', '.join(names)}), got {len(args)}")
        for p, value in zip(self.params, args):
            if p.name in kwargs:
                raise UsageError(f"{cls} got argument {p.name} twice")
            kwargs[p.name] = value
        unknown = sorted(set(kwargs) - set(names))
        if unknown:
            raise UsageError(f"{cls} has no argument {unknown[0]!r}; its arguments are: {', '.join(names)}")
        for p in self.params:
            setattr(self, p.name, p.check(kwargs.get(p.name, p.default)))
        # the update size behind this run's fixes so far (the watcher gives its detectors one, shared)
        self.evidence = UpdateEvidence()
        self.validate()
        self.reset()

    def validate(self) -> None:
        """Checks between parameters (a window at least another one)."""

    def reset(self) -> None:
        """Fresh state."""

    def retrained(self) -> None:
        """The model's trainable parameters changed after the steps seen so far (layers unfrozen, a param group
        added: ``optimizer_side``): a detector whose window compares steps, or layers, across the change drops
        it here. The base class keeps everything."""

    def update(self, stats: StepStats) -> Finding | None:
        raise NotImplementedError

    def absorb(self, run: Run, i: int) -> int:
        """Take the plain steps ``run[i:]`` that :meth:`update` would take without a finding, up to the
        first one that may need it: change the state exactly as ``update`` would for each, and return
        the index of the first step not taken (``len(run.losses)`` for all). The watcher calls
        ``update`` for that step, then ``absorb`` from the next one. The base class takes none."""
        return i

    def state_dict(self) -> dict[str, Any]:
        """The fields of ``saved``, lists and windows as lists: a small JSON-able dict."""
        if self.saved is None:
            raise NotImplementedError
        state = {}
        for f in self.saved:
            value = getattr(self, f.attr)
            state[f.key] = list(value) if f.kind in ("numbers", "window") else value
        return state

    def load_state_dict(self, state: dict[str, Any]) -> None:
        """Read every field of ``saved`` (checked; a missing one keeps its fresh value), then :meth:`loaded`."""
        if self.saved is None:
            raise NotImplementedError
        r = StateReader(self, state)
        for f in self.saved:
            setattr(self, f.attr, getattr(r, f.kind)(f.key, getattr(self, f.attr)))
        self.loaded()

    def loaded(self) -> None:
        """Rebuild what is derived from the saved fields (a running maximum, a cache) after a load."""

    def arguments(self) -> dict[str, Any]:
        return {p.name: getattr(self, p.name) for p in self.params}

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.arguments().items())
        return f"{type(self).__name__}({args})"

    @classmethod
    def parameter_table(cls) -> str:
        """The Markdown table of this detector's parameters (for its rule page)."""
        rows = ["| Argument | Type | Default | Meaning |", "| --- | --- | --- | --- |"]
        for p in cls.params:
            rows.append(f"| `{p.name}` | {KINDS[p.kind][1]} | `{p.default!r}` | {p.doc.replace('|', chr(92) + '|')} |")
        return "\n".join(rows)


# ---------------------------------------------------------------------------- statistics


class SlidingMax:
    """The largest of the last ``size`` values pushed, in amortised O(1) per push.

    A detector that compares every step with its window's maximum would otherwise scan the
    whole window each time (``max`` of 64 floats is about 11,000 machine instructions, more
    than the rest of the step's update). Keeps the candidates, oldest first, each larger than
    every later one: a new value drops the candidates it dominates, and the oldest leaves
    once it falls out of the window. Equal values give the same maximum as ``max``.
    """

    __slots__ = ("size", "count", "queue")

    def __init__(self, size: int, values: Iterable[float] = ()) -> None:
        self.size = size
        self.count = 0
        self.queue: deque[tuple[int, float]] = deque()
        for v in values:
            self.push(v)

    def push(self, value: float) -> None:
        queue = self.queue
        while queue and queue[-1][1] <= value:
            queue.pop()
        queue.append((self.count, value))
        self.count += 1
        if queue[0][0] < self.count - self.size:
            queue.popleft()

    def value(self) -> float:
        """The maximum (the window must not be empty)."""
        return self.queue[0][1]


def below_zero(loss: float, first: float | None) -> bool:
    """The loss went below zero, by more than 1e-4 of the first loss's magnitude (``first``, None
    when ``loss`` is the first): not a KL's rounding. LG102, LG103 and LG104 stop judging such a loss: a
    policy-gradient loss (-log p(a) times a normalised return or advantage, summed over an episode)
    is about zero at the start, takes either sign and grows with the episodes' length as the policy
    learns, so it has no start, chance level or recent level to measure a spike or a plateau from."""
    return loss < 0 and (first is None or loss < -1e-4 * abs(first))


def median(values: Sequence[float]) -> float:
    ordered = sorted(values)
    n = len(ordered)
    mid = n // 2
    return ordered[mid] if n % 2 else 0.5 * (ordered[mid - 1] + ordered[mid])


def quantile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[int(q * (len(ordered) - 1))]


def mad(values: Sequence[float]) -> float:
    """Median absolute deviation, scaled to a standard deviation for normal noise."""
    centre = median(values)
    # |v - centre| without a call per value (IEEE subtraction is sign-symmetric: the same numbers)
    return 1.4826 * median([v - centre if v >= centre else centre - v for v in values])


def diff_noise(values: Sequence[float]) -> float:
    """Robust estimate of the step-to-step noise of a series, insensitive to a slow trend.

    The MAD of first differences: a smooth trend shifts the differences but barely widens them.
    """
    diffs = [b - a for a, b in zip(values, values[1:])]
    if not diffs:
        return 0.0
    return mad(diffs) / math.sqrt(2.0)


@lru_cache(maxsize=8)
def centred_time(n: int) -> np.ndarray:
    """0-centred step indices 0 .. n-1 (cached: windows have a few fixed lengths)."""
    return np.arange(n, dtype=np.float64) - (n - 1) / 2.0


@dataclass(frozen=True)
class LinearFit:
    """Least-squares line through a window: slope per step, its standard error, the residuals."""

    slope: float
    se: float
    residuals: np.ndarray


@lru_cache(maxsize=8)
def _time_norm(n: int) -> float:
    """sum(t * t) of :func:`centred_time`'s indices."""
    t = centred_time(n)
    return float(t @ t)


def linear_fit(values: Sequence[float] | np.ndarray) -> LinearFit:
    """Centre and detrend a series (shared by the plateau fit and the oscillation spectrum)."""
    y = np.asarray(values, dtype=np.float64)
    n = y.size
    t = centred_time(n)
    stt = _time_norm(n)
    # y.mean() is this sum over n (numpy's pairwise sum, one division), without its Python wrapper
    centred = y - float(y.sum()) / n
    slope = float(t @ centred) / stt
    resid = centred - slope * t
    se = math.sqrt(float(resid @ resid) / (n - 2) / stt) if n > 2 else 0.0
    return LinearFit(slope, se, resid)


def _sorted_median(y: np.ndarray) -> float:
    """np.median of finite values, without its NaN check (which imports numpy.ma on first use:
    a pause of tens of milliseconds in the middle of a training run)."""
    ordered = np.sort(y)
    mid = ordered.size // 2
    return float(ordered[mid]) if ordered.size % 2 else float((ordered[mid - 1] + ordered[mid]) / 2)


def clip_outliers(values: Sequence[float] | np.ndarray, k: float = 4.0) -> np.ndarray:
    """The series with values beyond median +- k robust standard deviations replaced by the median.

    One early outlier (an optimizer's first-step bump, one bad batch) would otherwise steer a
    least-squares fit over hundreds of steps (even pulled back to the bound, two such points at
    the start of a 100-step window tilt it by 1%); a real trend spreads the values evenly and is
    left untouched (a linear ramp's MAD is a quarter of its range).
    """
    y = np.asarray(values, dtype=np.float64)
    centre = _sorted_median(y)
    dev = np.abs(y - centre)
    spread = 1.4826 * _sorted_median(dev)
    if spread <= 0:
        return y
    return np.where(dev > k * spread, centre, y)


def fmt(value: float | None) -> str:
    if value is None:
        return "n/a"
    if not math.isfinite(value):
        return str(value)
    return f"{value:.4g}"
