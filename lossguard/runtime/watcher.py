"""The Watcher: a criterion wrapper that watches every training step without changing it.

A step is one optimizer step of the watched parameters (one backward when no optimizer steps
them): every criterion call whose backward reaches the model before that step is one of the
step's loss terms (auxiliary heads, several loss terms, a GAN's real and fake batches).
Criterion calls that no backward reaches (validation without ``torch.no_grad()``) are no step.

Per call the watcher keeps ``loss.detach()`` (on the CPU its value as a float) and a few 0/1
device flags (:mod:`lossguard.runtime.collect`); on measured steps it computes the per-parameter
gradient norms with one ``torch._foreach_norm``. Nothing is read back to the host until a read
step (:func:`read_every`), when all pending values travel in one transfer and become step
statistics (:mod:`lossguard.runtime.stats`) for the detectors; what happens to their findings is
:mod:`lossguard.runtime.policy`.
"""

from __future__ import annotations

import atexit
import dataclasses
import math
import time
import weakref
from collections.abc import Callable, Iterable
from operator import attrgetter
from threading import get_ident
from typing import Any

import torch
import torch.nn as nn
import torch.nn.modules.module as _module

from lossguard.errors import LossGuardError, UsageError
from lossguard.runtime import misuse, resume
from lossguard.runtime.arguments import check_detectors, check_model_and_criterion, criterion_of, run_label, start_line
from lossguard.runtime.clip_note import ClippedNorm
from lossguard.runtime.collect import PLAIN, READ_WAIT, Record, StepState, eager_steps, mark_nonfinite_inputs, read_every, read_most
from lossguard.runtime.detectors import Detector, default_detectors
from lossguard.runtime.detectors.base import UpdateEvidence, non_negative_int, positive_int
from lossguard.runtime.detectors.graph_retention import GraphRetention
from lossguard.runtime.detectors.loss_bound import LossBelowBound
from lossguard.runtime.detectors.nan_loss import NanLoss, fix_for
from lossguard.runtime.distributed import rank_and_world
from lossguard.runtime.events import Event, make_event
from lossguard.runtime.inner_loss import inner_checks
from lossguard.runtime.layout import Layout
from lossguard.runtime.optimizer_side import OptimizerSide, global_hooks, managed_hooks, optimizer_lr, remove_handles, sparse_from
from lossguard.runtime.policy import Output
from lossguard.runtime.read_side import ReadSide
from lossguard.runtime.sinks import ConsoleSink, JsonlSink, SummaryWriterSink, TensorBoardSink
from lossguard.runtime.stats import all_finite, as_positional, dict_term, locate_nonfinite, nonfinite_argument
from lossguard.runtime.value_checks import ValueChecks
from lossguard.runtime.warn import warn

Policy = str | Callable[[Event], Any]
# on_event's named policies (or a callable); the trainer plugins add "stop" (integrations.core.POLICIES)
POLICIES = ("warn", "raise")
# what optimizer= may skip (skip=), by catalog name: a non-finite loss or gradient, a loss spike
SKIPPABLE = frozenset(("nan-loss", "loss-spike"))

# Without any optimizer step seen, a record with this many backwards and no gradient reset
# means one step per backward (a loop that zeroes gradients in place).
_FALLBACK_BACKWARDS = 64
# Criterion calls no backward reaches (validation with grad enabled) kept at most.
_MAX_UNREACHED = 64
# A hand-written update loop is announced once this many steps passed without an optimizer.
_MANUAL_NOTICE = 16


# Watchers not closed yet: at interpreter exit each is flushed, so that a script that never calls
# close() (a loop that runs until it is killed, or one that stops on an exception) still gets its
# last steps read, reported and written to TensorBoard (records go out in bursts of 100), and the
# summary close() would print.
_LIVE: weakref.WeakSet[Watcher] = weakref.WeakSet()


@atexit.register
def _flush_at_exit() -> None:
    for w in list(_LIVE):
        if not (w._closed or w._broken):
            try:
                if w._s.waiting():
                    w._guard(w._read)
                if w._announce:
                    w._out.say(w._out.summary(w.step))
                    w._notes.add("summary")  # a close() in a later exit handler does not print it again
                out = w._out
                out.flush()
                for name in ("jsonl", "tb"):  # their files, closed: else a ResourceWarning at exit (python -X dev, -W error)
                    sink = getattr(out, name)
                    if sink is not None:
                        out._sink(name, sink.close)
            except Exception:  # the interpreter is going away: never raise from here
                pass


# a tensor inside a torch.func transform (vmap, grad, jacrev): a wrapper whose values cannot be read there
_in_transform = torch._C._functorch.is_functorch_wrapped_tensor


def _device_failed(exc: BaseException) -> bool:
    """An error of the device itself (a CUDA device-side assert, a lost device), after which no
    tensor on it can be read: torch.AcceleratorError, or the RuntimeError older torch raises."""
    return type(exc).__name__ == "AcceleratorError" or "device-side assert" in str(exc)


def _wrapped(d: dict[str, Any]) -> Any:
    """The wrapped criterion, from the watcher's instance dict: ``__getattr__``, ``__class__`` and
    ``__setattr__`` read it without an attribute lookup, also before ``__init__`` has set it."""
    s = d.get("_s")
    return None if s is None else s.criterion


