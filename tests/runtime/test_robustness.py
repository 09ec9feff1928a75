"""The watcher keeps watching, or refuses clearly: threads, pickling, resumed state, argument
order, outputs that fail."""

from __future__ import annotations

import io
import pickle
import threading
import warnings

import pytest
import torch
import torch.nn as nn
import torch.nn.functional as F

import lossguard
from lossguard.errors import UsageError
from lossguard.runtime.detectors import default_detectors
from lossguard.runtime.detectors.loss_spike import LossSpike
from tests.runtime.helpers import model, nan_at, task, train


def test_second_thread_gets_a_clear_error_and_the_first_goes_on():
    net = model(0)
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=False)
    train(net, crit, 5)
    errors = []

    def worker():
        x, y = task(1)()
        try:
            crit(net(x), y).backward()
        except UsageError as exc:
            errors.append(str(exc))

    t = threading.Thread(target=worker)
    t.start()
    t.join()
    assert errors and "second thread" in errors[0]
    train(net, crit, 5)
    assert crit.step == 10


def test_pickling_a_watched_criterion_stores_the_criterion(tmp_path):
    net = model(0)
    crit = lossguard.watch(net, nn.CrossEntropyLoss(label_smoothing=0.1), console=False)
    train(net, crit, 3)
    copy = pickle.loads(pickle.dumps(crit))
    assert type(copy) is nn.CrossEntropyLoss and copy.label_smoothing == 0.1
    path = tmp_path / "crit.pt"
    torch.save({"criterion": crit, "watcher": crit.state_dict()}, path)
    loaded = torch.load(path, weights_only=False)
    x, y = task()()
    out = net(x)
    assert torch.equal(loaded["criterion"](out, y), crit(out, y))
    assert loaded["watcher"]["step"] == 3


def test_load_state_dict_with_other_detector_settings_says_what_does_not_match():
    net = model(0)
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=False)
    train(net, crit, 40, corrupt=nan_at(30))
    state = crit.state_dict()
    fewer = [d for d in default_detectors() if d.code != "LG104"]
    other = lossguard.watch(model(0), nn.CrossEntropyLoss(), console=False, detectors=fewer)
    with pytest.warns(RuntimeWarning, match=r"detectors this watcher does not run \(LG104, LG107\)"):
        other.load_state_dict(state)
    assert other.step == 40 and [e.code for e in other.events] == [e.code for e in crit.events]
    short = [LossSpike(window=16) if d.code == "LG102" else d for d in default_detectors()]
    net3 = model(0)
    third = lossguard.watch(net3, nn.CrossEntropyLoss(), console=False, detectors=short)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        third.load_state_dict(state)  # a shorter window keeps the latest values
    train(net3, third, 10)
    assert third.step == 50


def test_arguments_in_the_wrong_order_are_a_clear_error():
    with pytest.raises(UsageError, match=r"wrong order: lossguard.watch\(model, criterion\)"):
        lossguard.watch(nn.CrossEntropyLoss(), model(0))
    with pytest.raises(UsageError, match="Argument model should be a torch.nn.Module, got str"):
        lossguard.watch("model", nn.CrossEntropyLoss())
    with pytest.raises(UsageError, match="has no criterion"):
        lossguard.watch(model(0), console=False)(torch.zeros(2), torch.zeros(2))


class FullDisk:
    """A SummaryWriter whose disk is full: every write raises OSError."""

    def add_scalar(self, *a, **k):
        raise OSError(28, "No space left on device")

    def add_text(self, *a, **k):
        raise OSError(28, "No space left on device")

    def flush(self):
        raise OSError(28, "No space left on device")


def test_a_failing_output_is_dropped_once_and_detection_goes_on():
    net = model(0)
    got = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=False, writer=FullDisk(), on_event=got.append)
        train(net, crit, 40, corrupt=nan_at(30))
        crit.close()
    dropped = [w for w in caught if "No space left" in str(w.message)]
    assert len(dropped) == 1 and "Detection goes on" in str(dropped[0].message)
    assert not [w for w in caught if "internal error" in str(w.message)]
    assert [(e.code, e.step) for e in got][:1] == [("LG101", 30)]


def test_unwritable_log_dir_warns_and_watches(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")  # unwritable even for root, unlike a read-only folder
    net = model(0)
    with pytest.warns(RuntimeWarning, match="cannot write TensorBoard files to .*Detection goes on"):
        crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=False, log_dir=str(blocker / "run"))
    train(net, crit, 20, corrupt=nan_at(10))
    assert crit.events[0].code == "LG101"


def test_the_start_line_does_not_name_a_tensorboard_folder_that_could_not_be_written(tmp_path):
    from rich.console import Console

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    text = io.StringIO()
    with pytest.warns(RuntimeWarning, match="cannot write TensorBoard files"):
        crit = lossguard.watch(model(0), nn.CrossEntropyLoss(), console=Console(file=text, width=300), log_dir=str(blocker))
    crit.close()
    first = text.getvalue().splitlines()[0]
    assert first.endswith("any optimizer stepping it; no TensorBoard."), first  # it said "TensorBoard: <that path>."


@pytest.mark.parametrize("given", [["LG102"], "LG102", [nn.CrossEntropyLoss()]])
def test_detectors_given_as_codes_or_other_objects_get_a_usage_error_naming_the_detectors(given):
    with pytest.raises(UsageError, match=r"detector objects from lossguard.runtime.detectors.*LossSpike\(\) for LG102"):
        lossguard.watch(model(0), nn.CrossEntropyLoss(), console=False, detectors=given)


