"""The read side of the watcher: what happens when a batch of steps comes to the host.

Every ``read_every`` steps (:func:`lossguard.runtime.collect.read_every`) the pending records
travel to the host in one transfer; each becomes step statistics (:func:`step_stats`, a pure
function), goes to TensorBoard, and through the detectors; findings become events for the
policy (:mod:`lossguard.runtime.policy`). Nothing here runs on an ordinary step.
"""

from __future__ import annotations

import dataclasses
import math
from bisect import bisect_left
from typing import TYPE_CHECKING, Any

from lossguard.runtime.clip_note import ClippedNorm, clip_note
from lossguard.runtime.collect import PLAIN, PLAIN_LOSS, PLAIN_STEP, Record, StepState, plain_record, read
from lossguard.runtime.detectors import Detector, Finding, StepStats
from lossguard.runtime.detectors.advice import plateau_of_probabilities, vanishing_through_softmax, without_line_search
from lossguard.runtime.detectors.base import Run
from lossguard.runtime.detectors.loss_bound import LossBelowBound
from lossguard.runtime.events import Event, make_event
from lossguard.runtime.optimizer_side import ALERT_SPAN, GRAD_EVERY
from lossguard.runtime.sinks import LOSS, LOSS_SMOOTHED, LR
from lossguard.runtime.stats import locate_nonfinite, step_stats

if TYPE_CHECKING:  # pragma: no cover
    import torch

    from lossguard.runtime.layout import Layout
    from lossguard.runtime.policy import Output
    from lossguard.runtime.value_checks import ValueChecks

# In a hand-written update loop the update size reaches the detectors only below this fraction
# of the last layer's weights (LG103's "weights barely move"); larger ones are not evidence there.
_MANUAL_UPDATE_SHOWN = 1e-3
# Once the loss is known to be unbounded below (LG007 input, LG107 loss below its bound), the
# spikes, swings and huge gradients that follow are its consequences, not a learning-rate problem.
_CAUSES = ("LG007", "LG107")
_CONSEQUENCES = frozenset(("LG102", "LG104", "LG106"))
# Once LG001 reported softmax output as the cross-entropy's input, it explains a loss that stays near its
# chance level (LG103) and gradients that vanish below it (LG105: a saturated softmax passes none back).
_EXPLAINED_BY_SOFTMAX = {"LG103": plateau_of_probabilities, "LG105": vanishing_through_softmax}
# TensorBoard scalars by default (log_every=None): every step for the first DENSE_LOG steps, then
# every GRAD_EVERY-th step, the steps whose gradient norms are measured (a healthy CPU run
# measures every GRAD_SPARSE-th of them: optimizer_side; the others keep their loss rows). TensorBoard shows at
# most 1,000 points per chart (it samples the rest away); events are always written at their step.
DENSE_LOG = 1024


