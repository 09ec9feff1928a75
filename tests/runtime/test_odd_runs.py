"""Odd but real training code: the watcher changes no number, raises nothing the plain loop does
not raise, and says when it cannot watch (docs/runtime.md, "Robustness"; Round 37, rtrobust27)."""

from __future__ import annotations

import io
import warnings
from contextlib import redirect_stderr

import torch
import torch.nn as nn
import torch.nn.functional as F

import lossguard
from lossguard.runtime.detectors import default_detectors
from tests.runtime.helpers import model, nan_at, task


def run(criterion_fn, watched, steps=40, dtype=torch.float32, loss_of=lambda out: out, backward=lambda loss: loss.backward(), **watch_kw):
    """A small classifier trained with SGD: its losses and final weights, plain or watched."""
    net = model(0).to(dtype)
    crit = criterion_fn()
    if watched:
        crit = lossguard.watch(net, crit, console=False, **watch_kw)
    opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
    batch = task(0)
    losses = []
    for _ in range(steps):
        x, y = batch()
        opt.zero_grad()
        loss = loss_of(crit(net(x.to(dtype)), y))
        backward(loss)
        opt.step()
        losses.append(loss.detach().clone())
    return losses, [p.detach().clone() for p in net.parameters()], crit


def same_run(a, b):
    """Bit for bit (a NaN equal to a NaN): every step's loss and the final weights."""
    (la, pa, _), (lb, pb, _) = a, b

    def equal(x, y):
        return x.dtype == y.dtype and x.shape == y.shape and bool(((x == y) | (x.isnan() & y.isnan())).all())

    return len(la) == len(lb) and all(equal(x, y) for x, y in zip(la, lb)) and all(equal(x, y) for x, y in zip(pa, pb))


class _Broken(type(default_detectors()[1])):
    def update(self, stats):
        raise ZeroDivisionError("boom")


def test_warnings_made_errors_never_stop_training_and_the_text_goes_to_stderr():
    """python -W error / PYTHONWARNINGS=error / pytest -W error: the watcher's own warning that a
    detector was switched off must not become an exception in the training step."""
    dets = default_detectors()
    dets[1] = _Broken()
    plain = run(nn.CrossEntropyLoss, False, steps=20)
    err = io.StringIO()
    with warnings.catch_warnings(), redirect_stderr(err):
        warnings.simplefilter("error")
        watched = run(nn.CrossEntropyLoss, True, steps=20, detectors=dets)
    assert same_run(plain, watched)
    assert "internal error in detector LG102" in err.getvalue() and "training goes on" in err.getvalue()
    assert watched[2].step == 20


def test_a_failing_output_under_warnings_made_errors_is_dropped_and_training_goes_on():
    class FullDisk:
        def add_scalar(self, *a, **k):
            raise OSError(28, "No space left on device")

        add_text = add_scalar

        def flush(self):
            raise OSError(28, "No space left on device")

    net = model(0)
    err = io.StringIO()
    with warnings.catch_warnings(), redirect_stderr(err):
        warnings.simplefilter("error")
        crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=False, writer=FullDisk())
        opt = torch.optim.SGD(net.parameters(), lr=0.05)
        batch, corrupt = task(0), nan_at(30)
        for step in range(40):
            x, y = batch()
            opt.zero_grad()
            crit(net(corrupt(step, x)), y).backward()
            opt.step()
        crit.close()
    assert "No space left" in err.getvalue()
    assert crit.events[0].code == "LG101"


def _said(**watch_kw):
    from rich.console import Console

    buf = io.StringIO()
    return buf, {"console": Console(file=buf, width=400), **watch_kw}


def test_a_complex_loss_is_watched_by_its_real_part_without_a_warning_of_torchs():
    """A loss that is complex (a phase-retrieval or spectral loss), backward on its real part: the
    watcher's reading of it must not cast complex to real (torch warns: imaginary part discarded)."""

    def complex_loss():
        return lambda out, y: F.cross_entropy(out, y) + 1e-3 * (out.to(torch.complex64) * (1 + 1j)).pow(2).mean()

    def real_backward(loss):
        loss.real.backward()

    plain = run(complex_loss, False, backward=real_backward)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        watched = run(complex_loss, True, backward=real_backward)
    assert same_run(plain, watched)
    assert watched[2].step == 40 and not watched[2]._broken


def test_a_loss_on_the_meta_device_is_not_watched_and_is_said_once():
    """A dry run on the meta device (shapes only, no values): nothing to read, no internal error."""
    with torch.device("meta"):
        net = model(0)
    buf, kw = _said()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        crit = lossguard.watch(net, nn.CrossEntropyLoss(), **kw)
        x, y = task(0)()
        for _ in range(3):
            loss = crit(net(x.to("meta")), y.to("meta"))
            loss.backward()
        crit.close()
    assert loss.device.type == "meta" and not crit._broken
    assert buf.getvalue().count("meta device") == 1


