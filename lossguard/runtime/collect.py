"""What the watcher collects on the device during one optimizer step, and the one read that
brings a batch of steps to the host.

A record holds 0-d tensors (or, on the CPU, loss values already read); nothing is read back
until :func:`read`, which stacks every pending value into one tensor, all-reduces it under
torch.distributed, and reads it with one ``tolist()``.
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import torch

from lossguard.runtime.distributed import all_reduce_sum

# Read cadence: on the CPU a loss value is already on the host, so a read only costs the
# gradient norms' small stack; elsewhere every read is a host synchronisation.
SYNC_CPU = 8
SYNC_DEVICE = 16

# A plain step: an optimizer step (stepped, not skipped, not a closure's evaluation) whose loss
# terms were read at their call (the CPU, one process) with a finite mean, and nothing else to
# read (no gradient norms, flags or input sums). All the read takes of it is its step, loss,
# learning rate, chance level and wall time (StepStats.of_step, TensorBoard's row), kept as these
# PLAIN values in StepState.plain, in this order (Watcher._finish_current decides); every other
# step stays a Record in StepState.pending. Most CPU steps are plain: no object is kept for them.
PLAIN = 5
PLAIN_STEP, PLAIN_LOSS, PLAIN_LR, PLAIN_CHANCE, PLAIN_WALL = range(PLAIN)

# a step no run reaches (StepState.sparse_from where the gradient norms keep their full cadence)
NEVER = 1 << 62


# A read brings every pending step to the host and through the detectors at once. When nobody
# asked for a fixed cadence (sync_every), events go only to the console ("warn") and one process
# trains, a read waits past read_every's steps until READ_WAIT seconds have passed since the
# last one, but never past READ_MOST steps: a fast loop (a step of 0.2 ms) then reads every 256
# steps instead of every 8, a report still comes within a tenth of a second of its step (it
# names that step), and a read's fixed part (and the cold caches the next steps find after
# it) is shared by more steps; its per-record part is not. READ_MOST bounds what waits: on the
# CPU five values (about 0.12 KB) a plain step (PLAIN), a record (about 0.5 KB of Python
# objects) every other step. A non-finite loss is read at once whatever the cadence (Record.urgent).
READ_WAIT = 0.1
READ_MOST = 256

# On an accelerator, each of the first EAGER steps is read at once (EAGER synchronisations in
# all, then none per step): a learning rate that blows up at step 1 is reported before the NaN
# it makes ends the process, as a device-side assert does (BCELoss's range check on CUDA), which
# leaves nothing on the device readable. A fixed sync_every keeps its cadence.
EAGER = 8


def eager_steps(device: torch.device, sync_every: int | None) -> int:
    """How many first steps are read one by one (:data:`EAGER`): none on the CPU, where a crash
    leaves every pending value readable at exit."""
    return EAGER if sync_every is None and device.type != "cpu" else 0


def read_most(every: int, sync_every: int | None, on_event: Any, world: int, skipping: bool) -> int:
    """The most steps a read may wait (see READ_WAIT): ``every`` itself, that is no waiting, for
    a cadence the user fixed, a policy that acts on events (``"raise"``, a callable: it must hear
    of them on time), skipping bad updates (``optimizer=``: each step's decision reads the
    detectors' windows, which a read brings up to date) and torch.distributed (every rank reads
    at the same steps)."""
    if sync_every is not None or on_event != "warn" or world != 1 or skipping:
        return every
    return max(every, READ_MOST)


def read_every(device: torch.device | None, sync_every: int | None = None, on_event: Any = None) -> int:
    """Steps between reads of the device statistics (how far a read may wait past it:
    :func:`read_most`).

    ``on_event="raise"`` on the CPU reads every step, so that the exception comes at the step
    the problem began; elsewhere the exception names that step.
    """
    if sync_every is not None:
        return sync_every
    if device is None or device.type == "cpu":
        return 1 if on_event == "raise" else SYNC_CPU
    return SYNC_DEVICE


class StepState:
    """The watcher's per-call and per-step bookkeeping, and what the per-step path reads of the
    watcher, on a plain object with slots.

    These fields change or are read on every criterion call, backward and optimizer step. On the
    watcher (an ``nn.Module``) each assignment goes through ``nn.Module.__setattr__``, and each
    read through the slow attribute path of a class with ``__getattr__`` (CPython does not
    specialise it: 4-5x a plain object's read); the per-step path takes the state object once
    and reads everything else here. The watcher exposes the fields as properties (``step``,
    ``calls``, ``_cur``, ``_broken``, ``checks``, ...) for everything that is not on that path.
    """

    __slots__ = (
        "step",
        "calls",
        "cur",
        "pending",
        "plain",
        "opt_steps",
        "any_opt",
        "fired",
        "backward_seen",
        "grad_token",
        "last_opt",
        "stepping",
        "per_backward",
        "ema",
        "ema_n",
        "prev_finite",
        "moving",
        "manual_probe",
        "probe_view",
        "weight_cache",
        "weights_at",
        "asleep",
        "cleared",
        "sparse_from",
        "alert_until",
        "loss_high",
        "thread",
        "read_at",
        # the watcher's settings and parts the per-step path reads (set by the watcher)
        "broken",
        "closed",
        "host_loss",
        "device",
        "every",
        "most",
        "eager",
        "managed",
        "kind",
        "checks",
        "out",
        "retention",
        "check_first",
        "check_every",
        "sentinel",
        "skip",
        "world",
        "criterion",
        "model",
        "layout",
        "log_every",
        "active",
        "__weakref__",  # the sentinel's hook holds it weakly (watcher._set_sentinel)
    )

    def __init__(self) -> None:
        self.step = 0
        self.calls = 0
        self.cur: Record | None = None
        self.pending: list[Record] = []
        # the pending plain steps (plain_step), PLAIN values each: not a Record each (one object fewer per step
        # for the garbage collector, and columns for the read, PLAIN_STEP:: etc.)
        self.plain: list[Any] = []
        self.opt_steps = 0
        self.any_opt = False
        # a backward reached the sentinel at least once / since the last criterion call
        self.fired = False
        self.backward_seen = False
        # (id, version) of the sentinel's gradient at the last call: a change without a backward is a reset
        self.grad_token: Any = None
        self.last_opt: Any = None
        # the optimizer whose step() computes its own losses (a closure: L-BFGS), while that step runs
        self.stepping: torch.optim.Optimizer | None = None
        self.per_backward = False
        self.read_at = 0.0  # time.time() of the last read on a step (READ_WAIT)
        self.eager = 0  # the first steps read one by one (eager_steps), set at the first loss
        self.ema: float | None = None
        self.ema_n = 0
        self.prev_finite = False
        self.moving = False
        self.manual_probe: tuple[int, torch.Tensor] | None = None
        # the last dense layer's first weights as a view that follows in-place updates (update probe)
        self.probe_view: torch.Tensor | None = None
        # the last weight norms read, by gradient index (a measured step's update ratio), and the step they were taken at
        self.weight_cache: dict[tuple[int, ...], list[float]] = {}
        self.weights_at = -(10**9)
        # by optimizer: its param-group count and the model's parameters it steps that were frozen when the layout
        # was taken (optimizer_side: a change of either, seen at a measured step, takes the layout again)
        self.asleep: weakref.WeakKeyDictionary[Any, tuple[int, list[torch.Tensor]]] = weakref.WeakKeyDictionary()
        # measured optimizer steps in a row whose gradients were all cleared after the backward (-1: reported)
        self.cleared = 0
        # the gradient norms' thinned cadence (optimizer_side.GRAD_SPARSE): from which step, and measured at every
        # GRAD_EVERY-th step again until which step (the loss looked unusual, a detector found something)
        self.sparse_from = NEVER
        self.alert_until = 0
        self.loss_high: float | None = None  # the highest plain loss of the last read (the thinned cadence's reference)
        self.thread: int | None = None
        self.broken = False  # an internal error switched the watcher off
        self.closed = False
        self.host_loss = False  # loss values are read at once (CPU, one process)
        self.device: torch.device | None = None
        self.every = self.most = SYNC_CPU
        self.managed: torch.optim.Optimizer | None = None
        self.kind: str | None = None
        self.checks: Any = None  # ValueChecks
        self.out: Any = None  # policy.Output
        self.retention: Any = None  # detectors.GraphRetention
        self.check_first = 5
        self.check_every = 100
        self.sentinel: torch.Tensor | None = None
        self.skip: frozenset[str] = frozenset()
        self.world = 1
        self.criterion: Any = None
        self.model: Any = None  # weakref.ref to the model
        self.layout: Any = None  # layout.Layout: the model's parameters (also the watcher's _layout)
        self.log_every: int | None = None
        self.active: list[Any] = []  # the detectors each read runs (the watcher's _active)

    def waiting(self) -> int:
        """How many finished steps wait for a read (records and plain steps)."""
        return len(self.pending) + len(self.plain) // PLAIN

    def drop_pending(self) -> None:
        """Forget every step waiting for a read (a restored state starts from its own)."""
        self.pending, self.plain = [], []


class Sentinel:
    """Lives exactly as long as the autograd graph of one loss (held by its grad_fn)."""

    __slots__ = ("__weakref__",)

    def __call__(self, grad_inputs: Any, grad_outputs: Any) -> None:
        return None


# A record's flags until the first is written (Record.own_flags): read-only, so that a write that
# forgot own_flags() fails (the watcher's guard reports it) instead of reaching every record.
NO_FLAGS: Mapping[str, Any] = MappingProxyType({})


class Record:
    """One optimizer step's statistics, still on the device: 0-d tensors, read in one stack later.

    Loss terms are kept in call order; ``reached`` counts the leading terms a backward pass has
    reached the watched parameters from (the step's loss terms), ``evals`` marks terms computed
    with the model in eval mode (validation), which a step leaves out when it has other terms.
    """

    # Fields most steps leave alone are class attributes (their defaults); __init__ assigns the ones
    # every step reads (a field read from the class, not the instance, is a slower lookup: the
    # instance's miss first). The containers start as shared empty values (assigned, not made): a
    # step's first loss term, eval-mode term or flag makes the record's own list or dict (on the CPU a
    # step fills one of the four: its loss values).
    losses: list[torch.Tensor] | tuple[()] = ()
    # loss values already on the host (CPU, one process): nothing of the loss is left to read
    values: list[float] | tuple[()] = ()
    evals: list[int] | tuple[()] = ()
    flags: Mapping[str, torch.Tensor] = NO_FLAGS  # written through own_flags()
    reached = 0
    backwards = 0
    input_bad: torch.Tensor | None = None
    target_bad: torch.Tensor | None = None
    further_bad: str | None = None  # a criterion argument after input and target that was non-finite
    grads: list[torch.Tensor] | None = None
    grad_index: tuple[int, ...] | None = None
    weights: list[torch.Tensor] | None = None
    lr: float | None = None
    skipped = False
    chance: float | None = None
    probe: torch.Tensor | None = None
    probe_base: torch.Tensor | None = None  # the probe's norm, taken with the gradients' norms
    urgent = False
    stepped = False
    wall = 0.0
    measured = False
    # an evaluation of the closure inside an L-BFGS-like step() (its param group has "line_search_fn"):
    # "line search" (a trial of the search, which backs off from a loss that rose) or "none" (the full step)
    closure: str | None = None

    def __init__(self, step: int) -> None:
        self.step = step
        self.losses = self.values = self.evals = ()
        self.flags = NO_FLAGS
        # and the fields every step's per-step path or read tests (the hooks, _finish_current, the read's filter)
        self.reached = self.backwards = 0
        self.input_bad = self.target_bad = self.grads = self.probe = self.closure = None
        self.stepped = self.skipped = self.urgent = False

    def own_flags(self) -> dict[str, torch.Tensor]:
        """The record's own flags, to write to (made at the first write: most steps have none)."""
        flags = self.flags
        if flags is NO_FLAGS:
            flags = self.flags = {}
        return flags  # type: ignore[return-value]  # a dict: NO_FLAGS is the only other value

    def terms(self) -> int:
        return len(self.losses) + len(self.values)

    def host_loss(self) -> float:
        """The step's loss from the values read at each call (on the CPU): their mean."""
        return sum(self.values) / len(self.values)

    def truncate(self, n: int) -> None:
        """Keep the first ``n`` terms."""
        if self.values:
            del self.values[n:]  # type: ignore[union-attr]  # a list: it has values
        else:
            del self.losses[n:]  # type: ignore[union-attr]  # a list: the record has terms (n < terms())
        self.evals = [i for i in self.evals if i < n]

    def keep_reached(self) -> bool:
        """Drop the terms no backward reached (and eval-mode terms when others remain); True if any is left."""
        n = self.reached
        if not self.evals and n == len(self.values) + len(self.losses):
            if self.values and not math.isfinite(sum(self.values)):
                self.urgent = True
            return n > 0
        keep = [i for i in range(n) if i not in self.evals] if self.evals else list(range(n))
        if not keep:
            keep = list(range(n))
        if self.values:
            self.values = [self.values[i] for i in keep] if len(keep) != len(self.values) else self.values
            self.urgent = any(not math.isfinite(v) for v in self.values)
        else:
            self.losses = [self.losses[i] for i in keep] if len(keep) != len(self.losses) else self.losses
        self.evals = []
        self.reached = len(keep)
        return bool(keep)


def plain_record(step: int, loss: float, lr: float | None, chance: float | None, wall: float) -> Record:
    """A plain step (:data:`PLAIN`) as the record it was, where the read needs one (a detector's
    update at that step: ``Watcher._found`` reads its step, ``skipped`` and ``closure``); its loss
    terms as one, their mean."""
    rec = Record(step)
    rec.values, rec.reached, rec.stepped = [loss], 1, True
    rec.lr, rec.chance, rec.wall = lr, chance, wall
    return rec


def mark_nonfinite_inputs(rec: Record, inp: torch.Tensor | None, tgt: torch.Tensor | None) -> None:
    """Device sums of the loss input and target: non-finite exactly when an element is (barring overflow)."""
    if inp is not None and inp.is_floating_point():
        total = inp.detach().sum(dtype=torch.float32)
        if not inp.requires_grad and tgt is not None and tgt.requires_grad:  # data passed first, the output second
            rec.target_bad = total if rec.target_bad is None else rec.target_bad + total
        else:
            rec.input_bad = total if rec.input_bad is None else rec.input_bad + total
    if tgt is not None and tgt.is_floating_point():
        total = tgt.detach().sum(dtype=torch.float32)
        if tgt.requires_grad:  # a model output passed second (MSE's arguments swapped): not data
            rec.input_bad = total if rec.input_bad is None else rec.input_bad + total
        else:
            rec.target_bad = total if rec.target_bad is None else rec.target_bad + total


class Read:
    """One record's values on the host."""

    __slots__ = ("rec", "loss", "scalars", "grads", "weights")

    def __init__(self, rec: Record, loss: float, scalars: dict[str, float], grads: list[float] | None, weights: list[float] | None) -> None:
        self.rec, self.loss, self.scalars, self.grads, self.weights = rec, loss, scalars, grads, weights


def read(pending: list[Record], world: int) -> list[Read]:
    """All pending statistics to the host in one transfer: one stack, (one all-reduce,) one tolist."""
    tensors: list[torch.Tensor] = []
    layout: list[tuple[Record, list[str], int, int]] = []
    for rec in pending:
        tensors.extend(rec.losses)
        names: list[str] = []
        if rec.input_bad is not None:
            names.append("input_bad")
            tensors.append(rec.input_bad)
        if rec.target_bad is not None:
            names.append("target_bad")
            tensors.append(rec.target_bad)
        if rec.flags:
            names.extend(rec.flags)
            tensors.extend(rec.flags.values())
        n_grad = 0
        if rec.grads is not None:
            tensors.extend(rec.grads)
            n_grad = len(rec.grads)
            if rec.weights is not None:
                tensors.extend(rec.weights)
        layout.append((rec, names, len(rec.losses), n_grad))
    flat: list[float] = []
    if tensors:
        try:
            stacked = torch.stack(tensors)
        except RuntimeError:
            # tensors on more than one device (a loss on one, the gradients on another): to the first's
            # (tried only when the stack fails: a device read per tensor is a new torch.device object each)
            device = tensors[0].device
            if all(t.device == device for t in tensors):
                raise
            stacked = torch.stack([t.to(device) for t in tensors])
        if stacked.dtype != torch.float32:  # .float(), which returns the same tensor for float32
            stacked = stacked.float()
        flat = all_reduce_sum(stacked).tolist()
    scale = float(world)
    out: list[Read] = []
    pos = 0
    for rec, names, n_loss, n_grad in layout:
        if n_loss:
            loss = sum(flat[pos : pos + n_loss]) / n_loss / scale
            pos += n_loss
        else:
            loss = rec.host_loss()
        scalars = dict(zip(names, flat[pos : pos + len(names)])) if names else {}
        pos += len(names)
        grads = weights = None
        if n_grad:
            grads = [v / scale for v in flat[pos : pos + n_grad]] if world > 1 else flat[pos : pos + n_grad]
            pos += n_grad
            if rec.weights is not None:
                weights = [v / scale for v in flat[pos : pos + n_grad]]
                pos += n_grad
        out.append(Read(rec, loss, scalars, grads, weights))
    return out
