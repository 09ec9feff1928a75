"""The optimizer side of the watcher: which optimizers step the model, what is measured at
their step (gradient and weight norms, an update probe), and skipping a bad update.

Without ``optimizer=`` the watcher listens to torch's global optimizer hooks and keeps the
optimizers that step the model's parameters; with it, it uses that optimizer's own step hooks
and leaves ``optimizer.step`` itself alone, so that LR schedulers can wrap it.
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import torch

from lossguard.errors import LossGuardError
from lossguard.runtime.collect import NEVER, PLAIN, PLAIN_LOSS, Record, StepState
from lossguard.runtime.detectors import LossPlateau, LossSpike, NanLoss
from lossguard.runtime.distributed import all_reduce_sum

if TYPE_CHECKING:  # pragma: no cover
    from lossguard.runtime.detectors import Detector
    from lossguard.runtime.detectors.graph_retention import GraphRetention
    from lossguard.runtime.policy import Output
    from lossguard.runtime.watcher import Watcher

_PROBE = 4096
# Gradient norms read every gradient from memory (about 0.25 ms on the benchmark model, 1.5% of a
# step): every step for the first 16 steps, then every 8th. Weight norms move slowly: every 16
# steps for the first 64, then every 64th. The update probe (how far the last layer moves) is
# taken at the gradient norms' cadence, without the extra steps that skipping adds.
GRAD_EVERY = 8
GRAD_EARLY = 16
WEIGHTS_EVERY = 16
WEIGHTS_EARLY = 64
# measured optimizer steps in a row with every gradient cleared after the backward before the step is reported (_cleared)
CLEARED_STEPS = 8
# On the CPU in one process with the default read cadence (loss values read at their call, reads
# allowed to wait: collect.read_most) the measured steps are a large share of the watcher's cost on
# a small model (the tiny MLP: about a third); there, from step SPARSE_FROM on, while the
# run looks healthy, the gradient norms are taken every GRAD_SPARSE-th step only. Each GRAD_EVERY-th
# step between is still measured when a loss since the last such step, or its own, is above
# SPARSE_BAND times the highest plain loss of the last read (StepState.loss_high: the run's own
# spread, which small batches make 2-4x wide near convergence), below zero or not finite (a falling
# loss is no sign), and so are those of the next ALERT_SPAN steps, also after any finding
# (ReadSide._found): the cadence goes back to GRAD_EVERY the moment the loss looks unusual.
# Deterministic (no clock): the same run measures the same steps on any machine.
GRAD_SPARSE = 32
SPARSE_FROM = 1024
SPARSE_BAND = 2.0
ALERT_SPAN = 256


def on_cadence(step: int) -> bool:
    """Whether ``step`` is one of the gradient norms' regular steps (GRAD_EARLY, GRAD_EVERY)."""
    return step < GRAD_EARLY or step % GRAD_EVERY == 0


def is_measured(step: int, skip: frozenset[str]) -> bool:
    """Whether step ``step``'s gradient norms are taken: on the cadence, and every step while
    bad updates may be skipped (``skip``)."""
    return on_cadence(step) or bool(skip)


def sparse_from(host_loss: bool, every: int, most: int) -> int:
    """The step from which the gradient norms may thin out to GRAD_SPARSE (see there): SPARSE_FROM
    where loss values are read at their call and a read may wait past ``every`` steps, else NEVER."""
    return SPARSE_FROM if host_loss and most > every else NEVER


def unmeasured(s: StepState, cur: Record, step: int) -> bool:
    """Whether the GRAD_EVERY-th step ``step``, off the GRAD_SPARSE grid, goes unmeasured: the
    run looks healthy (GRAD_SPARSE's rule). Else it is measured; when a loss looked unusual, so
    are the GRAD_EVERY-th steps of the next ALERT_SPAN."""
    if step < s.sparse_from or step < s.alert_until:
        return False
    high = s.loss_high
    values = cur.values
    if high is None or high <= 0.0 or not values:
        return False  # no reference yet (no read), a loss that may be negative, or none on the host: measured
    plain = s.plain
    # the losses of the plain steps since the last GRAD_EVERY-th one (those not read yet), and this one's
    recent = plain[PLAIN_LOSS + max(0, len(plain) - PLAIN * (GRAD_EVERY - 1)) :: PLAIN]
    recent.append(sum(values) / len(values))
    if 0.0 <= min(recent) and max(recent) <= high * SPARSE_BAND and math.isfinite(sum(recent)):
        return True
    s.alert_until = step + ALERT_SPAN
    return False