def test_start_line_and_summary(tmp_path):
    from rich.console import Console

    text = io.StringIO()
    net = model(0)
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=Console(file=text, width=300), log_dir=str(tmp_path))
    train(net, crit, 40, corrupt=nan_at(30))
    crit.close()
    lines = text.getvalue().splitlines()
    # the run's own folder, not log_dir (it said "TensorBoard: runs" while writing to runs/<timestamp>)
    (run_dir,) = [p for p in tmp_path.iterdir() if p.is_dir()]
    assert (
        lines[0] == f"lossguard: watching Sequential (1,732 parameters) through CrossEntropyLoss, any optimizer stepping it; TensorBoard: {run_dir}."
    )
    assert lines[-1] == "lossguard: 40 steps watched; events: LG101 x1 (first at step 30)."


def test_raise_policy_raises_at_the_step_the_problem_began():
    net = model(0)
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=False, on_event="raise")
    opt = torch.optim.SGD(net.parameters(), lr=0.05)
    batch = task()
    reached = None
    with pytest.raises(lossguard.LossGuardError, match="step 21"):
        for step in range(40):
            reached = step
            x, y = batch()
            if step == 21:
                x = x * 1e30
            opt.zero_grad()
            crit(net(x), y).backward()
            opt.step()
    assert reached == 21


def test_a_stuck_loss_is_one_episode_with_one_update():
    torch.manual_seed(0)
    net = model(0)
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=False)
    # LR x1000 (word_language_model-style blow-up): the loss jumps and stays far up
    train(net, crit, 200, lr=50.0)
    crit.close()
    # the detector finds it every 10 steps (the jump at step 1 is reported at once since round 35: the update before it
    # moved the last layer by more than its norm; it was reported at step 2, once step 2 stayed up)
    spikes = [e for e in crit.events if e.code == "LG102"]
    assert [e.step for e in spikes] == [1, 41]
    assert spikes[1].message.startswith("Still, 5 findings since step 1") and spikes[1].data["episode_start"] == 1
    assert crit.events[0] is spikes[0]
    # the update keeps its finding's fix (it had the catalog's general one, without the learning rate)
    # (and the run's largest update behind an earlier fix, round 14: it said "from 50 to 5", the default 10x)
    assert spikes[1].fix.startswith("Lower the learning rate from 50 to 0.05 (1000x, chosen from the update size measured by step 10"), spikes[1].fix
    # the summary says the findings were one episode (it said "LG102 x20", read as twenty problems, beside the console's
    # "repeated events not printed again: LG102 x1")
    summary = crit._out.summary(200)
    assert "LG102 x" in summary and "(first at step 1; 1 episode)" in summary, summary


class _FunctionalLearner(nn.Module):
    """dragen1860/MAML-Pytorch@98a00d4 learner.py's shape: the weights in a ParameterList, a
    forward that takes other ("fast") weights, and a ``parameters()`` override without torch's
    ``recurse`` argument (it returns the list)."""

    def __init__(self) -> None:
        super().__init__()
        self.vars = nn.ParameterList(
            [
                nn.Parameter(torch.randn(16, 8) * 0.3),
                nn.Parameter(torch.zeros(16)),
                nn.Parameter(torch.randn(3, 16) * 0.3),
                nn.Parameter(torch.zeros(3)),
            ]
        )

    def forward(self, x, vars=None):
        w1, b1, w2, b2 = self.vars if vars is None else vars
        return torch.relu(x @ w1.t() + b1) @ w2.t() + b2

    def parameters(self, vars=None):  # noqa: A002 (the script's signature)
        return self.vars if vars is None else vars


def test_a_model_whose_parameters_method_takes_other_arguments_is_watched():
    # MAML: watching the Learner raised "Learner.parameters() got an unexpected keyword argument
    # 'recurse'" from the watcher's layout and stopped the script before its first step
    torch.manual_seed(0)
    net = _FunctionalLearner()
    crit = lossguard.watch(net, F.cross_entropy, console=False)
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    x, y = torch.randn(64, 8), torch.randint(0, 3, (64,))
    for _ in range(20):
        # one inner update on fast weights (torch.autograd.grad), then the outer loss on them
        grads = torch.autograd.grad(crit(net(x), y), net.parameters())
        fast = [p - 0.4 * g for p, g in zip(net.parameters(), grads)]
        loss = crit(net(x, fast), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
    assert crit.step == 20 and not crit.events


def test_a_failed_device_is_said_to_be_one_not_an_internal_error():
    """After a CUDA device-side assert (torch.AcceleratorError) nothing on the device can be read;
    the read that meets it stops the watcher with a line that says so, not with lossguard's
    "internal error ... Please report this" warning. (The full path runs on a GPU in
    bench/cuda_check.py's crash part; here the same error object meets the same handler.)"""
    from rich.console import Console

    text = io.StringIO()
    net = model(0)
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=Console(file=text, width=300))
    error = torch.AcceleratorError("CUDA error: device-side assert triggered\nCUDA kernel errors might be asynchronously reported")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        crit._internal_error("_read", error)
        crit._internal_error("_read", RuntimeError("shape mismatch"))
    out = text.getvalue()
    assert "lossguard: the device failed (AcceleratorError: CUDA error: device-side assert triggered); the watcher stops here" in out
    assert "asynchronously" not in out
    # an error of lossguard's own is still reported as one
    assert [str(w.message).split(";")[0] for w in caught] == ["lossguard: internal error in _read (RuntimeError: shape mismatch)"]
