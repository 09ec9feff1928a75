"""The Watcher: a criterion wrapper that watches every training step without changing it.

Per call it keeps ``loss.detach()`` (no graph; on the CPU its value as a float) and a few 0/1
device flags; on measured optimizer steps (every step for the first 16, then every 8th) it computes
the per-parameter gradient norms with one ``torch._foreach_norm``. Nothing is read back to the host until a read step, every
``sync_every`` steps (8 on the CPU, where a non-finite loss is also read at once; 16 on other
devices), when all pending values travel in one transfer (under torch.distributed, after one
all-reduce) and the detectors run on plain floats.
"""

from __future__ import annotations

import dataclasses
import math
import time
import warnings
import weakref
from collections import deque
from typing import Any, Callable, Iterable, Optional, Union

import torch
import torch.nn as nn

from lossguard.errors import LossGuardError, UsageError
from lossguard.runtime import misuse
from lossguard.runtime.detectors import Detector, StepStats, default_detectors
from lossguard.runtime.detectors.base import non_negative_int, positive_int
from lossguard.runtime.distributed import all_reduce_sum, rank_and_world
from lossguard.runtime.events import SEVERITY_RANK, Event, make_event
from lossguard.runtime.sinks import ConsoleSink, JsonlSink, SummaryWriterSink, TensorBoardSink

Policy = Union[str, Callable[[Event], Any]]

_DENSE = (nn.Linear, nn.Bilinear, nn.modules.conv._ConvNd, nn.RNNBase)
_PREFIXES = ("_orig_mod.", "module.")
_MAX_EVENTS = 10_000
_MAX_GROUPS = 16
_FALLBACK_CALLS = 64
_PROBE = 4096
_PROBE_EVERY = 8
_PROBE_EARLY = 16
_SYNC_CPU = 8
# Gradient norms read every gradient from memory (about 0.25 ms on the benchmark model, 1.5% of a
# step): every step for the first 16 steps, then every 8th. Weight norms move slowly: every 16
# steps for the first 64, then every 64th.
_GRAD_EVERY = 8
_GRAD_EARLY = 16
_WEIGHTS_EARLY = 64
_HOT = frozenset(("_cur", "_pending", "_opt_steps", "_per_call", "_ema", "_ema_n", "_weights_at", "_retained", "_sentinel", "_prev_finite", "step", "calls", "_raise_queue", "_last_opt"))
_SYNC_DEVICE = 16
_STATE_FORMAT = 1


def _clean(name: str) -> str:
    changed = True
    while changed:
        changed = False
        for prefix in _PREFIXES:
            if name.startswith(prefix):
                name, changed = name[len(prefix) :], True
    return name


def _groups(names: list[str]) -> tuple[list[str], list[int]]:
    """Group parameters into at most _MAX_GROUPS TensorBoard tags by module path."""
    owners = [n.rsplit(".", 1)[0] if "." in n else n for n in names]
    depth = 1
    best = [o.split(".")[0] for o in owners]
    while True:
        deeper = [".".join(o.split(".")[: depth + 1]) for o in owners]
        if deeper == best or len(dict.fromkeys(deeper)) > _MAX_GROUPS:
            break
        best, depth = deeper, depth + 1
    labels = list(dict.fromkeys(best))
    if len(labels) > _MAX_GROUPS:
        size = math.ceil(len(labels) / _MAX_GROUPS)
        chunks = [labels[i : i + size] for i in range(0, len(labels), size)]
        rename = {lab: (c[0] if len(c) == 1 else f"{c[0]}-{c[-1]}") for c in chunks for lab in c}
        best = [rename[b] for b in best]
        labels = list(dict.fromkeys(best))
    index = {lab: i for i, lab in enumerate(labels)}
    return [lab.replace(".", "/") for lab in labels], [index[b] for b in best]


class _Sentinel:
    """Lives exactly as long as the autograd graph of one loss (held by its grad_fn)."""

    __slots__ = ("__weakref__",)

    def __call__(self, grad_inputs: Any, grad_outputs: Any) -> None:
        return None