def _state(name: str) -> Any:
    """A property for one :class:`StepState` field (read at C speed; written rarely through it)."""

    def fset(self: Watcher, value: Any) -> None:
        setattr(self._s, name, value)

    return property(attrgetter("_s." + name), fset)


class Watcher(OptimizerSide, ReadSide, nn.Module):
    """Behaves exactly like ``criterion`` and watches the training run it is part of.

    See :func:`lossguard.runtime.watch` for the options.
    """

    # set with object.__setattr__ in __init__; the annotation keeps nn.Module.__getattr__'s return type off it
    _s: StepState
    _run_label: str | None  # the run folder's name when several watchers share a log_dir (arguments.run_label)

    step = _state("step")
    calls = _state("calls")
    _cur = _state("cur")
    _opt_steps = _state("opt_steps")
    _any_opt = _state("any_opt")
    _fired = _state("fired")
    _last_opt = _state("last_opt")
    _ema = _state("ema")
    _ema_n = _state("ema_n")
    _manual_probe = _state("manual_probe")
    _weight_cache = _state("weight_cache")
    _weights_at = _state("weights_at")
    _criterion = _state("criterion")  # the wrapped criterion (also self.criterion)
    _model = _state("model")  # weakref.ref to the model
    # settings and parts the per-step path reads from the state object (collect.StepState)
    _broken = _state("broken")
    _closed = _state("closed")
    _host_loss = _state("host_loss")
    _device = _state("device")
    _every = _state("every")
    _most = _state("most")
    _managed = _state("managed")
    kind = _state("kind")
    checks = _state("checks")
    _out = _state("out")
    _retention = _state("retention")
    check_first = _state("check_first")
    check_every = _state("check_every")
    _sentinel = _state("sentinel")
    skip = _state("skip")
    world = _state("world")
    log_every = _state("log_every")
    _active = _state("active")  # the step-wise detectors less those switched off after raising

    def __init__(
        self,
        model: nn.Module,
        criterion: Any = None,
        *,
        log_dir: str | None = None,
        writer: Any = None,
        on_event: Policy = "warn",
        optimizer: torch.optim.Optimizer | None = None,
        skip: Iterable[str] | None = None,
        detectors: list[Detector] | None = None,
        sync_every: int | None = None,
        log_every: int | None = None,
        jsonl: str | None = None,
        console: Any = True,
        check_first: int = 5,
        check_every: int = 100,
        announce: bool = True,
        adversarial: bool = False,
    ) -> None:
        super().__init__()
        object.__setattr__(self, "_s", StepState())
        check_model_and_criterion(model, criterion)
        if log_dir is not None and writer is not None:
            raise UsageError("Pass log_dir (lossguard writes its own TensorBoard file) or writer (your SummaryWriter), not both")
        if not (callable(on_event) or on_event in POLICIES):
            raise UsageError(f"Argument on_event should be {', '.join(map(repr, POLICIES))} or a callable, got {on_event!r}")
        if optimizer is not None and not isinstance(optimizer, torch.optim.Optimizer):
            raise UsageError(f"Argument optimizer should be a torch.optim.Optimizer, got {type(optimizer).__name__}")
        self.criterion = criterion
        # the same object, read on every call from the state object (a submodule lives in _modules)
        self._s.criterion, self._s.model = criterion, weakref.ref(model)
        self.sync_every = None if sync_every is None else positive_int("sync_every", sync_every)
        # None: every step for the first DENSE_LOG steps, then the steps whose gradients are measured
        self.log_every = None if log_every is None else positive_int("log_every", log_every)
        self.check_first = non_negative_int("check_first", check_first)
        self.check_every = positive_int("check_every", check_every)
        self.detectors: list[Detector] = check_detectors(detectors) if detectors is not None else [*default_detectors(), LossBelowBound()]
        if not any(isinstance(d, GraphRetention) for d in self.detectors):
            self.detectors.append(GraphRetention())  # a misuse check: on whatever detectors are chosen
        self._retention = next(d for d in self.detectors if isinstance(d, GraphRetention))
        # what runs on every step's statistics (LG006 looks at graphs, not numbers)
        self._stepwise = [d for d in self.detectors if d is not self._retention]
        evidence = UpdateEvidence()  # the update sizes behind this run's learning-rate fixes, shared (advice.strongest)
        for d in self._stepwise:
            d.evidence = evidence
        self._evidence = evidence  # also for LG101's fix when torch refuses a NaN (_diagnose)
        codes = [d.code for d in self.detectors]
        if len(set(codes)) != len(codes):
            raise UsageError(f"Argument detectors should hold at most one detector per code, got {codes}")
        skip_names = set(SKIPPABLE) if skip is None else set(skip)
        unknown = skip_names - SKIPPABLE
        if unknown:
            raise UsageError(f"Argument skip should name {' and/or '.join(map(repr, sorted(SKIPPABLE)))}, got {sorted(unknown)}")
        self.skip = frozenset(skip_names) if optimizer is not None else frozenset()
        self.kind = misuse.loss_kind(criterion)
        if not isinstance(adversarial, bool):
            raise UsageError(f"Argument adversarial should be True or False, got {adversarial!r}")
        self.checks = ValueChecks(self.kind, criterion, adversarial)

        self._take_layout(Layout(model))
        # "were the parameters finite before this loss?": for the first step that is the model as
        # given (one scan here, never per step); a NaN in the first batch is then blamed on the
        # batch, not on the update it caused before the first read
        self._s.prev_finite = all_finite(self._params)
        # not a Parameter of the watcher's own: set past nn.Module.__setattr__
        object.__setattr__(self, "_sentinel", None)

        self._disabled: set[str] = set()
        self._active = list(self._stepwise)
        self._opt_cache: weakref.WeakKeyDictionary[torch.optim.Optimizer, bool] = weakref.WeakKeyDictionary()
        self._notes: set[str] = set()
        self._clipped = ClippedNorm()  # grad_norm/total pinned at a clip value: said once (clip_note)
        self.on_event = on_event

        self.rank, self.world = rank_and_world()
        self._out = Output(on_event)
        if self.rank == 0:
            out = self._out
            if console is True:
                out.console = ConsoleSink()
            elif console not in (False, None):
                out.console = ConsoleSink(console)
            if log_dir is not None:
                # a log_dir that cannot be written makes the sink drop itself with one warning
                out.tb = TensorBoardSink(log_dir, label=run_label(log_dir, model, self))
            elif writer is not None:
                out.tb = SummaryWriterSink(writer)
            if jsonl is not None:
                out.jsonl = JsonlSink(jsonl)

        self._handles: list[Any] = []
        self._managed = optimizer
        ref = weakref.ref(self)
        self._anchor_hook: Any = None
        self._set_sentinel(self._last_param())
        if optimizer is not None:
            self._any_opt = True
            self._handles = managed_hooks(ref, optimizer)
        else:
            self._handles = global_hooks(ref, self._s)
        # the value checks of a built-in loss that a custom criterion module calls (inner_loss)
        self._handles.extend(inner_checks(self, criterion))
        weakref.finalize(self, remove_handles, self._handles)
        _LIVE.add(self)
        self._announce = bool(announce)
        if self._announce:
            # the run's own folder (log_dir/<timestamp>), where the user points TensorBoard or looks for files
            # (None when its folder could not be written: the warning above said why)
            tb = self._out.tb
            where = (getattr(tb, "run_dir", None) or log_dir) if tb is not None and getattr(tb, "failed", None) is None else None
            self._out.say(start_line(model, self.criterion, self._params, optimizer, where, writer))
        object.__setattr__(self, "_ready", True)  # from now on, __setattr__ may hand names to the criterion

    def _relayout(self, opt: torch.optim.Optimizer) -> None:
        """Take the model's layout again when a newly seen optimizer steps trainable parameters
        of the model that the watcher has not seen: a head replaced after watch() (the Co-Tuning
        tutorial wraps its criterion, then swaps ``fc``). The last layer whose updates LG103 and
        LG106 read, and the gradient norms, are then the new ones; once per optimizer."""
        model = self._model()
        if model is None:
            return
        stepped = {id(p) for g in opt.param_groups for p in g["params"]} - self._param_ids
        if not stepped or not any(id(p) in stepped for p in model.parameters() if p.requires_grad):
            return
        self._take_layout(Layout(model))
        self._weight_cache.clear()
        self._weights_at = -(10**9)
        self._s.manual_probe = None
        self._set_sentinel(self._last_param())

    def _take_layout(self, layout: Layout) -> None:
        """Where the model's parameters and its first and last dense weights are (at watch(), and again in _relayout)."""
        self._layout = self._s.layout = layout
        self._params, self._names, self._param_ids = layout.params, layout.names, layout.ids
        self._dense, self._penultimate = layout.dense, layout.penultimate

    def _last_param(self) -> torch.Tensor | None:
        """The sentinel's parameter: the last dense weight (``layout.dense[1]``), else the model's last parameter."""
        return self._params[self._dense[1]] if self._dense[1] is not None else (self._params[-1] if self._params else None)

    def __getattr__(self, name: str) -> Any:
        """What the watcher lacks, the wrapped criterion gives: a custom loss's own methods and
        fields (the Co-Tuning tutorial's ``criterion.fit(...)`` before training), a built-in's
        ``weight`` or ``ignore_index``. Reached only when the ordinary lookup fails; attributes
        set on the watcher stay on the watcher."""
        try:
            return super().__getattr__(name)
        except AttributeError:
            crit = _wrapped(self.__dict__)
            if crit is None or name.startswith("__"):
                raise
            return getattr(crit, name)

    @property  # type: ignore[misc]
    def __class__(self) -> type:
        """The wrapped criterion's class, for ``isinstance``: training code that asks what its
        criterion is (``if isinstance(criterion, nn.BCEWithLogitsLoss): target = target.float()``)
        takes the same branch watched as unwatched. ``type(watcher)`` and ``isinstance(watcher,
        Watcher)`` still say what it is; a criterion that is a function (``F.cross_entropy``) leaves
        the watcher a Watcher."""
        crit = _wrapped(self.__dict__)
        return type(crit) if isinstance(crit, nn.Module) else type(self)

    def _get_name(self) -> str:
        return "Watcher"  # nn.Module's repr names self.__class__, the criterion's class (above)

    def __setattr__(self, name: str, value: Any) -> None:
        """``criterion.weight = w`` sets the wrapped criterion's ``weight`` when the criterion has
        that attribute and the watcher has none: code that re-weights its classes per batch or
        moves the weight to the GPU would otherwise train with the old one. Not on the per-step
        path (the watcher's own state is set past nn.Module.__setattr__)."""
        d = self.__dict__
        crit = _wrapped(d)
        if (
            d.get("_ready")
            and crit is not None
            and not name.startswith("_")
            and name not in d
            and not any(name in d[k] for k in ("_parameters", "_buffers", "_modules"))
            and not hasattr(type(self), name)
            and hasattr(crit, name)
        ):
            setattr(crit, name, value)
            self.checks.criterion_changed()
            return
        super().__setattr__(name, value)

    def to(self, *args: Any, **kwargs: Any) -> Any:
        """Moves the criterion as ``criterion.to(...)`` would: a criterion that overrides ``to``
        (the Co-Tuning tutorial's moves a plain tensor field, which ``nn.Module.to`` does not see)
        gets its own method called first."""
        crit = _wrapped(self.__dict__)
        if isinstance(crit, nn.Module) and type(crit).to is not nn.Module.to:
            crit.to(*args, **kwargs)
        return super().to(*args, **kwargs)

    def __reduce_ex__(self, protocol: Any) -> Any:
        """Pickling (``torch.save``, multiprocessing spawn) stores the wrapped criterion alone:
        a watcher belongs to one live model and run; its history travels by :meth:`state_dict`."""
        return (criterion_of, (self.criterion,))

    # ------------------------------------------------------------------ setup helpers

    def _set_sentinel(self, param: torch.Tensor | None) -> None:
        """The parameter whose gradient tells that a backward reached the model (a hook on it)
        and that gradients were reset (its .grad is None)."""
        if param is None or param is self._sentinel:
            return
        if self._anchor_hook is not None:
            self._anchor_hook.remove()
        object.__setattr__(self, "_sentinel", param)
        ref = weakref.ref(self)
        # the state object, read here once (w._s is nn.Module's slow path); by weak reference, since
        # the parameter keeps this hook after the watcher is gone
        state = weakref.ref(self._s)

        def reached(p: torch.Tensor) -> None:
            w, s = ref(), state()
            if w is None or s is None:
                return
            if not (s.broken or s.closed):
                try:  # _guard and _on_backward, inlined: this runs on every backward
                    s.fired = s.backward_seen = True
                    cur = s.cur
                    if cur is not None:
                        cur.reached = len(cur.losses) + len(cur.values)  # cur.terms(), inline
                        cur.backwards += 1
                        if cur.grads is None and not (s.managed is not None or s.any_opt):
                            # no optimizer: read the gradients when this backward is complete
                            torch.autograd.Variable._execution_engine.queue_callback(w._after_backward)
                        elif s.stepping is not None and not cur.stepped:
                            # a closure's backward inside step(): this evaluation is the step's (its gradients, lr)
                            opt = s.stepping
                            torch.autograd.Variable._execution_engine.queue_callback(lambda: w.read_gradients(opt))
                except Exception as exc:
                    w._internal_error("_on_backward", exc)
                    s.broken = True

        self._anchor_hook = param.register_post_accumulate_grad_hook(reached)

    # ------------------------------------------------------------------ the call

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        # nn.Module's call machinery (two frames, the hook checks) only when a hook or tracing needs it
        d = self.__dict__
        if (
            d["_forward_hooks"]
            or d["_forward_pre_hooks"]
            or d["_backward_hooks"]
            or d["_backward_pre_hooks"]
            or _module._global_forward_hooks
            or _module._global_forward_pre_hooks
            or _module._global_backward_hooks
            or _module._global_backward_pre_hooks
            or torch._C._get_tracing_state()
            or "forward" in d  # a forward set on the instance (a library's wrapper) is called as nn.Module calls it
        ):
            return nn.Module.__call__(self, *args, **kwargs)
        # The class's functions, not the instance's attributes: on an nn.Module every read of
        # self.name takes the slow path (collect.StepState), 200-450 ns a read.
        return Watcher._call(self, d["_s"], args, kwargs)

    def forward(self, *args: Any, **kwargs: Any) -> Any:
        return Watcher._call(self, self._s, args, kwargs)

    def _call(self, s: StepState, args: tuple, kwargs: dict) -> Any:
        """A criterion call: the per-step path reads the state object alone (collect.StepState)."""
        criterion = s.criterion
        if criterion is None:
            raise UsageError("This watcher has no criterion (lossguard.watch(model)): pass each loss to watcher.observe(loss)")
        if s.broken or s.closed:
            return criterion(*args, **kwargs)
        training = torch.is_grad_enabled()
        calls = s.calls
        checked = training and (calls < s.check_first or calls % s.check_every == 0)
        # whether the value checks have work on this call (ValueChecks.quiet), asked once per call
        busy = s.kind is not None and not s.checks.quiet(calls)
        inp = tgt = None
        # The input and target are needed by the checks of this call (sampled), the value checks
        # when they are due, and a loss that stays on the device; on the CPU a non-finite loss
        # takes them from args in _on_call.
        if checked or busy or (s.kind is not None and not s.host_loss):
            inp, tgt = misuse.input_and_target(args, kwargs)
        if checked:
            self._guard(self._host_checks, inp, tgt)
        try:
            loss = criterion(*args, **kwargs)
        except Exception:
            self._guard(self._diagnose, *misuse.input_and_target(args, kwargs), args[0] if args else kwargs.get("input"))
            raise
        if training:
            if isinstance(loss, torch.Tensor) and loss.requires_grad and s.thread == get_ident():
                Watcher._on_call(self, s, loss, inp, tgt, checked, busy, False, args, kwargs)  # what _watch would do, one frame less
            else:
                if inp is None and tgt is None:
                    inp, tgt = misuse.input_and_target(args, kwargs)
                self._watch(loss, inp, tgt, checked, False)
        return loss

    def observe(self, loss: Any, *, logits: torch.Tensor | None = None, targets: torch.Tensor | None = None, examples: int | None = None) -> Any:
        """Watch a loss the model computed itself (``logits, loss = model(x, y)``), before or after
        its backward; returns ``loss`` unchanged. Several calls before one optimizer step are that
        step's loss terms.

        When ``loss`` is the cross-entropy of ``logits`` against class-index ``targets`` (nanoGPT,
        a Hugging Face language model: classes on the last axis, or on axis 1 as torch wants), pass
        them too: the watcher then counts the target classes as for a watched ``CrossEntropyLoss``,
        so that a loss stuck at the entropy of the class frequencies (shuffled or unrelated targets)
        is a plateau (LG103), and knows that the loss cannot go below 0 (LG107). Pass the loss of
        those logits, before any scaling for gradient accumulation.

        ``examples``: how many examples (targets) the loss averages, when neither is passed; 1 (a batch of
        one example, each loss that example's alone) makes LG102 wait for a second jump in a row.
        """
        if not (self._broken or self._closed) and torch.is_grad_enabled():
            if examples is not None:
                if isinstance(examples, bool) or not isinstance(examples, int) or examples < 1:
                    raise UsageError(f"watcher.observe(loss, examples=...) takes a positive integer, got {examples!r}")
                self._s.checks.examples = examples
            inp, tgt = self._observed_classes(logits, targets) if logits is not None and targets is not None else (None, None)
            self._watch(loss, inp, tgt, False, True)
        return loss

    def _observed_classes(self, logits: Any, targets: Any) -> tuple[torch.Tensor | None, torch.Tensor | None]:
        """``observe``'s logits and targets as a CrossEntropyLoss sees them ((N, C) and (N,), or
        classes on axis 1); the value checks become a cross-entropy's on the first call."""
        if not misuse.class_index_pair(logits, targets):
            raise UsageError(
                "watcher.observe(loss, logits=..., targets=...) takes the logits tensor and the integer class-index targets "
                f"of a cross-entropy loss, got {type(logits).__name__} and {type(targets).__name__}"
                + (f" of dtype {targets.dtype}" if isinstance(targets, torch.Tensor) else "")
            )
        if self.kind is None and self._criterion is None:
            checks = ValueChecks("ce", None)
            checks.load_state_dict(self.checks.state_dict())  # what a resumed watcher already learnt
            self.kind, self.checks = "ce", checks
        if self.kind != "ce":
            return None, None  # the watched criterion is another loss: these are not its input
        x = logits.detach()
        if x.dim() == targets.dim() + 1 and x.dim() > 2 and x.shape[:-1] == targets.shape:
            # classes on the last axis (language models): flattened as nanoGPT hands them to F.cross_entropy
            x, targets = x.reshape(-1, x.shape[-1]), targets.reshape(-1)
        return x, targets

    def _watch(self, loss: Any, inp: torch.Tensor | None, tgt: torch.Tensor | None, checked: bool, observed: bool) -> None:
        tensor: torch.Tensor | None
        if isinstance(loss, torch.Tensor):
            tensor = loss
        else:
            if isinstance(loss, dict):
                tensor, how = misuse.dict_terms(loss, getattr(self._criterion, "weight_dict", None))
                if how == "unweighted":
                    self._say_once(
                        "unweighted",
                        lambda: (
                            f"lossguard: the criterion returns a dict with no total entry ({', '.join(misuse.TOTAL_KEYS)}) and no "
                            f"weight_dict: the watcher watches the unweighted sum of its terms with a gradient "
                            f"({', '.join(str(k) for k, v in loss.items() if isinstance(v, torch.Tensor) and v.requires_grad)}). If the loss "
                            "you train weights them, pass that total to watcher.observe() of a lossguard.watch(model) instead."
                        ),
                    )
            else:
                tensor = misuse.scalar_total(loss)
            if tensor is None:
                self._say_once(
                    "structured",
                    lambda: f"lossguard: the criterion returns {type(loss).__name__} with no scalar total (no 'loss' entry): it is not watched.",
                )
                return
        if not (tensor.requires_grad or observed):
            return
        s = self._s
        terms = loss if isinstance(loss, dict) else None
        thread = get_ident()
        if s.thread != thread:
            if s.thread is not None:
                raise UsageError(
                    "lossguard: this watcher is used from a second thread; watch one model per thread (a watcher's per-step state is not shared)."
                )
            s.thread = thread
        busy = s.kind is not None and not s.checks.quiet(s.calls)
        self._on_call(s, tensor, inp, tgt, checked, busy, observed)
        if terms is not None and s.host_loss:
            self._name_bad_term(s, terms)

    @staticmethod
    def _name_bad_term(s: StepState, terms: dict) -> None:
        """A dict of losses whose total just read non-finite on the host, with some of its terms (those with a
        gradient) finite: the first non-finite term is the first non-finite tensor (a degenerate box into DETR's
        GIoU), named for LG101. When every term is non-finite, the inputs are (left to the usual naming)."""
        cur = s.cur
        if cur is None or not cur.values or math.isfinite(cur.values[-1]) or cur.further_bad is not None:
            return
        # the trained terms only: a metric logged beside them (DETR's class_error) carries no gradient
        finite = {k: math.isfinite(float(v.detach())) for k, v in terms.items() if misuse.is_scalar(v) and v.requires_grad}
        bad = [k for k, ok in finite.items() if not ok]
        if bad and len(bad) < len(finite):
            cur.further_bad = dict_term(bad[0])

    def _on_call(
        self,
        s: StepState,
        loss: torch.Tensor,
        inp: torch.Tensor | None,
        tgt: torch.Tensor | None,
        checked: bool,
        busy: bool,
        observed: bool,
        args: tuple = (),
        kwargs: dict | None = None,
    ) -> None:
        """The per-call work: keep the loss (its value, on the CPU), sample the checks (``busy``:
        the value checks have work on this call, ``ValueChecks.quiet`` false); under the
        watcher's guard (inlined: this runs on every training step), then any exception
        ``on_event="raise"`` queued."""
        if _in_transform(loss):
            # inside torch.func (vmap, grad: per-example gradients): a batched value that cannot be
            # read here, whose gradients go to the transform, not to the model's .grad
            self._not_watched("transform", "the criterion is called inside a torch.func transform (vmap, grad): those calls are not watched")
            return
        try:
            if s.device is None:
                if loss.device.type == "meta":  # no values to read: a dry run that builds shapes
                    self._not_watched("meta", "the loss is on the meta device (no values): those calls are not watched")
                    return
                s.device = loss.device
                # On the CPU a loss value is read without any synchronisation: a non-finite loss is
                # then read at once, whatever sync_every says. Not under torch.distributed, where
                # every rank must read at the same steps.
                s.host_loss = loss.device.type == "cpu" and s.world == 1
                s.every = read_every(loss.device, self.sync_every, self.on_event)
                s.most = read_most(s.every, self.sync_every, self.on_event, s.world, bool(s.skip))
                s.sparse_from = sparse_from(s.host_loss, s.every, s.most)
                s.eager = eager_steps(loss.device, self.sync_every)
            cur = s.cur
            if cur is not None:
                self._settle(s, cur)
                cur = s.cur
                # a read in _settle may have told the value checks something (LG003's sigmoid found outside)
                busy = s.kind is not None and not s.checks.quiet(s.calls)
            if cur is None:
                cur = s.cur = Record(s.step)
            host = s.host_loss
            if host and loss.dtype == torch.float32 and loss.dim() == 0:
                value = loss  # read at once below: nothing keeps the tensor (or its graph)
            else:
                value = loss.detach()
                if value.dim() > 0 or value.dtype != torch.float32:
                    # a complex loss (its real part is what backward() is called on) by its real part
                    value = (value.real if value.is_complex() else value).float().mean()
            model = s.model()
            if model is not None and not model.training:
                cur.evals = [*cur.evals, cur.terms()]  # the record's own list (Record: containers made at first use)
            if host:
                v = value.item()
                cur.values = [*cur.values, v]  # the record's own list (one term: [v])
                if not math.isfinite(v):  # on the host the inputs need a look only when the loss is bad
                    if args or kwargs:  # a criterion's call: its input, target and further arguments (keywords by the signature)
                        pos, kw = as_positional(s.criterion, args, kwargs or {})
                        inp, tgt = misuse.input_and_target(pos, kw)
                        cur.further_bad = nonfinite_argument(s.criterion, pos, kw)
                    mark_nonfinite_inputs(cur, inp, tgt)
            else:
                cur.losses = [*cur.losses, value]
                mark_nonfinite_inputs(cur, inp, tgt)
            # is_leaf is "grad_fn is None" without a Python object for the graph's node (loss.grad_fn makes one per read)
            leaf = loss.is_leaf
            if not leaf and s.layout.path_open:  # the first losses only
                s.layout.along_path(loss.grad_fn)  # the layers LG105 compares: along one path
            if observed or (leaf and loss.requires_grad):
                cur.reached = cur.terms()
            if s.kind is not None:
                checks = s.checks
                if checked or busy:
                    checks.on_call(cur, inp, tgt, checked, s.calls, self._disabled)
                elif cur.chance is None:
                    cur.chance = checks.chance
            if checked and not leaf:
                s.retention.watch(loss, s.step)
            s.calls += 1
        except LossGuardError:
            raise
        except Exception as exc:
            self._internal_error("_on_call", exc)
            s.broken = True
        if s.out.raise_queue:
            s.out.flush_raise(s.step)

    def _not_watched(self, note: str, text: str) -> None:
        """Say once that some calls are not watched (``note`` names them in ``_notes``)."""
        self._say_once(note, lambda: f"lossguard: {text}; training goes on unchanged.")

    def _say_once(self, note: str, text: Callable[[], str]) -> None:
        """Print ``text()`` the first time ``note`` is met (``_notes``); the text is built only then."""
        if note not in self._notes:
            self._notes.add(note)
            self._out.say(text())

    def _settle(self, s: StepState, cur: Record) -> None:
        """Before a new loss term: close, keep or drop the terms collected so far."""
        # Were the watched gradients reset (zero_grad, to None or in place) since the last call,
        # with no backward in between? Terms before a reset belong to no later step.
        grad = self._sentinel.grad if self._sentinel is not None else None
        token = None if grad is None else (id(grad), grad._version)
        zeroed = token != s.grad_token and not s.backward_seen
        s.grad_token, s.backward_seen = token, False
        if not cur.terms():
            return
        if zeroed and cur.terms() > cur.reached:
            cur.truncate(cur.reached)  # validation calls (no backward) before this step's zero_grad
            if not cur.terms():
                s.cur = None
                return
        reset = grad is None or zeroed
        if cur.reached:
            if self._managed is not None or s.any_opt:
                if reset and not cur.stepped:
                    # Gradients were reset after these terms' backward with no step of ours: they
                    # were another network's (a GAN's other half) or a step a GradScaler skipped.
                    s.cur = None
                elif reset and s.stepping is not None:
                    self._closure_step(cur)  # the closure runs again inside the same step()
            elif s.per_backward or reset:
                self._finish_current(s, False)
            elif cur.backwards >= _FALLBACK_BACKWARDS:
                s.per_backward = True
                self._finish_current(s, False)
        elif cur.terms() >= _MAX_UNREACHED:
            s.cur = None  # validation calls no backward reached

    def _after_backward(self) -> None:
        s = self._s
        if self._broken or self._closed or s.any_opt:
            return
        cur = s.cur
        if cur is None or cur.grads is not None:
            return
        probe, s.manual_probe = s.manual_probe, None
        last = self._dense[1]
        if probe is not None and probe[0] == self.step - 1 and last is not None and "update" not in cur.flags:
            # the loop's own update, applied after the previous step's backward
            now = self._params[last].detach().reshape(-1)[: probe[1].numel()]
            flags = cur.own_flags()
            flags["update"] = torch.dist(now, probe[1])
            flags["update_base"] = torch.linalg.vector_norm(probe[1])
        self._guard(self._measure, cur, False)
        if self.step >= _MANUAL_NOTICE and "manual" not in self._notes:
            self._notes.add("manual")
            self._out.say(
                "lossguard: no torch.optim optimizer steps this model (a hand-written update?): gradients are read at backward; "
                "without an optimizer the learning rate is unknown and skipping bad updates (optimizer=) is off."
            )

    # ------------------------------------------------------------------ step bookkeeping

    def _finish_current(self, s: StepState, skipped: bool) -> None:
        cur = s.cur
        s.cur = None
        if cur is None:
            return
        values = cur.values
        if not cur.evals and cur.reached == len(values) + len(cur.losses):
            # keep_reached()'s first case, inline (every term reached, none in eval mode): every step
            if not cur.reached:
                return
            if values and not math.isfinite(sum(values)):
                cur.urgent = True
        elif not cur.keep_reached():
            return
        else:
            values = cur.values
        now = time.time()
        if (
            values
            and cur.stepped
            and not (skipped or cur.flags or cur.losses)
            and cur.grads is None
            and cur.closure is None
            and cur.input_bad is None
            and cur.target_bad is None
            and math.isfinite(loss := sum(values) / len(values))
        ):
            # a plain step (collect.PLAIN): its five values, no record kept
            s.plain += (cur.step, loss, cur.lr, cur.chance, now)
        else:
            if skipped:
                cur.skipped = True
            cur.wall = now
            s.pending.append(cur)
        s.step += 1
        n = len(s.pending) + len(s.plain) // PLAIN
        if cur.urgent or s.step <= s.eager or (n >= s.every and (n >= s.most or now - s.read_at >= READ_WAIT)):
            s.read_at = now
            self._read()
        if s.retention.kept:
            self._check_retention(s.step - 1)

    def _check_retention(self, step: int) -> None:
        finding = self._retention.check(step)
        if finding is not None:
            self._emit_misuse(self._retention.code, step, finding.message, finding.data)

    # ------------------------------------------------------------------ misuse entry points

    def _host_checks(self, inp: torch.Tensor | None, tgt: torch.Tensor | None) -> None:
        for code, message, data in misuse.host_checks(self.kind, inp, tgt):
            self._emit_misuse(code, self.step, message, data)

    def _diagnose(self, inp: torch.Tensor | None, tgt: torch.Tensor | None, raw: Any = None) -> None:
        found = misuse.diagnose_error(self.kind, inp, tgt)
        follows = " (torch's own error follows)"
        if inp is None and not found and (bad := misuse.nonfinite_entry(raw)) is not None:
            # a criterion of a dict of outputs (DETR's pred_logits and pred_boxes) that raised on a NaN in it (its
            # matcher's box check): a model output gone non-finite, located as for a non-finite loss input
            key, count, total = bad
            found = [
                (
                    NanLoss.code,
                    f"The criterion raised while the model output it was given holds {count} non-finite value(s) of {total} "
                    f"in {key}: the output became NaN or infinite before the loss (the criterion's own checks fail on it).",
                    {"nonfinite": count, "entry": key},
                )
            ]
            follows = " (the criterion's own error follows)"
        for code, message, data in found:
            fix = None
            if code == NanLoss.code:
                # a non-finite loss input torch refused (NaN into BCELoss): the weights or the batch?
                # One scan of the parameters (the step has failed anyway), and the fix LG101 gives for it
                source = locate_nonfinite({"input_bad": math.nan}, False, self._names, self._params)
                message += f" First non-finite tensor: {source}."
                fix = fix_for(source, self._current_lr(), self._evidence, self.step)
            self._emit_misuse(code, self.step, message + follows, data, fix=fix)

    def _current_lr(self) -> float | None:
        """The learning rate of the optimizer that last stepped the model (None if unknown)."""
        ref = self._managed if self._managed is not None else self._s.last_opt
        opt = ref() if isinstance(ref, weakref.ref) else ref
        lr = optimizer_lr(opt) if opt is not None else None
        return float(lr) if isinstance(lr, (int, float)) else None

    def _emit_misuse(self, code: str, step: int, message: str, data: dict, severity: str | None = None, fix: str | None = None) -> None:
        if code in self._out.first or code in self._disabled:
            return
        event = make_event(code, step, message, data, severity)
        if fix is not None:
            event = dataclasses.replace(event, fix=fix)
        self._out.emit(event, self._level(event))

    # ------------------------------------------------------------------ policy and guard

    @property
    def events(self) -> list[Event]:
        return self._out.events

    def _flush_raise(self) -> None:
        self._out.flush_raise(self.step)

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
        if _device_failed(exc):
            # not lossguard's failure: the device is gone (a device-side assert), nothing on it is readable
            self._out.say(
                f"lossguard: the device failed ({type(exc).__name__}: {str(exc).splitlines()[0]}); the watcher stops here, "
                f"{self._s.waiting()} pending step(s) could not be read. Events up to the last read were reported above; "
                "torch's own message says which kernel failed."
            )
            return
        warn(
            f"lossguard: internal error in {where} ({type(exc).__name__}: {exc}); it is switched off, training goes on. Please report this.",
            stacklevel=3,
        )

    # ------------------------------------------------------------------ public API

    def flush(self) -> None:
        """Read every pending statistic now (one device transfer), write the logs, apply the policy."""
        if self._s.waiting() and not self._broken:
            self._guard(self._read)
        self._out.flush()
        self._flush_raise()

    def close(self) -> None:
        """Flush, stop watching optimizers, print the summary and close the log files."""
        if self._closed:
            return
        try:
            cur = self._cur
            if cur is not None and cur.reached and not (self._managed is not None or self._any_opt) and not self._broken:
                self._guard(self._finish_current, self._s, False)  # the last step of a loop without optimizer
            self.flush()
        finally:
            self._closed = True
            remove_handles(self._handles)
            if self._anchor_hook is not None:
                self._anchor_hook.remove()
                self._anchor_hook = None
            if self._announce and "summary" not in self._notes:
                self._out.say(self._out.summary(self.step))
            self._out.close()

    def __del__(self) -> None:
        """A watcher dropped without ``close()`` (a new one made every epoch, the old one's name rebound) is closed
        when it is collected: its pending steps are read, their events said, its summary printed and its files
        closed, as ``close()`` would. In a run of several processes only its files are closed: a read there is a
        collective, which must not happen at a point of the run the other ranks do not share (it would hang).
        Nothing raises from here (a collection at interpreter exit, a half-built watcher)."""
        try:
            if self._closed or self._broken:
                return
            if self._s.world > 1:
                self._closed = True
                remove_handles(self._handles)
                self._out.close()
                return
            self.close()
        except BaseException:  # noqa: BLE001, S110 - a finaliser must never raise (the interpreter would print it)
            pass

    def __enter__(self) -> Watcher:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def state_dict(self, *args: Any, **kwargs: Any) -> dict[str, Any]:  # type: ignore[override]
        """Everything needed to resume: step counters, detector windows, events (flushes first)."""
        return resume.state_of(self)

    def load_state_dict(self, state: dict[str, Any], strict: bool = True, assign: bool = False) -> Any:  # type: ignore[override]
        """Restore :meth:`state_dict` output (see :mod:`lossguard.runtime.resume`)."""
        resume.restore(self, state)
        return None

    def extra_repr(self) -> str:
        return f"step={self.step}, detectors={[d.code for d in self.detectors]}"