def test_a_criterion_called_inside_vmap_is_not_watched_and_the_ordinary_steps_are():
    """Per-example gradients with torch.func (the tutorial's vmap(grad(compute_loss)) with the same
    criterion as the ordinary training step): the transform's calls are batched values, not the run's loss."""
    from torch.func import functional_call, grad, vmap

    def per_example(watched):
        net = model(0)
        crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=False) if watched else nn.CrossEntropyLoss()
        opt = torch.optim.SGD(net.parameters(), lr=0.05)
        batch = task(0)
        out = []

        def one(params, x, y):
            return crit(functional_call(net, params, (x[None],)), y[None])

        for _ in range(12):
            x, y = batch()
            params = {k: v.detach() for k, v in net.named_parameters()}
            grads = vmap(grad(one), in_dims=(None, 0, 0))(params, x, y)
            out.append(torch.stack([g.norm() for g in grads.values()]))
            opt.zero_grad()
            loss = crit(net(x), y)
            loss.backward()
            opt.step()
            out.append(loss.detach())
        return out, [p.detach() for p in net.parameters()], crit

    plain = per_example(False)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        watched = per_example(True)
    assert same_run(plain, watched)
    assert watched[2].step == 12 and not watched[2]._broken


def test_a_script_that_never_closes_its_watcher_leaves_no_file_open_at_exit(tmp_path):
    """python -X dev (or -W error) shows a ResourceWarning for a TensorBoard or JSONL file still open
    at exit; the exit handler that reads the last steps closes them."""
    import os
    import pathlib
    import subprocess
    import sys

    script = tmp_path / "train.py"
    script.write_text(
        "import torch, torch.nn as nn, lossguard\n"
        "from tests.runtime.helpers import model, train\n"
        "net = model(0)\n"
        f"crit = lossguard.watch(net, nn.CrossEntropyLoss(), log_dir={str(tmp_path / 'tb dir é')!r}, jsonl={str(tmp_path / 'ev.jsonl')!r})\n"
        "train(net, crit, 30)\n"
    )
    root = pathlib.Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}  # this checkout's lossguard, not an installed one
    done = subprocess.run([sys.executable, "-X", "dev", "-W", "error", str(script)], cwd=root, env=env, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr
    assert "30 steps watched" in done.stderr
    assert "ResourceWarning" not in done.stderr and "Exception ignored" not in done.stderr, done.stderr
    assert list((tmp_path / "tb dir é").rglob("events.out.tfevents.*"))


def test_a_console_reader_that_goes_away_does_not_end_the_training_run(tmp_path):
    """``python train.py 2>&1 | head -1``: the watcher's start line is read, the reader exits; the
    event printed at step 100 meets a broken pipe. rich's console would exit the program there
    (SystemExit(1), stdout pointed at /dev/null); the run must finish as the plain one does."""
    import os
    import pathlib
    import subprocess
    import sys

    script = tmp_path / "train.py"
    script.write_text(
        "import torch, torch.nn as nn, lossguard\n"
        "from tests.runtime.helpers import model, nan_at, train\n"
        "net = model(0)\n"
        "crit = lossguard.watch(net, nn.CrossEntropyLoss())\n"
        "train(net, crit, 40, corrupt=nan_at(30))\n"
        "print('finished', crit.step, flush=True)\n"
    )
    root = pathlib.Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    out = tmp_path / "stdout.txt"
    with open(out, "w") as stdout:
        proc = subprocess.Popen([sys.executable, str(script)], cwd=root, env=env, stdout=stdout, stderr=subprocess.PIPE)
        assert proc.stderr is not None
        first = proc.stderr.readline()
        proc.stderr.close()  # the reader has gone
        rc = proc.wait(timeout=240)
    assert b"lossguard: watching" in first
    assert rc == 0 and out.read_text() == "finished 40\n"


def test_a_model_all_frozen_at_watch_and_unfrozen_later_is_watched_from_then_on():
    """watch() made at setup while every parameter is frozen (a recipe that unfreezes later), the
    optimizer over all of them stepping from the start: once parameters are trainable, the steps
    are watched, not "0 steps" for a run that trained."""

    def frozen_then_unfrozen(watched):
        net = model(0)
        net.requires_grad_(False)
        crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=False) if watched else nn.CrossEntropyLoss()
        opt = torch.optim.SGD(net.parameters(), lr=0.05)
        batch, corrupt = task(0), nan_at(40)
        losses = []
        for step in range(50):
            if step == 10:
                net.requires_grad_(True)
            x, y = batch()
            opt.zero_grad()
            loss = crit(net(corrupt(step, x)), y)
            if loss.requires_grad:
                loss.backward()
            opt.step()
            losses.append(loss.detach())
        return losses, [p.detach() for p in net.parameters()], crit

    plain = frozen_then_unfrozen(False)
    watched = frozen_then_unfrozen(True)
    assert same_run(plain, watched)
    crit = watched[2]
    assert crit.step >= 39 and [(e.code, e.step) for e in crit.events][:1] == [("LG101", crit.step - 10)]
