"""Hooks the patched scripts call: watch the criterion (or not, LG_OFF=1), and report at exit.

Writes LG_OUT (JSON): events, criterion calls, wall seconds from watch() to close().
"""

import atexit
import json
import os
import time

_state = {}


def _console():
    """LG_CONSOLE=1: print events to stderr as a user sees them (with the script's own progress bars); else silent."""
    return os.environ.get("LG_CONSOLE") == "1"


def watch(model, criterion, **kw):
    import lossguard

    _state.setdefault("t0", time.perf_counter())
    if os.environ.get("LG_OFF") == "1":
        _state["w"] = None
        return criterion
    w = lossguard.watch(model, criterion, console=_console(), **kw)
    _add(w)
    return w


class _Unwatched:
    def observe(self, loss, **_):
        return loss


def watch_model(model, **kw):
    """The recipe for a model that computes its own loss: watch(model), then observe(loss)."""
    import lossguard

    _state.setdefault("t0", time.perf_counter())
    if os.environ.get("LG_OFF") == "1":
        _state["w"] = None
        return _Unwatched()
    w = lossguard.watch(model, console=_console(), **kw)
    _add(w)
    return w


def callbacks(kind, **kw):
    """The framework plugin as a user adds it (``callbacks=[...]``): ``kind`` "lightning",
    "pytorch_lightning" or "transformers"; an empty list with LG_OFF=1. Its watcher's events are
    written at exit as a watched criterion's are."""
    _state.setdefault("t0", time.perf_counter())
    if os.environ.get("LG_OFF") == "1":
        _state["w"] = None
        return []
    if kind == "transformers":
        from lossguard.integrations.transformers import LossGuardTrainerCallback as cls
    elif kind == "pytorch_lightning":
        from lossguard.integrations.pytorch_lightning import LossGuardCallback as cls
    else:
        from lossguard.integrations.lightning import LossGuardCallback as cls
    cb = cls(on_event="warn", console=False, **kw)
    _state.setdefault("callbacks", []).append(cb)
    return [cb]


def _from_callbacks():
    """The callbacks' watchers (made when training began) as watched ones."""
    for cb in _state.get("callbacks", []):
        # the Lightning plugin keeps a watcher per optimizer under manual optimization with several
        guards = cb._guards() if hasattr(cb, "_guards") else [cb.guard]
        for guard in guards:
            if guard is not None and guard.watcher not in _state.get("all", []):
                _state.setdefault("all", []).append(guard.watcher)
                _state.setdefault("w", guard.watcher)


def _add(w):
    """A script may watch several models (a GAN's generator and discriminators): the first is
    the one whose steps and losses are reported; every watcher's events are."""
    _state.setdefault("all", []).append(w)
    _state.setdefault("w", w)
    _record_updates(w)


def _record_updates(w):
    """Keep every measured update ratio (the last layer's |dW|/|W| of a step) the detectors see,
    as (step, ratio): the evidence a learning rate far too small or too large is judged from."""
    seen = _state.setdefault("updates", {}).setdefault(id(w), [])
    det = next((d for d in w.detectors if d.code == "LG103"), None)
    if det is None:
        return
    inner = det.update

    def update(stats):
        if stats.update_ratio is not None and stats.updated:
            seen.append((stats.step, stats.update_ratio))
        return inner(stats)

    det.update = update


_calls = {}


def nan_batch(x, key="x"):
    """LG_FAULT=nan_batch: one NaN in the LG_NAN_STEP-th batch (default 50) passed here."""
    if os.environ.get("LG_FAULT") != "nan_batch":
        return x
    n = _calls[key] = _calls.get(key, 0) + 1
    if n == int(os.environ.get("LG_NAN_STEP", "50")):
        x = x.clone()
        x.view(-1)[0] = float("nan")
    return x


def shuffled(y):
    """LG_FAULT=shuffled_targets: the batch's targets permuted (frequencies stay, the link goes)."""
    if os.environ.get("LG_FAULT") != "shuffled_targets":
        return y
    import torch

    return y[torch.randperm(len(y))]


def close():
    if "t0" not in _state or "done" in _state:
        return
    _state["done"] = True
    _from_callbacks()
    w = _state.get("w")
    watchers = _state.get("all", []) if w is not None else []
    for each in watchers:
        each.close()
    seconds = time.perf_counter() - _state["t0"]
    # the losses LG103 kept (its last 300 updated steps): the curve behind the events
    losses = [] if w is None else next((d.get("values", []) for c, d in w.state_dict().get("detectors", {}).items() if c == "LG103"), [])
    events = [
        {"code": e.code, "step": e.step, "severity": e.severity, "message": e.message, "fix": e.fix, **({"watcher": i} if i else {})}
        for i, each in enumerate(watchers)
        for e in each.events
    ]
    steps = None if w is None else w.step
    with open(os.environ["LG_OUT"], "w") as f:
        updates = [] if w is None else _state.get("updates", {}).get(id(w), [])
        out = {"seconds": seconds, "steps": steps, "steps_each": [each.step for each in watchers], "events": events, "losses": losses}
        json.dump({**out, "updates": updates, "tb_rows": _state.get("tb_rows", [])}, f)


atexit.register(close)


def tb_rows(log_dir):
    """The lossguard rows a TensorBoard logger wrote under ``log_dir``, read back with tensorboard's own reader (what a
    user sees in TensorBoard): printed (``TB-ROW tag step value``, ``TB-TEXT tag step``) and written to LG_OUT as
    ``tb_rows`` ([kind, tag, step, value])."""
    from tensorboard.backend.event_processing.event_accumulator import EventAccumulator

    acc = EventAccumulator(str(log_dir), size_guidance={"scalars": 0, "tensors": 0})
    acc.Reload()
    tags = acc.Tags()
    for tag in sorted(t for t in tags.get("scalars", []) if t.startswith("lossguard")):
        for ev in acc.Scalars(tag):
            print("TB-ROW", tag, ev.step, ev.value, flush=True)
            _state.setdefault("tb_rows", []).append(["scalar", tag, ev.step, ev.value])
    for tag in sorted(t for t in tags.get("tensors", []) if t.startswith("lossguard")):
        for ev in acc.Tensors(tag):
            print("TB-TEXT", tag, ev.step, flush=True)
            _state.setdefault("tb_rows", []).append(["text", tag, ev.step, None])