def last_weights(s: StepState) -> torch.Tensor:
    """The first ``_PROBE`` weights of the model's last dense layer (``s.layout``), flat: a view kept
    while the parameter keeps its storage (it follows the optimizer's in-place updates), a fresh
    copy for a non-contiguous parameter."""
    layout = s.layout
    last = layout.dense[1]
    assert last is not None
    param = layout.params[last]
    view = s.probe_view
    if view is None or view.data_ptr() != param.data_ptr():
        view = param.detach().reshape(-1)[:_PROBE]
        s.probe_view = view if param.is_contiguous() else None
    return view


class OptimizerSide:
    """Methods of :class:`~lossguard.runtime.watcher.Watcher` that run at optimizer steps."""

    # What these methods use of the assembled Watcher (set in Watcher.__init__). Annotations
    # only: nothing here exists at run time.
    step: int
    _s: StepState
    _out: Output
    skip: frozenset[str]
    world: int
    detectors: list[Detector]
    _params: list[torch.Tensor]
    _param_ids: set[int]
    _model: Callable[[], Any]  # weakref.ref to the model
    _dense: tuple[int | None, int | None]
    _cur: Record | None
    _opt_steps: int
    _any_opt: bool
    _fired: bool
    _broken: bool
    _closed: bool
    _disabled: set[str]
    _managed: torch.optim.Optimizer | None
    _opt_cache: weakref.WeakKeyDictionary[torch.optim.Optimizer, bool]
    _last_opt: weakref.ref[torch.optim.Optimizer] | None
    _manual_probe: tuple[int, torch.Tensor] | None
    _retention: GraphRetention

    if TYPE_CHECKING:  # pragma: no cover
        # Watcher's methods, defined in watcher.py.
        def _guard(self, fn: Callable[..., Any], *args: Any) -> Any: ...
        def _set_sentinel(self, param: torch.Tensor | None) -> None: ...
        def _finish_current(self, s: StepState, skipped: bool) -> None: ...
        def _internal_error(self, where: str, exc: BaseException) -> None: ...
        def _flush_raise(self) -> None: ...
        def _relayout(self, opt: torch.optim.Optimizer) -> None: ...
        def _emit_misuse(self, code: str, step: int, message: str, data: dict, severity: str | None = None, fix: str | None = None) -> None: ...
        def _read(self) -> None: ...

    def _steps_unfrozen(self, opt: torch.optim.Optimizer) -> bool:
        """Whether ``opt`` steps a trainable parameter of the model (the watcher, made while the model was
        all frozen, has none of its own); cached once true."""
        model = self._model()
        if model is None:
            return False
        ids = {id(p) for p in model.parameters() if p.requires_grad}
        if not any(id(p) in ids for g in opt.param_groups for p in g["params"]):
            return False
        self._opt_cache[opt] = True
        return True

    def _owns(self, opt: torch.optim.Optimizer) -> bool:
        """Whether ``opt`` steps watched parameters (callers first try ``last_opt``, the answer
        of the last call, inline)."""
        known = self._opt_cache.get(opt)
        if known is None:
            if self._param_ids:
                known = any(id(p) in self._param_ids for g in opt.param_groups for p in g["params"])
                self._opt_cache[opt] = known
            else:
                # every parameter was frozen at watch(): an optimizer that steps a parameter of the model
                # that is trainable now (unfrozen since) is ours; not cached while nothing is trainable
                known = self._steps_unfrozen(opt)
            if known:
                self._relayout(opt)
                self._note_asleep(opt)
        if known:
            self._s.last_opt = weakref.ref(opt)
        return known

    def _note_asleep(self, opt: torch.optim.Optimizer) -> None:
        """What a measured step compares to see ``opt`` step parameters the layout does not hold: its param-group
        count (``add_param_group``) and the model's parameters it steps that are frozen now (``requires_grad``)."""
        model = self._model()
        if model is None:
            return
        mine = {id(p) for p in model.parameters()} - self._param_ids
        frozen = [p for g in opt.param_groups for p in g["params"] if id(p) in mine and not p.requires_grad]
        self._s.asleep[opt] = (len(opt.param_groups), frozen)

    def _wake(self, s: StepState, opt: torch.optim.Optimizer) -> None:
        """``opt`` steps parameters the layout does not hold (a frozen backbone released by ``requires_grad``, a
        group added by ``add_param_group``): the steps measured so far are read with the layout they were measured
        with, the layout is taken again (their gradient norms read from this step on, the first dense layer
        perhaps another), and the detectors drop what compares steps across the change (``Detector.retrained``).
        In a run of several processes a read is a collective the other ranks may not share at this point: the
        layout stays there (the change is not followed)."""
        if s.world > 1:
            s.asleep.pop(opt, None)
            return
        before = self._param_ids
        self._read()
        self._relayout(opt)
        self._note_asleep(opt)
        if self._param_ids != before:
            for det in s.active:
                det.retrained()

    def read_gradients(self, optimizer: torch.optim.Optimizer) -> None:
        """Read this step's gradients now (idempotent per step).

        For trainers whose ``optimizer.step(closure)`` runs backward inside the step, after
        torch's pre-step hook has fired (PyTorch Lightning). Normal loops never need it."""
        if not (self._broken or self._closed):
            self._guard(self._on_optimizer_pre, self._s, optimizer)

    def _on_optimizer_pre(self, s: StepState, opt: torch.optim.Optimizer) -> None:
        s.any_opt = True
        last = s.last_opt
        managed = s.managed
        if (managed is not None and opt is not managed) or ((last is None or last() is not opt) and not self._owns(opt)):
            return
        cur = s.cur
        if cur is None or cur.stepped:
            # no loss of this step yet: step() computes it (a closure), and each of its backwards is a step
            s.stepping = opt
            return
        cur.stepped = True
        if not s.fired:
            # the sentinel is a parameter no backward reaches: trust the optimizer's step
            cur.reached = cur.terms()
        # optimizer_lr(opt), inline (every step): a number, a CPU tensor's value, or None
        groups = opt.param_groups
        lr = groups[0].get("lr") if groups else None
        cur.lr = (float(lr) if lr.device.type == "cpu" else None) if isinstance(lr, torch.Tensor) else lr
        if s.stepping is not None and opt.param_groups and "line_search_fn" in opt.param_groups[0]:
            cur.closure = "none" if opt.param_groups[0]["line_search_fn"] is None else "line search"
        if cur.flags:
            # gradients read at backward before any optimizer was seen may still be scaled (GradScaler)
            flags = cur.own_flags()
            flags.pop("update", None)
            flags.pop("update_base", None)
        if cur.grads is not None:  # read at backward (no optimizer known then): this step's are read now
            cur.grads = cur.weights = None
        step = s.step
        # is_measured(), inline (every step), less the steps a healthy CPU run leaves out (GRAD_SPARSE)
        if step < GRAD_EARLY or (step % GRAD_EVERY == 0 and (step % GRAD_SPARSE == 0 or not unmeasured(s, cur, step))) or s.skip:
            asleep = s.asleep.get(opt)
            if asleep is not None and (len(groups) != asleep[0] or any(p.requires_grad for p in asleep[1])):
                self._wake(s, opt)
            type(self)._measure(self, cur, True)  # the class's: self.name is nn.Module's slow path

    def measured(self, step: int) -> bool:
        """Whether step ``step`` is on the gradient norms' regular cadence (every step with skipping on); a
        healthy CPU run leaves out some of these (GRAD_SPARSE)."""
        return is_measured(step, self.skip)

    def _measure(self, cur: Record, optimizer: bool) -> None:
        """Gradient norms (and, now and then, weight norms and an update probe) of this step."""
        # the layout and caches from the state object: on an nn.Module each self.name is the slow path (collect.StepState)
        s = self._s
        step = s.step
        cadence = step < GRAD_EARLY or step % GRAD_EVERY == 0  # on_cadence(), inline
        if not (cadence or s.skip):  # is_measured(), from the state object
            return
        layout = s.layout
        params = layout.params
        every = [p.grad for p in params]
        index = tuple(i for i, g in enumerate(every) if g is not None and not g.is_sparse)
        if not index:
            if optimizer and cur.backwards and all(g is None for g in every):
                type(self)._cleared(self, s, cur)  # the rare path: a step that updates nothing of the model
            return
        if s.cleared > 0:
            s.cleared = 0
        grads = every if len(index) == len(every) else [every[i] for i in index]
        last = layout.dense[1]
        # the last dense weight's gradient as read above (one read of .grad per parameter)
        now = last_weights(s) if last is not None and every[last] is not None and cadence else None
        if now is not None and optimizer:
            # the probe's norm (the update's base) in the same call as the gradients' norms: one op
            # fewer per probed step, the same value (torch's one norm kernel on the CPU)
            norms = torch._foreach_norm([*grads, now])  # type: ignore[list-item]  # the None grads were filtered out above
            cur.grads, cur.probe_base = list(norms[:-1]), norms[-1]
        else:
            cur.grads = list(torch._foreach_norm(grads))  # type: ignore[arg-type]  # the None grads were filtered out above
        cur.grad_index = index
        cur.measured = True
        if not s.fired:
            self._set_sentinel(params[index[0]])
        if step - s.weights_at >= (WEIGHTS_EVERY if step < WEIGHTS_EARLY else WEIGHTS_EARLY) or index not in s.weight_cache:
            with torch.no_grad():
                cur.weights = list(torch._foreach_norm([params[i].detach() for i in index]))
            s.weights_at = step
        if now is None:
            return
        if optimizer:
            cur.probe = now.clone()
            return
        # hand-written updates: compared at the next backward, after the loop's update (_after_backward)
        s.manual_probe = (step, now.clone())

    def _cleared(self, s: StepState, cur: Record) -> None:
        """An optimizer step of this step's loss, whose backward reached the model (the sentinel's hook fired), with
        no gradient on any of the model's trainable parameters (every ``.grad`` None): the gradients were cleared
        between ``backward()`` and ``step()`` (``optimizer.zero_grad()`` between the two), so the step updates
        nothing. ``CLEARED_STEPS`` measured steps in a row are reported once, as LG017 (the catalog's problem: a clear
        between backward() and step()), and LG103's plateau test then counts it said (nothing is learnt). Gradients zeroed in place (``zero_grad(set_to_none=False)``) leave tensors of
        zeros: their norms, read later on the device, are not seen here."""
        if s.cleared < 0:
            return
        s.cleared += 1
        if s.cleared < CLEARED_STEPS:
            return
        s.cleared = -1
        n = len(self._params)
        self._emit_misuse(
            "LG017",
            cur.step,
            f"Step {cur.step}: at each of the last {CLEARED_STEPS} measured optimizer steps the backward had reached the model, "
            f"yet when the optimizer stepped none of its {n} trainable parameters had a gradient (every .grad None): the "
            "gradients are cleared between backward() and step(), so no update changes the model and nothing is learnt.",
            {"steps": CLEARED_STEPS, "parameters": n, "lr": cur.lr},
            "error",
            fix="Clear the gradients before loss.backward() (or after optimizer.step()), never between the two: "
            "optimizer.zero_grad(); loss.backward(); optimizer.step(). Look for a zero_grad() (of the optimizer or the "
            "model), a `p.grad = None` or a model reloaded between backward() and step() "
            "(chosen because every parameter's gradient was None at the step while the backward had reached the model).",
        )
        plateau = self._detector(LossPlateau)
        if plateau is not None:
            plateau.reported = True

    def _on_optimizer_post(self, s: StepState, opt: torch.optim.Optimizer, skipped: bool = False) -> None:
        last = s.last_opt
        managed = s.managed
        if (managed is not None and opt is not managed) or ((last is None or last() is not opt) and not self._owns(opt)):
            return
        s.opt_steps += 1
        s.stepping = None
        cur = s.cur
        if cur is not None and cur.probe is not None and cur.grads is not None and "update" not in cur.flags:
            type(self)._take_update(self, cur)  # the class's: self.name is nn.Module's slow path
        if cur is not None and (cur.values or cur.losses):  # cur.terms(), inline
            type(self)._finish_current(self, s, skipped)  # the class's: self.name is nn.Module's slow path

    def _take_update(self, cur: Record) -> None:
        """The update: how far the last dense layer's probed weights moved since ``cur.probe`` was taken."""
        assert cur.probe is not None
        after = last_weights(self._s)
        flags = cur.own_flags()
        flags["update"] = torch.dist(after, cur.probe)
        flags["update_base"] = cur.probe_base if cur.probe_base is not None else torch.linalg.vector_norm(cur.probe)
        cur.probe = cur.probe_base = None

    def _closure_step(self, cur: Record) -> None:
        """An evaluation of the closure inside a step() (L-BFGS: an iteration or a line-search trial)
        is over: it is a step of its own, its update what the optimizer moved before the next one.
        Its loss's graph may live on inside step() (L-BFGS returns its first loss): LG006 lets it be."""
        if self._retention.kept:
            self._retention.forget(cur.step)
        if cur.probe is not None and cur.grads is not None and "update" not in cur.flags:
            self._take_update(cur)
        self._finish_current(self._s, False)

    def _decide_skip(self) -> bool:
        """Host decision for the managed optimizer: one small transfer per step (documented)."""
        cur = self._cur
        if not self.skip or cur is None or not cur.reached:
            return False
        if cur.losses:
            loss = torch.stack(cur.losses[: cur.reached]).float().mean()
        else:
            loss = torch.tensor(sum(cur.values[: cur.reached]) / cur.reached)
        gnorm = torch.linalg.vector_norm(torch.stack(cur.grads).float()) if cur.grads is not None else torch.zeros((), device=loss.device)
        packed = all_reduce_sum(torch.stack([loss, gnorm.to(loss.device)]))
        loss_v, gnorm_v = (v / self.world for v in packed.tolist())
        nan = self._detector(NanLoss)
        spike = self._detector(LossSpike)
        skip = False
        if "nan-loss" in self.skip and nan is not None and nan.is_nonfinite(loss_v, gnorm_v if cur.grads is not None else None):
            skip = True
        if "loss-spike" in self.skip and spike is not None and spike.is_spike(loss_v):
            skip = True
        return skip

    def _detector(self, kind: type) -> Any:
        for d in self.detectors:
            if isinstance(d, kind) and d.code not in self._disabled:
                return d
        return None


