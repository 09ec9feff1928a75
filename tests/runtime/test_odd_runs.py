"""Odd but real training code: the watcher changes no number, raises nothing the plain loop does
not raise, and says when it cannot watch (docs/runtime.md, "Robustness"; Round 37, rtrobust27)."""

from __future__ import annotations

import copy
import functools
import io
import warnings
from contextlib import redirect_stderr

import pytest
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
    (la, pa, _), (lb, pb, _) = a, b
    return all(torch.equal(x, y) for x, y in zip(la, lb)) and all(torch.equal(x, y) for x, y in zip(pa, pb))


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
