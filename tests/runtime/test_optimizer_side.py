"""The gradient norms' cadence (optimizer_side): every 8th step, thinned to every 32nd on a healthy CPU
loop past step 1,024, and back to every 8th the moment the loss looks unusual. Real CPU loops; the steps
measured are read back from the TensorBoard file (a grad_norm row is written at each measured step)."""

from __future__ import annotations

import torch
import torch.nn as nn

import lossguard
from lossguard.runtime import optimizer_side
from lossguard.runtime.collect import NEVER
from lossguard.runtime.optimizer_side import ALERT_SPAN, GRAD_EARLY, GRAD_EVERY, GRAD_SPARSE, SPARSE_FROM
from tests.runtime.helpers import model, train
from tests.tb_support import read_run

GRAD_TOTAL = "lossguard/grad_norm/total"


def measured_steps(log_dir, steps, **kwargs):
    """Train the helpers' MLP for ``steps`` steps under a watcher with TensorBoard; the measured steps and the events."""
    net = model(0)
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), log_dir=str(log_dir), console=False, **kwargs.pop("watch", {}))
    train(net, crit, steps, **kwargs)
    crit.close()
    acc = read_run(log_dir)
    return [e.step for e in acc.Scalars(GRAD_TOTAL)], [e.step for e in acc.Scalars("lossguard/loss")], [(e.code, e.step) for e in crit.events]


def test_a_healthy_cpu_loop_measures_every_32nd_step_past_step_1024(tmp_path):
    """The benchmark's loop (bench/runtime_overhead.py --tiny): a 16-32-4 MLP memorising 16 fixed batches of random
    labels, whose batch losses stay within twice the last read's highest: past step 1,024 only every 32nd step is
    measured; the loss keeps its TensorBoard rows at every 8th."""
    g = torch.Generator().manual_seed(0)
    data = [(torch.randn(16, 16, generator=g), torch.randint(0, 4, (16,), generator=g)) for _ in range(16)]
    torch.manual_seed(0)
    net = nn.Sequential(nn.Linear(16, 32), nn.ReLU(), nn.Linear(32, 4))
    opt = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9)
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), log_dir=str(tmp_path), console=False)
    for step in range(1400):
        x, y = data[step % 16]
        opt.zero_grad()
        crit(net(x), y).backward()
        opt.step()
    crit.close()
    acc = read_run(tmp_path)
    early = list(range(GRAD_EARLY)) + list(range(GRAD_EARLY, SPARSE_FROM, GRAD_EVERY))
    assert crit.events == []
    assert [e.step for e in acc.Scalars(GRAD_TOTAL)] == early + list(range(SPARSE_FROM, 1400, GRAD_SPARSE))
    assert [e.step for e in acc.Scalars("lossguard/loss")][-3:] == [1376, 1384, 1392]


def test_a_loss_jump_between_sparse_steps_is_measured_and_found_as_at_every_eighth_step(tmp_path, monkeypatch):
    """Inputs x-40 at step 1,096 (a GRAD_EVERY-th step off the GRAD_SPARSE grid): that step is measured, the events
    are those of the fixed every-8th cadence, and the next ALERT_SPAN steps are measured every 8th step."""

    def corrupt(step, x):
        return x * -40 if step == 1096 else x

    grads, _, events = measured_steps(tmp_path / "sparse", 1400, corrupt=corrupt)
    monkeypatch.setattr(optimizer_side, "SPARSE_FROM", NEVER)
    fixed, _, reference = measured_steps(tmp_path / "fixed", 1400, corrupt=corrupt)
    assert ("LG106", 1096) in reference
    assert events == reference
    assert 1096 in grads and [s for s in grads if 1096 <= s < 1096 + ALERT_SPAN] == list(range(1096, 1096 + ALERT_SPAN, GRAD_EVERY))
    assert fixed == list(range(GRAD_EARLY)) + list(range(GRAD_EARLY, 1400, GRAD_EVERY))


def test_a_jump_between_two_eighth_steps_makes_the_next_one_measured(tmp_path):
    """A batch x-40 at step 1,099: the loop's next GRAD_EVERY-th step (1,104, off the grid) sees that loss among the
    steps since the last one and is measured; 1,096 before it was not."""

    def corrupt(step, x):
        return x * -40 if step == 1099 else x

    grads, _, _ = measured_steps(tmp_path, 1200, corrupt=corrupt)
    assert 1096 not in grads and 1104 in grads and 1112 in grads


def test_a_fixed_sync_every_keeps_every_eighth_step(tmp_path):
    """sync_every fixes the reads' cadence (no read waits): the gradient norms keep theirs too."""
    grads, _, _ = measured_steps(tmp_path, 1200, watch={"sync_every": 8})
    assert grads[-4:] == [1168, 1176, 1184, 1192]