class _Record:
    """One optimizer step's statistics, still on the device: 0-d tensors, read in one stack later."""

    __slots__ = ("step", "losses", "values", "input_bad", "target_bad", "grads", "grad_index", "weights", "lr", "flags", "skipped", "chance", "probe", "urgent", "stepped", "wall")

    def __init__(self, step: int) -> None:
        self.step = step
        self.losses: list[torch.Tensor] = []
        # loss values already on the host (CPU, one process): nothing of the loss is left to read
        self.values: list[float] = []
        self.input_bad: Optional[torch.Tensor] = None
        self.target_bad: Optional[torch.Tensor] = None
        self.grads: Optional[list[torch.Tensor]] = None
        self.grad_index: Optional[tuple[int, ...]] = None
        self.weights: Optional[list[torch.Tensor]] = None
        self.lr: Optional[float] = None
        self.flags: dict[str, torch.Tensor] = {}
        self.skipped = False
        self.chance: Optional[float] = None
        self.probe: Optional[torch.Tensor] = None
        self.urgent = False
        self.stepped = False
        self.wall = 0.0


class Watcher(nn.Module):
    """Behaves exactly like ``criterion`` and watches the training run it is part of.

    See :func:`lossguard.runtime.watch` for the options.
    """

    def __init__(
        self,
        model: nn.Module,
        criterion: Any,
        *,
        log_dir: Optional[str] = None,
        writer: Any = None,
        on_event: Policy = "warn",
        optimizer: Optional[torch.optim.Optimizer] = None,
        skip: Optional[Iterable[str]] = None,
        detectors: Optional[list[Detector]] = None,
        sync_every: Optional[int] = None,
        log_every: int = 1,
        jsonl: Optional[str] = None,
        console: Any = True,
        check_first: int = 5,
        check_every: int = 100,
    ) -> None:
        super().__init__()
        if not isinstance(model, nn.Module):
            raise UsageError(f"Argument model should be a torch.nn.Module, got {type(model).__name__}")
        if not callable(criterion):
            raise UsageError(f"Argument criterion should be a loss module or function, got {type(criterion).__name__}")
        if log_dir is not None and writer is not None:
            raise UsageError("Pass log_dir (lossguard writes its own TensorBoard file) or writer (your SummaryWriter), not both")
        if not (callable(on_event) or on_event in ("warn", "raise")):
            raise UsageError(f"Argument on_event should be 'warn', 'raise' or a callable, got {on_event!r}")
        if optimizer is not None and not isinstance(optimizer, torch.optim.Optimizer):
            raise UsageError(f"Argument optimizer should be a torch.optim.Optimizer, got {type(optimizer).__name__}")
        self.criterion = criterion
        object.__setattr__(self, "_model", weakref.ref(model))
        self.on_event = on_event
        self.sync_every = None if sync_every is None else positive_int("sync_every", sync_every)
        self.log_every = positive_int("log_every", log_every)
        self.check_first = non_negative_int("check_first", check_first)
        self.check_every = positive_int("check_every", check_every)
        self.detectors: list[Detector] = list(detectors) if detectors is not None else default_detectors()
        codes = [d.code for d in self.detectors]
        if len(set(codes)) != len(codes):
            raise UsageError(f"Argument detectors should hold at most one detector per code, got {codes}")
        skip_names = {"nan-loss", "loss-spike"} if skip is None else set(skip)
        unknown = skip_names - {"nan-loss", "loss-spike"}
        if unknown:
            raise UsageError(f"Argument skip should name 'nan-loss' and/or 'loss-spike', got {sorted(unknown)}")
        self.skip = frozenset(skip_names) if optimizer is not None else frozenset()
        self.kind = misuse.loss_kind(criterion)

        named = [(n, p) for n, p in model.named_parameters() if p.requires_grad]
        self._params = [p for _, p in named]
        self._names = [_clean(n) for n, _ in named]
        self._param_ids = {id(p) for p in self._params}
        self._dense, self._penultimate = self._dense_weights(model)
        self._group_labels, self._group_of = _groups(self._names)
        self._group_tags = [f"lossguard/grad_norm/{label}" for label in self._group_labels]
        self._sentinel: Optional[torch.Tensor] = self._params[0] if self._params else None

        self.events: list[Event] = []
        self.step = 0
        self.calls = 0
        self._cur: Optional[_Record] = None
        self._pending: list[_Record] = []
        self._opt_steps = 0
        self._per_call = False
        self._ema: Optional[float] = None
        self._ema_n = 0
        self._weight_cache: dict[tuple[int, ...], list[float]] = {}
        self._weights_at = -(10**9)
        self._retained: deque[tuple[int, weakref.ref]] = deque(maxlen=64)
        self._bce_inside = 0
        self._bce_outside = False
        self._target_var: Optional[float] = None
        self._reported: set[str] = set()
        self._disabled: set[str] = set()
        self._broken = False
        self._raise_queue: list[Event] = []
        self._opt_cache: "weakref.WeakKeyDictionary[torch.optim.Optimizer, bool]" = weakref.WeakKeyDictionary()
        self._last_opt: Optional[weakref.ref] = None
        self._device: Optional[torch.device] = None
        self._host_loss = False
        self._chance_key: Any = None
        self._chance: Optional[float] = None
        self._closed = False
        self._prev_finite = False
        self._constant_target: Optional[bool] = None

        self.rank, self.world = rank_and_world()
        self._console = None
        self._tb: Optional[Union[TensorBoardSink, SummaryWriterSink]] = None
        self._jsonl = None
        if self.rank == 0:
            if console is True:
                self._console = ConsoleSink()
            elif console not in (False, None):
                self._console = ConsoleSink(console)
            if log_dir is not None:
                self._tb = TensorBoardSink(log_dir)
            elif writer is not None:
                self._tb = SummaryWriterSink(writer)
            if jsonl is not None:
                self._jsonl = JsonlSink(jsonl)

        self._handles: list[Any] = []
        self._managed = optimizer
        if optimizer is not None:
            self._wrap_optimizer(optimizer)
        else:
            ref = weakref.ref(self)

            def pre(opt: torch.optim.Optimizer, args: Any, kwargs: Any) -> None:
                w = ref()
                if w is not None:
                    w._guard(w._on_optimizer_pre, opt)

            def post(opt: torch.optim.Optimizer, args: Any, kwargs: Any) -> None:
                w = ref()
                if w is not None:
                    w._guard(w._on_optimizer_post, opt)
                    if w._raise_queue:
                        w._flush_raise()

            from torch.optim.optimizer import register_optimizer_step_post_hook, register_optimizer_step_pre_hook

            self._handles = [register_optimizer_step_pre_hook(pre), register_optimizer_step_post_hook(post)]
            weakref.finalize(self, _remove_handles, list(self._handles))

    def __setattr__(self, name: str, value: Any) -> None:
        # nn.Module.__setattr__ costs microseconds per call and would register a Parameter
        # (the sentinel) as the watcher's own; the per-step bookkeeping bypasses it.
        if name in _HOT:
            object.__setattr__(self, name, value)
        else:
            super().__setattr__(name, value)

    # ------------------------------------------------------------------ setup helpers

    def _dense_weights(self, model: nn.Module) -> tuple[tuple[Optional[int], Optional[int]], Optional[int]]:
        """Parameter indices of the first and last dense weights, and of the one before the last."""
        index = {id(p): i for i, p in enumerate(self._params)}
        dense: list[int] = []
        for mod in model.modules():
            if isinstance(mod, _DENSE):
                for pname, p in mod.named_parameters(recurse=False):
                    if pname.startswith("weight") and p.dim() >= 2 and id(p) in index:
                        dense.append(index[id(p)])
        if not dense:
            dense = [i for i, p in enumerate(self._params) if p.dim() >= 2]
        if not dense:
            return (None, None), None
        ordered = sorted(set(dense))
        return (ordered[0], ordered[-1]), (ordered[-2] if len(ordered) >= 3 else None)

    def _wrap_optimizer(self, optimizer: torch.optim.Optimizer) -> None:
        original = optimizer.step
        ref = weakref.ref(self)

        def step(*args: Any, **kwargs: Any) -> Any:
            w = ref()
            if w is None or w._broken or w._closed:
                return original(*args, **kwargs)
            w._guard(w._on_optimizer_pre, optimizer)
            if w._guard(w._decide_skip):
                w._guard(w._finish_current, True)
                w._flush_raise()
                return None
            out = original(*args, **kwargs)
            w._guard(w._on_optimizer_post, optimizer)
            w._flush_raise()
            return out

        had_own = "step" in optimizer.__dict__
        optimizer.step = step  # type: ignore[method-assign]
        self._unwrap = (step, original if had_own else None)

    # ------------------------------------------------------------------ the call

    def forward(self, *args: Any, **kwargs: Any) -> Any:
        if self._broken or self._closed:
            return self.criterion(*args, **kwargs)
        training = torch.is_grad_enabled()
        checked = training and (self.calls < self.check_first or self.calls % self.check_every == 0)
        inp = tgt = None
        if checked or self.kind is not None:
            inp, tgt = misuse.input_and_target(args, kwargs)
        if checked:
            self._guard(self._host_checks, inp, tgt)
        try:
            loss = self.criterion(*args, **kwargs)
        except Exception:
            self._guard(self._diagnose, inp, tgt)
            raise
        if training and isinstance(loss, torch.Tensor) and loss.requires_grad:
            try:  # _guard, inlined: this runs on every training step
                self._on_call(loss, inp, tgt, checked)
            except LossGuardError:
                raise
            except Exception as exc:
                self._internal_error("_on_call", exc)
                self._broken = True
            if self._raise_queue:
                self._flush_raise()
        return loss

    def _on_call(self, loss: torch.Tensor, inp: Optional[torch.Tensor], tgt: Optional[torch.Tensor], checked: bool) -> None:
        if self._device is None:
            self._device = loss.device
            # On the CPU a loss value is read without any synchronisation: a non-finite loss is
            # then read at once, whatever sync_every says. Not under torch.distributed, where
            # every rank must read at the same steps.
            self._host_loss = loss.device.type == "cpu" and self.world == 1
        cur = self._cur
        if cur is not None and (cur.losses or cur.values):
            if self._per_call or (self._sentinel is not None and self._sentinel.grad is None):
                self._finish_current(False)
                cur = None
            elif self._opt_steps == 0 and len(cur.losses) + len(cur.values) >= _FALLBACK_CALLS:
                self._per_call = True
                self._finish_current(False)
                cur = None
        if cur is None:
            cur = self._cur = _Record(self.step)
        if self._host_loss and loss.dtype == torch.float32 and loss.dim() == 0:
            value = loss  # read at once below: nothing keeps the tensor (or its graph)
        else:
            value = loss.detach()
            if value.dim() > 0 or value.dtype != torch.float32:
                value = value.float().mean()
        if self._host_loss:
            v = value.item()
            cur.values.append(v)
            if not math.isfinite(v):
                cur.urgent = True
                self._mark_nonfinite_inputs(cur, inp, tgt)
        else:
            cur.losses.append(value)
            self._mark_nonfinite_inputs(cur, inp, tgt)
        if cur.chance is None and self.kind is not None:
            key = None if inp is None else (inp.dim(), inp.shape[1] if inp.dim() >= 2 else None)
            if key != self._chance_key or self._chance is None:
                self._chance_key, self._chance = key, misuse.chance_loss(self.kind, inp, self.criterion)
            cur.chance = self._chance
        if checked:
            for code, flag in misuse.value_flags(self.kind, inp).items():
                if code not in self._disabled:
                    cur.flags[code] = flag
            if self.kind in misuse.BINARY and tgt is not None and tgt.numel() > 1:
                # one binary target value for the whole batch (a GAN discriminator's real/fake labels); AND over calls
                same = (tgt.detach().amax() == tgt.detach().amin()).float()
                prev = cur.flags.get("const_target")
                cur.flags["const_target"] = same if prev is None else torch.minimum(prev, same)
            if self.kind == "mse" and tgt is not None and tgt.is_floating_point() and tgt.numel() > 1:
                cur.flags["target_var"] = tgt.detach().float().var()
            if loss.grad_fn is not None and "LG006" not in self._reported:
                sentinel = _Sentinel()
                loss.grad_fn.register_hook(sentinel)
                self._retained.append((self.step, weakref.ref(sentinel)))
        self.calls += 1

    @staticmethod
    def _mark_nonfinite_inputs(cur: _Record, inp: Optional[torch.Tensor], tgt: Optional[torch.Tensor]) -> None:
        """Device sums of the loss input and target: non-finite exactly when an element is (barring overflow)."""
        if inp is not None and inp.is_floating_point():
            total = inp.detach().sum(dtype=torch.float32)
            cur.input_bad = total if cur.input_bad is None else cur.input_bad + total
        if tgt is not None and tgt.is_floating_point():
            total = tgt.detach().sum(dtype=torch.float32)
            cur.target_bad = total if cur.target_bad is None else cur.target_bad + total

    # ------------------------------------------------------------------ optimizer side

    def _owns(self, opt: torch.optim.Optimizer) -> bool:
        last = self._last_opt
        if last is not None and last() is opt:
            return True
        known = self._opt_cache.get(opt)
        if known is None:
            known = any(id(p) in self._param_ids for g in opt.param_groups for p in g["params"])
            self._opt_cache[opt] = known
        if known:
            self._last_opt = weakref.ref(opt)
        return known

    def read_gradients(self, optimizer: torch.optim.Optimizer) -> None:
        """Read this step's gradients now (idempotent per step).

        For trainers whose ``optimizer.step(closure)`` runs backward inside the step, after
        torch's pre-step hook has fired (PyTorch Lightning). Normal loops never need it."""
        if not (self._broken or self._closed):
            self._guard(self._on_optimizer_pre, optimizer)

    def _on_optimizer_pre(self, opt: torch.optim.Optimizer) -> None:
        if (self._managed is not None and opt is not self._managed) or not self._owns(opt):
            return
        cur = self._cur
        if cur is None or cur.stepped:
            return
        cur.stepped = True
        lr = opt.param_groups[0].get("lr") if opt.param_groups else None
        if isinstance(lr, torch.Tensor):
            lr = float(lr) if lr.device.type == "cpu" else None
        cur.lr = lr
        if self.step % _GRAD_EVERY and not self.skip and self.step >= _GRAD_EARLY:
            return
        params = self._params
        grads = [p.grad for p in params]
        index = tuple(i for i, g in enumerate(grads) if g is not None and not g.is_sparse)
        if not index:
            return
        if len(index) != len(grads):
            grads = [grads[i] for i in index]
        cur.grads = list(torch._foreach_norm(grads))  # type: ignore[arg-type]  # the None grads were filtered out above
        cur.grad_index = index
        if self._sentinel is None or self._sentinel.grad is None:
            self._sentinel = params[index[0]]
        if self.step - self._weights_at >= (16 if self.step < _WEIGHTS_EARLY else _WEIGHTS_EARLY) or index not in self._weight_cache:
            with torch.no_grad():
                cur.weights = list(torch._foreach_norm([params[i].detach() for i in index]))
            self._weights_at = self.step
        last = self._dense[1]
        if last is not None and (self.step < _PROBE_EARLY or self.step % _PROBE_EVERY == 0) and params[last].grad is not None:
            cur.probe = params[last].detach().reshape(-1)[:_PROBE].clone()

    def _on_optimizer_post(self, opt: torch.optim.Optimizer) -> None:
        if (self._managed is not None and opt is not self._managed) or not self._owns(opt):
            return
        self._opt_steps += 1
        cur = self._cur
        if cur is not None and cur.probe is not None and cur.grads is not None and "update" not in cur.flags:
            assert self._dense[1] is not None
            after = self._params[self._dense[1]].detach().reshape(-1)[:_PROBE]
            cur.flags["update"] = torch.dist(after, cur.probe)
            cur.flags["update_base"] = torch.linalg.vector_norm(cur.probe)
            cur.probe = None
        if cur is not None and (cur.losses or cur.values):
            self._finish_current(False)

    def _decide_skip(self) -> bool:
        """Host decision for the managed optimizer: one small transfer per step (documented)."""
        cur = self._cur
        if not self.skip or cur is None or not (cur.losses or cur.values):
            return False
        if cur.losses:
            loss = torch.stack(cur.losses).float().mean()
        else:
            loss = torch.tensor(sum(cur.values) / len(cur.values))
        gnorm = torch.linalg.vector_norm(torch.stack(cur.grads).float()) if cur.grads is not None else torch.zeros((), device=loss.device)
        packed = all_reduce_sum(torch.stack([loss, gnorm.to(loss.device)]))
        loss_v, gnorm_v = (v / self.world for v in packed.tolist())
        nan = self._detector("LG101")
        spike = self._detector("LG102")
        skip = False
        if "nan-loss" in self.skip and nan is not None and nan.is_nonfinite(loss_v, gnorm_v if cur.grads is not None else None):  # type: ignore[attr-defined]
            skip = True
        if "loss-spike" in self.skip and spike is not None and spike.is_spike(loss_v):  # type: ignore[attr-defined]
            skip = True
        return skip

    def _detector(self, code: str) -> Optional[Detector]:
        for d in self.detectors:
            if d.code == code and code not in self._disabled:
                return d
        return None

    # ------------------------------------------------------------------ step bookkeeping

    def _finish_current(self, skipped: bool) -> None:
        cur = self._cur
        self._cur = None
        if cur is None or not (cur.losses or cur.values):
            return
        cur.skipped = skipped
        cur.wall = time.time()
        self._pending.append(cur)
        self.step += 1
        every = self.sync_every or (_SYNC_CPU if self._device is None or self._device.type == "cpu" else _SYNC_DEVICE)
        if len(self._pending) >= every or cur.urgent:
            self._read()
        if self._retained:
            self._check_retention()

    def _check_retention(self) -> None:
        if "LG006" in self._reported:
            self._retained.clear()
            return
        alive = [(s, r) for s, r in self._retained if r() is not None]
        self._retained = deque(alive, maxlen=64)
        old = [s for s, _ in alive if s <= self.step - 3]
        if old:
            self._emit_misuse("LG006", self.step - 1, (
                f"The loss of step {old[0]} still holds its autograd graph {self.step - 1 - old[0]} steps later: "
                "something keeps the loss tensors (`total += loss`, `losses.append(loss)`), and memory grows every step."
            ), {"kept_since_step": old[0]})
            self._retained.clear()

    def _read(self) -> None:
        """All pending statistics to the host in one transfer: one stack, (one all-reduce,) one tolist."""
        pending, self._pending = self._pending, []
        tensors: list[torch.Tensor] = []
        layout: list[tuple[_Record, list[str], int, int]] = []
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
            device = tensors[0].device
            if any(t.device != device for t in tensors):
                tensors = [t.to(device) for t in tensors]
            flat = all_reduce_sum(torch.stack(tensors).float()).tolist()
        world = float(self.world)
        pos = 0
        for rec, names, n_loss, n_grad in layout:
            if n_loss:
                loss = sum(flat[pos : pos + n_loss]) / n_loss / world
                pos += n_loss
            else:
                loss = sum(rec.values) / len(rec.values)
            scalars = dict(zip(names, flat[pos : pos + len(names)])) if names else {}
            pos += len(names)
            grads = None
            if n_grad:
                grads = [v / world for v in flat[pos : pos + n_grad]] if self.world > 1 else flat[pos : pos + n_grad]
                pos += n_grad
                if rec.weights is not None:
                    assert rec.grad_index is not None
                    self._weight_cache[rec.grad_index] = [v / world for v in flat[pos : pos + n_grad]]
                    pos += n_grad
            self._process(rec, loss, scalars, grads)

    def _process(self, rec: _Record, loss: float, scalars: dict[str, float], grads: Optional[list[float]]) -> None:
        stats = StepStats(step=rec.step, loss=loss, lr=rec.lr, chance_loss=rec.chance, updated=rec.stepped and not rec.skipped)
        if scalars and "update" in scalars:
            base = scalars.get("update_base", 0.0)
            stats.update_ratio = scalars["update"] / base if base > 1e-12 else None
        if scalars and "const_target" in scalars:
            self._constant_target = scalars["const_target"] > self.world - 0.5 and self._constant_target is not False  # every rank
        stats.constant_target = self._constant_target
        if scalars and "target_var" in scalars:
            self._target_var = scalars["target_var"] / self.world
        if self.kind == "mse" and self._target_var is not None:
            stats.chance_loss = self._target_var
        tb: dict[str, float] = {}
        if grads is not None and rec.grad_index is not None:
            index = rec.grad_index
            total = math.sqrt(sum(g * g for g in grads)) if all(math.isfinite(g) for g in grads) else float("nan")
            if any(math.isinf(g) for g in grads) and not any(math.isnan(g) for g in grads):
                total = float("inf")
            stats.grad_norm = total
            if not math.isfinite(total):
                bad = next(i for i, g in zip(index, grads) if not math.isfinite(g))
                stats.nonfinite_grad = self._names[bad]
            weights = self._weight_cache.get(index)
            if weights is not None:
                wtotal = math.sqrt(sum(w * w for w in weights))
                if wtotal > 0 and math.isfinite(total):
                    stats.grad_to_weight = total / wtotal
                first, last = self._dense
                if first is not None and first != last and first in index and last in index:
                    i, j = index.index(first), index.index(last)
                    # the head's weight norm per output unit: about 0.58 at torch's default init, 0 for a zero-initialised head
                    stats.head_scale = weights[j] / math.sqrt(self._params[last].shape[0])
                    if weights[i] > 0 and weights[j] > 0 and grads[j] > 0:
                        stats.grad_ratio = (grads[i] / weights[i]) / (grads[j] / weights[j])
                    elif weights[i] > 0 and grads[i] == 0.0 and math.isfinite(loss) and loss != 0.0:
                        # the first layer gets exactly nothing (every unit below the head dead)
                        stats.grad_ratio = 0.0
                    pen = self._penultimate
                    if pen is not None and pen in index:
                        k = index.index(pen)
                        if weights[i] > 0 and weights[k] > 0 and grads[k] > 0:
                            stats.body_ratio = (grads[i] / weights[i]) / (grads[k] / weights[k])
            if rec.step % self.log_every == 0 and self._tb is not None:
                sums = [0.0] * len(self._group_labels)
                for i, g in zip(index, grads):
                    sums[self._group_of[i]] += g * g
                tb["lossguard/grad_norm/total"] = total
                for tag, s in zip(self._group_tags, sums):
                    tb[tag] = math.sqrt(s)
        if not math.isfinite(loss):
            stats.nonfinite_source = self._locate(scalars)
        self._prev_finite = math.isfinite(loss) and (stats.grad_norm is None or math.isfinite(stats.grad_norm))
        if math.isfinite(loss):
            self._ema_n += 1
            self._ema = loss if self._ema is None else 0.9 * self._ema + 0.1 * loss
        if self._tb is not None and rec.step % self.log_every == 0:
            tb["lossguard/loss"] = loss
            if self._ema is not None:
                tb["lossguard/loss_smoothed"] = self._ema
            if rec.lr is not None:
                tb["lossguard/lr"] = rec.lr
            self._tb.scalars(rec.step, tb, rec.wall)
        if scalars:
            for code in ("LG001", "LG003"):
                if code in scalars:
                    self._value_misuse(code, rec.step, scalars[code] > 0)
        for det in self.detectors:
            if det.code in self._disabled:
                continue
            try:
                finding = det.update(stats)
            except Exception as exc:
                self._internal_error(f"detector {det.code} {det.name}", exc)
                self._disabled.add(det.code)
                continue
            if finding is not None:
                message = finding.message
                if rec.skipped and det.code in ("LG101", "LG102"):
                    message += " The optimizer update of this step was skipped."
                event = make_event(det.code, rec.step, message, {**finding.data, "skipped": rec.skipped}, finding.severity)
                if getattr(finding, "fix", None):
                    event = dataclasses.replace(event, fix=finding.fix)
                self._emit(event)

    def _locate(self, scalars: dict[str, float]) -> str:
        if not math.isfinite(scalars.get("target_bad", 0.0)):
            return "the target passed to the loss"
        if not math.isfinite(scalars.get("input_bad", 0.0)):
            bad_param = None
            if self._prev_finite:
                return "the model output (loss input), while the parameters were finite: the input batch or an activation overflowed"
            with torch.no_grad():
                for name, p in zip(self._names, self._params):
                    if not bool(torch.isfinite(p).all()):
                        bad_param = name
                        break
            if bad_param is not None:
                return f"the model output (loss input); parameter {bad_param} is non-finite"
            return "the model output (loss input), while every parameter is finite: the input batch or an activation overflowed"
        return "none of the loss inputs: the loss itself overflowed (log of 0 or exp of a large value)"

    def _value_misuse(self, code: str, step: int, hit: bool) -> None:
        if code == "LG001" and hit:
            self._emit_misuse("LG001", step, "Every row of the CrossEntropyLoss input is non-negative and sums to 1: it is already softmax output, so softmax is applied twice.", {})
        elif code == "LG003":
            if not hit:
                self._bce_outside = True
            elif not self._bce_outside:
                self._bce_inside += 1
                if self._bce_inside >= 3:
                    self._emit_misuse("LG003", step, "The BCEWithLogitsLoss input stayed inside (0, 1) on every checked call: it looks like sigmoid output, so sigmoid is applied twice.", {})

    # ------------------------------------------------------------------ misuse entry points

    def _host_checks(self, inp: Optional[torch.Tensor], tgt: Optional[torch.Tensor]) -> None:
        for code, message, data in misuse.host_checks(self.kind, inp, tgt):
            self._emit_misuse(code, self.step, message, data)

    def _diagnose(self, inp: Optional[torch.Tensor], tgt: Optional[torch.Tensor]) -> None:
        for code, message, data in misuse.diagnose_error(self.kind, inp, tgt):
            self._emit_misuse(code, self.step, message + " (torch's own error follows)", data)

    def _emit_misuse(self, code: str, step: int, message: str, data: dict) -> None:
        if code in self._reported or code in self._disabled:
            return
        self._reported.add(code)
        self._emit(make_event(code, step, message, data))

    # ------------------------------------------------------------------ events and policy

    def _emit(self, event: Event) -> None:
        if len(self.events) < _MAX_EVENTS:
            self.events.append(event)
        if self.rank == 0:
            for sink in (self._console, self._jsonl):
                if sink is not None:
                    sink.emit(event)
            if self._tb is not None:
                level = event.data.get("loss") if isinstance(event.data.get("loss"), float) else self._ema
                self._tb.emit(event, level)
        if callable(self.on_event) or (self.on_event == "raise" and SEVERITY_RANK[event.severity] >= SEVERITY_RANK["warning"]):
            self._raise_queue.append(event)

    def _flush_raise(self) -> None:
        """Apply the policy outside the guarded code, so that its exceptions reach the user."""
        if not self._raise_queue:
            return
        queue, self._raise_queue = self._raise_queue, []
        if callable(self.on_event):
            for event in queue:
                self.on_event(event)
            return
        if self._tb is not None:
            self._tb.flush()
        event = queue[0]
        raise LossGuardError(f"{event}\nFix: {event.fix}")

    def _guard(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Run watcher code so that an internal failure never stops training."""
        try:
            return fn(*args)
        except LossGuardError:
            raise
        except Exception as exc:
            self._internal_error(getattr(fn, "__name__", "watcher"), exc)
            self._broken = True
            return None

    def _internal_error(self, where: str, exc: BaseException) -> None:
        warnings.warn(
            f"lossguard: internal error in {where} ({type(exc).__name__}: {exc}); it is switched off, training goes on. "
            "Please report this.",
            RuntimeWarning,
            stacklevel=3,
        )

    # ------------------------------------------------------------------ public API

    def flush(self) -> None:
        """Read every pending statistic now (one device transfer), write the logs, apply the policy."""
        if self._pending and not self._broken:
            self._guard(self._read)
        if self._tb is not None:
            self._tb.flush()
        self._flush_raise()

    def close(self) -> None:
        """Flush, stop watching optimizers and close the log files."""
        if self._closed:
            return
        try:
            self.flush()
        finally:
            self._closed = True
            _remove_handles(self._handles)
            if self._managed is not None and self._managed.__dict__.get("step") is self._unwrap[0]:
                if self._unwrap[1] is None:
                    del self._managed.step
                else:
                    self._managed.step = self._unwrap[1]  # type: ignore[method-assign]
            for sink in (self._console, self._jsonl, self._tb):
                if sink is not None:
                    sink.close()

    def __enter__(self) -> "Watcher":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def state_dict(self, *args: Any, **kwargs: Any) -> dict[str, Any]:  # type: ignore[override]
        """Everything needed to resume: step counters, detector windows, events (flushes first)."""
        self.flush()
        return {
            "format": _STATE_FORMAT,
            "step": self.step,
            "calls": self.calls,
            "ema": self._ema,
            "ema_n": self._ema_n,
            "reported": sorted(self._reported),
            "bce_inside": self._bce_inside,
            "bce_outside": self._bce_outside,
            "target_var": self._target_var,
            "weights": [[list(k), v] for k, v in self._weight_cache.items()],
            "weights_at": self._weights_at,
            "detectors": {d.code: d.state_dict() for d in self.detectors},
            "events": [e.to_dict() for e in self.events],
            "console_counts": dict(self._console.counts) if self._console is not None else {},
        }

    def load_state_dict(self, state: dict[str, Any], strict: bool = True, assign: bool = False) -> Any:  # type: ignore[override]
        """Restore :meth:`state_dict` output; unknown keys from newer versions are ignored."""
        if not isinstance(state, dict) or "step" not in state:
            raise UsageError("Argument state should be a dict returned by Watcher.state_dict()")
        self.step = int(state["step"])
        self.calls = int(state.get("calls", 0))
        self._ema = state.get("ema")
        self._ema_n = int(state.get("ema_n", 0))
        self._reported = set(state.get("reported", ()))
        self._bce_inside = int(state.get("bce_inside", 0))
        self._bce_outside = bool(state.get("bce_outside", False))
        self._target_var = state.get("target_var")
        self._weight_cache = {tuple(k): list(v) for k, v in state.get("weights", [])}
        self._weights_at = int(state.get("weights_at", -(10**9)))
        saved = state.get("detectors", {})
        for det in self.detectors:
            if det.code in saved:
                det.load_state_dict(saved[det.code])
        self.events = [Event.from_dict(e) for e in state.get("events", [])]
        if self._console is not None:
            self._console.counts.update(state.get("console_counts", {}))
        self._cur = None
        self._pending = []
        return None

    def extra_repr(self) -> str:
        return f"step={self.step}, detectors={[d.code for d in self.detectors]}"


def _remove_handles(handles: list[Any]) -> None:
    for h in handles:
        h.remove()
    handles.clear()