def optimizer_lr(opt: torch.optim.Optimizer) -> Any:
    """The first param group's learning rate as the host can read it without a synchronisation: a
    number, a CPU tensor's value, or None (a device tensor, no group)."""
    lr = opt.param_groups[0].get("lr") if opt.param_groups else None
    if isinstance(lr, torch.Tensor):
        lr = float(lr) if lr.device.type == "cpu" else None
    return lr


def global_hooks(ref: weakref.ref[Watcher], s: StepState) -> list[Any]:
    """torch's global optimizer hooks: find the optimizers that step the model's parameters.

    ``s`` is the watcher's state object (the watcher's own attributes are slow to read:
    collect.StepState); its methods are called through its class for the same reason."""

    def pre(opt: torch.optim.Optimizer, args: Any, kwargs: Any) -> None:
        w = ref()
        if w is None:
            return
        if not (s.broken or s.closed):
            try:  # _guard, inlined: this runs on every optimizer step
                type(w)._on_optimizer_pre(w, s, opt)
            except LossGuardError:
                raise
            except Exception as exc:
                w._internal_error("_on_optimizer_pre", exc)
                s.broken = True

    def post(opt: torch.optim.Optimizer, args: Any, kwargs: Any) -> None:
        w = ref()
        if w is None:
            return
        if not (s.broken or s.closed):
            try:
                type(w)._on_optimizer_post(w, s, opt)
            except LossGuardError:
                raise
            except Exception as exc:
                w._internal_error("_on_optimizer_post", exc)
                s.broken = True
            if s.out.raise_queue:
                w._flush_raise()

    from torch.optim.optimizer import register_optimizer_step_post_hook, register_optimizer_step_pre_hook

    return [register_optimizer_step_pre_hook(pre), register_optimizer_step_post_hook(post)]