class ReadSide:
    """Methods of :class:`~lossguard.runtime.watcher.Watcher` that run at read steps."""

    # What these methods use of the assembled Watcher (set in Watcher.__init__). Annotations
    # only: nothing here exists at run time.
    _s: StepState
    _out: Output
    _managed: torch.optim.Optimizer | None
    _layout: Layout
    _names: list[str]
    _params: list[torch.Tensor]
    _disabled: set[str]
    _stepwise: list[Detector]
    _active: list[Detector]  # _stepwise less the detectors switched off after raising
    _notes: set[str]
    _clipped: ClippedNorm
    checks: ValueChecks
    log_every: int | None
    world: int

    if TYPE_CHECKING:  # pragma: no cover
        # Watcher's methods, defined in watcher.py and optimizer_side.py.
        def _internal_error(self, where: str, exc: BaseException) -> None: ...
        def _emit_misuse(self, code: str, step: int, message: str, data: dict, severity: str | None = None) -> None: ...
        def _detector(self, kind: type) -> Any: ...

    def _read(self) -> None:
        s = self._s
        pending, s.pending = s.pending, []
        plain, s.plain = s.plain, []
        # Records with a tensor to read (a loss on the device, gradient norms, value-check flags)
        # travel in one transfer; the others (on the CPU: a loss read at its call, non-finite or of a
        # step that is no plain optimizer step) go straight to _process, in step order with the rest.
        # (Tested inline, the record's fields: a method call per record cost more than the test.)
        heavy = [
            rec for rec in pending if rec.losses or rec.grads is not None or rec.flags or rec.input_bad is not None or rec.target_bad is not None
        ]
        reads = iter(read(heavy, s.world)) if heavy else iter(())
        nxt = next(reads, None)
        due = nxt.rec if nxt is not None else None  # the record nxt was read for
        # the class's functions and the state object: on an nn.Module each self.name is the slow path (collect.StepState)
        cls = type(self)
        process = cls._process
        # the plain steps (collect.PLAIN) as columns; consecutive ones go through the detectors as one run
        # (_run), each record through _process, in step order (a record's step falls between two runs)
        cols = [plain[k::PLAIN] for k in range(PLAIN)] if plain else None
        if cols is not None:
            s.loss_high = max(cols[PLAIN_LOSS])  # the thinned gradient cadence's reference (optimizer_side.GRAD_SPARSE)
        steps = cols[PLAIN_STEP] if cols is not None else []
        i, n = 0, len(steps)
        for rec in pending:
            if i < n and steps[i] < rec.step:
                j = bisect_left(steps, rec.step, i)
                cls._run(self, s, *(col[i:j] for col in cols))  # type: ignore[union-attr]  # cols is set when n > 0
                i = j
            if rec is due:
                r, nxt = nxt, next(reads, None)
                due = nxt.rec if nxt is not None else None
                assert r is not None
                if r.weights is not None and rec.grad_index is not None:
                    s.weight_cache[rec.grad_index] = r.weights
                process(self, s, rec, r.loss, r.scalars, r.grads)
                continue
            values = rec.values
            process(self, s, rec, sum(values) / len(values), {}, None)  # rec.host_loss(), inline
        if i < n:
            cls._run(self, s, *(col[i:] for col in cols))  # type: ignore[union-attr]

    def _run(
        self, s: StepState, steps: list[int], losses: list[float], lrs: list[float | None], chances: list[float | None], walls: list[float]
    ) -> None:
        """Consecutive plain steps (collect.PLAIN, by column: ``_process``'s first case, with a finite loss), as
        ``_process`` would take them one by one as records, with the same events in the same order.

        Each detector takes the run's steps it can take without a finding at once (``Detector.absorb``);
        at a step where one may have a finding (or is due for a test) the detectors that stopped there get
        its statistics through ``update``, in their order, and go on from the next step. A step's
        TensorBoard scalars go out before its events, and an event's level (``_level``) is the smoothed
        loss of its step, as in ``_process``. Detectors are independent but for ``_found``, which may read
        LossBelowBound's ``start`` and ``reported``: an absorbed step changes neither (absorb takes no step
        that reports, nor the first loss).
        """
        n = len(steps)
        checks = s.checks
        # the run's chance levels as each step's statistics would carry them (on_read: the value checks' entropy)
        levels = []
        for chance in set(chances):
            probe = StepStats.of_step(0, None, None, chance, True)
            checks.on_read(probe, {}, s.world)
            levels.append((probe.chance_loss, probe.target_entropy))
        run = Run(steps, losses, lrs, checks.equilibrium, checks.floor, levels)
        # the smoothed loss after each step (as _process takes it: the first finite loss starts it)
        emas: list[float] = []
        add = emas.append
        ema, rest = s.ema, losses
        if ema is None:
            ema, rest = losses[0], losses[1:]
            add(ema)
        for loss in rest:
            ema = 0.9 * ema + 0.1 * loss
            add(ema)
        s.ema_n += n
        s.prev_finite = True  # a finite loss and no gradient norm
        dets = s.active
        # the class's functions: on an nn.Module each self.name is the slow path (collect.StepState)
        cls = type(self)
        update = cls._update
        pos = []
        for det in dets:
            try:
                pos.append(det.absorb(run, 0) if det.absorbs else 0)
            except Exception as exc:
                pos.append(n)
                self._disable(det, exc)
        sent = 0  # the steps whose TensorBoard scalars went out
        while True:
            m = min(pos, default=n)
            if m >= n:
                break
            sent = cls._run_scalars(self, s, steps, losses, lrs, walls, emas, sent, m + 1)
            s.ema = emas[m]  # _level reads it: the smoothed loss of the event's step
            step, lr, chance = steps[m], lrs[m], chances[m]
            stats = StepStats.of_step(step, losses[m], lr, chance, True)
            checks.on_read(stats, {}, s.world)
            rec = plain_record(step, losses[m], lr, chance, walls[m])  # what _found reads of the step
            k = -1
            for _ in range(pos.count(m)):  # the detectors that stopped here, in their order (each moves past m)
                k = pos.index(m, k + 1)
                det = dets[k]
                pos[k] = n
                if not update(self, det, stats, rec):
                    continue
                if det.absorbs:
                    try:
                        pos[k] = det.absorb(run, m + 1)
                    except Exception as exc:
                        self._disable(det, exc)
                else:
                    pos[k] = m + 1
        cls._run_scalars(self, s, steps, losses, lrs, walls, emas, sent, n)
        s.ema = emas[-1]

    def _run_scalars(
        self,
        s: StepState,
        steps: list[int],
        losses: list[float],
        lrs: list[float | None],
        walls: list[float],
        emas: list[float],
        start: int,
        end: int,
    ) -> int:
        """The TensorBoard scalars of a run's steps ``start:end`` (its columns), as ``_process`` writes them; returns ``end``."""
        out = s.out
        if out.tb is None:
            return end
        every = s.log_every
        for i in range(start, end):
            step = steps[i]
            if step % (every or (1 if step < DENSE_LOG else GRAD_EVERY)) == 0:
                tb = {LOSS: losses[i], LOSS_SMOOTHED: emas[i]}
                lr = lrs[i]
                if lr is not None:
                    tb[LR] = lr
                out.scalars(step, tb, walls[i])
        return end

    def _update(self, det: Detector, stats: StepStats, rec: Record) -> bool:
        """One detector's update on one step, its finding reported; False when it raised (it is then switched off)."""
        try:
            finding = det.update(stats)
        except Exception as exc:
            self._disable(det, exc)
            return False
        if finding is not None:
            self._found(det, finding, stats, rec)
        return True

    def _disable(self, det: Detector, exc: Exception) -> None:
        """A detector raised: reported as an internal error and switched off; the others go on."""
        self._internal_error(f"detector {det.code} {det.name}", exc)
        self._disabled.add(det.code)
        self._active = [d for d in self._active if d is not det]

    def _process(self, s: StepState, rec: Record, loss: float, scalars: dict[str, float], grads: list[float] | None) -> None:
        every = s.log_every or (1 if rec.step < DENSE_LOG else GRAD_EVERY)
        out = s.out
        tags = out.tb is not None and rec.step % every == 0
        tb: dict[str, float]
        if grads is None and not scalars and rec.stepped and not rec.skipped:
            # most steps: an optimizer step's loss alone (gradients are measured on some steps
            # only), what step_stats would make of it without its branches
            stats, tb = StepStats.of_step(rec.step, loss, rec.lr, rec.chance, True), {}
        else:
            stats, tb = self._measured_stats(rec, loss, scalars, grads, tags)
        if rec.closure is not None:
            stats.line_search = rec.closure == "line search"
        checks = s.checks
        checks.on_read(stats, scalars, s.world)
        finite = math.isfinite(loss)
        if not finite:
            stats.nonfinite_source = locate_nonfinite(scalars, s.prev_finite, self._names, self._params, rec.further_bad)
        s.prev_finite = finite and (stats.grad_norm is None or math.isfinite(stats.grad_norm))
        if finite:
            s.ema_n += 1
            s.ema = loss if s.ema is None else 0.9 * s.ema + 0.1 * loss
        if tags:
            tb[LOSS] = loss
            if s.ema is not None:
                tb[LOSS_SMOOTHED] = s.ema
            if rec.lr is not None:
                tb[LR] = rec.lr
            out.scalars(rec.step, tb, rec.wall)
        if scalars:  # the value checks' flags came back with this step
            for code, message, data, severity in checks.findings(rec.step, scalars):
                self._emit_misuse(code, rec.step, message, data, severity)
        update = type(self)._update  # the class's: self.name is nn.Module's slow path
        for det in s.active:
            update(self, det, stats, rec)

    def _measured_stats(
        self, rec: Record, loss: float, scalars: dict[str, float], grads: list[float] | None, tags: bool
    ) -> tuple[StepStats, dict[str, float]]:
        """The statistics of a step with gradient norms, value-check flags or no optimizer step."""
        s = self._s
        index = rec.grad_index
        if grads is not None and not rec.stepped and not all(math.isfinite(g) for g in grads):
            # read at backward with no optimizer step: a GradScaler's overflow step, which it skips
            # (a hand-written update spreads a real NaN to the next loss, reported there)
            grads = index = None
        weights = s.weight_cache.get(index) if index is not None else None
        manual = not rec.stepped and not (self._managed is not None or s.any_opt)
        if manual and "update" in scalars:
            # no optimizer: whether the weights moved since the previous backward says it updates
            s.moving = scalars["update"] > 0
        stats, tb = step_stats(
            rec.step,
            loss,
            scalars,
            grads,
            index,
            weights,
            self._layout,
            lr=rec.lr,
            chance=rec.chance,
            updated=(rec.stepped or (manual and s.moving)) and not rec.skipped,
            grad_tags=tags,
        )
        norm = stats.grad_norm
        if norm is not None and "clipped" not in self._notes and self._clipped.pinned(norm):
            self._notes.add("clipped")
            self._out.note(rec.step, clip_note(rec.step, norm, self._clipped.agree))
        if manual and stats.update_ratio is not None and stats.update_ratio >= _MANUAL_UPDATE_SHOWN:
            # large steps are normal in hand-written loops (word_language_model: SGD at lr 20 with
            # clipping); only a vanishing update (a learning rate far too small) is evidence there
            stats.update_ratio = None
        return stats, tb

    def _found(self, det: Detector, finding: Finding, stats: StepStats, rec: Record) -> None:
        """A detector's finding becomes an event (or is explained by an unbounded loss; a plateau after LG001 by the softmax)."""
        s = self._s
        s.alert_until = max(s.alert_until, s.step + ALERT_SPAN)  # the gradient norms at every GRAD_EVERY-th step again
        if det.code in _CONSEQUENCES:
            if any(c in self._out.first for c in _CAUSES):
                return  # the loss is unbounded below: its growing gradients are no LR problem
            bound = self._detector(LossBelowBound)
            cause = bound.explains(stats, f"{det.name} was found") if bound is not None else None
            if cause is not None:
                event = make_event(bound.code, rec.step, cause.message, cause.data, cause.severity)
                if cause.fix:
                    event = dataclasses.replace(event, fix=cause.fix)
                self._out.finding(event, self._level(event))
                return
        message = finding.message
        if rec.skipped and det.code in ("LG101", "LG102"):
            message += " The optimizer update of this step was skipped."
        event = make_event(det.code, rec.step, message, {**finding.data, "skipped": rec.skipped}, finding.severity)
        if finding.fix:  # the fix the detector chose from its evidence
            event = dataclasses.replace(event, fix=finding.fix)
        if rec.closure == "none" and event.fix.startswith("Lower the learning rate"):
            # the fix's first advice is a smaller rate (not a NaN input's "Check this step's input batch")
            event = dataclasses.replace(event, fix=without_line_search(event.fix))
        softmaxed = self._out.first.get("LG001")
        explained = _EXPLAINED_BY_SOFTMAX.get(det.code)
        if explained is not None and softmaxed is not None:
            event = dataclasses.replace(event, fix=explained(softmaxed.step))
        self._out.finding(event, self._level(event))

    def _level(self, event: Event) -> float | None:
        return event.data["loss"] if isinstance(event.data.get("loss"), float) else self._s.ema