def managed_hooks(ref: weakref.ref[Watcher], optimizer: torch.optim.Optimizer) -> list[Any]:
    """The optimizer's own step hooks (``optimizer.step`` itself is left alone, so that LR
    schedulers can wrap it). A skipped update hides every gradient from the optimizer during
    its step (it then updates nothing, momentum and step counts included) and restores them."""
    hidden: list[tuple[torch.Tensor, torch.Tensor | None]] = []

    def pre(opt: torch.optim.Optimizer, args: Any, kwargs: Any) -> None:
        w = ref()
        if w is None or w._broken or w._closed:
            return
        w._guard(w._on_optimizer_pre, w._s, opt)
        if w._guard(w._decide_skip):
            for group in opt.param_groups:
                for p in group["params"]:
                    hidden.append((p, p.grad))
                    p.grad = None

    def post(opt: torch.optim.Optimizer, args: Any, kwargs: Any) -> None:
        skipped = bool(hidden)
        for p, g in hidden:
            p.grad = g
        hidden.clear()
        w = ref()
        if w is None or w._broken or w._closed:
            return
        w._guard(w._on_optimizer_post, w._s, opt, skipped)
        w._flush_raise()

    return [optimizer.register_step_pre_hook(pre), optimizer.register_step_post_hook(post)]


def remove_handles(handles: list[Any]) -> None:
    for h in handles:
        h.remove()
    handles.clear()
