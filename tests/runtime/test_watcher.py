"""The Watcher wraps a criterion without changing training, on real CPU training loops."""

from __future__ import annotations

import gc
import math
import warnings
import weakref

import pytest
import torch
import torch.nn as nn
import torch.nn.functional as F

import lossguard
from lossguard import LossGuardError
from lossguard.runtime.collect import READ_MOST
from lossguard.runtime.detectors import default_detectors
from lossguard.runtime.watcher import Watcher
from tests.runtime.helpers import model, nan_at, task, train


def params_after(steps, watched, opt_cls=torch.optim.Adam, **watch_kw):
    net = model(0)
    opt = opt_cls(net.parameters(), lr=1e-2)
    criterion = nn.CrossEntropyLoss()
    if watched:
        criterion = lossguard.watch(net, criterion, console=False, **({"optimizer": opt} if watch_kw.pop("pass_opt", False) else {}), **watch_kw)
    train(net, criterion, steps, opt=opt)
    if watched:
        criterion.close()
    return [p.detach().clone() for p in net.parameters()]


def test_records_make_their_own_containers_and_leave_the_class_defaults_empty():
    # collect.Record makes a step's lists and flag dict at their first use; until then a record reads the class's
    # empty defaults. Every write must go to the record's own container: one into a shared default would reach
    # every later record (each step's loss would then be the mean of all losses so far)
    from lossguard.runtime.collect import NO_FLAGS, PLAIN, PLAIN_LOSS, PLAIN_STEP, Record

    net = model(0)
    opt = torch.optim.SGD(net.parameters(), lr=1e-2)
    losses: list[float] = []
    w = lossguard.watch(net, nn.CrossEntropyLoss(), console=False, sync_every=1000)
    batch = task(0)
    for _ in range(40):
        x, y = batch()
        opt.zero_grad()
        loss = w(net(x), y)
        losses.append(loss.item())
        loss.backward()
        opt.step()
    pending, plain = w._s.pending, w._s.plain
    # the measured steps (the first 16, then every 8th) stay records; the others are plain steps (collect.PLAIN)
    measured = [*range(16), 16, 24, 32]
    assert [r.step for r in pending] == measured
    assert [r.values for r in pending] == [[losses[i]] for i in measured]  # one own list per step, this step's loss
    assert len({id(r.values) for r in pending}) == len(measured)
    assert plain[PLAIN_STEP::PLAIN] == [i for i in range(40) if i not in measured]
    assert plain[PLAIN_LOSS::PLAIN] == [losses[i] for i in range(40) if i not in measured]
    assert w._s.waiting() == 40
    flagged = [r for r in pending if r.flags is not NO_FLAGS]
    # the class counts of the first calls and the update probe of measured steps write flags, the others none
    assert 0 < len(flagged) <= len(measured) and all(type(r.flags) is dict for r in flagged)
    assert len({id(r.flags) for r in flagged}) == len(flagged)
    assert "entropy" in pending[0].flags and "update" in pending[0].flags
    assert Record.values == () and Record.losses == () and Record.evals == () and len(NO_FLAGS) == 0
    with pytest.raises(TypeError):
        NO_FLAGS["update"] = torch.zeros(())  # type: ignore[index]
    w.close()
    assert w.step == 40 and not w._s.pending and not w._s.plain


@pytest.mark.parametrize("pass_opt", [False, True])
def test_parameters_are_bitwise_identical_with_and_without_watcher(tmp_path, pass_opt):
    plain = params_after(60, False)
    watched = params_after(60, True, log_dir=str(tmp_path), pass_opt=pass_opt)
    assert all(torch.equal(a, b) for a, b in zip(plain, watched))


def test_returns_the_criterion_tensor_itself():
    net = model(0)
    inner = nn.CrossEntropyLoss()
    out = {}

    class Spy(nn.Module):
        def forward(self, a, b):
            out["loss"] = inner(a, b)
            return out["loss"]

    x, y = task()()
    crit = lossguard.watch(net, Spy(), console=False)
    assert crit(net(x), y) is out["loss"]
    fn = lossguard.watch(net, F.cross_entropy, console=False)
    assert torch.equal(fn(net(x), y, label_smoothing=0.1), F.cross_entropy(net(x), y, label_smoothing=0.1))


class CoTuningLoss(nn.Module):
    """The shape of pytorch/tutorials' transfer_learning_tutorial.py section 3: a custom criterion
    with its own ``fit()`` (called on the criterion before training) and fields, over a model
    with two heads."""

    def __init__(self, trade_off: float) -> None:
        super().__init__()
        self.trade_off = trade_off
        self.fitted = False
        self.relationship = torch.zeros(3)
        self.moved_to = None

    def to(self, device):  # the tutorial's: moves the plain tensor field that nn.Module.to does not see
        self.relationship = self.relationship.to(device=device)
        self.moved_to = device
        return self

    def fit(self, old_logits, new_labels):
        probs = F.softmax(old_logits, dim=-1)
        self.relationship = torch.stack([probs[new_labels == i].mean(dim=0) for i in range(int(new_labels.max()) + 1)])
        self.fitted = True

    def forward(self, inputs, target):
        old_output, new_output = inputs
        soft = self.relationship[target]
        return F.cross_entropy(new_output, target) - self.trade_off * (F.log_softmax(old_output, dim=-1) * soft).sum(-1).mean()


def test_the_wrapped_criterions_own_methods_fields_and_to_are_reachable():
    # crit.fit(...) was an AttributeError ('Watcher' object has no attribute 'fit'): the watcher
    # broke the tutorial's run before its first step; crit.to(device) skipped the criterion's own to
    def run(watched):
        torch.manual_seed(0)
        body, old_head, new_head = nn.Sequential(nn.Linear(16, 32), nn.ReLU()), nn.Linear(32, 10), nn.Linear(32, 4)
        net = nn.ModuleDict({"body": body, "old": old_head, "new": new_head})

        def forward(x):
            h = body(x)
            return old_head(h), new_head(h)

        crit = CoTuningLoss(trade_off=2.3)
        crit = lossguard.watch(net, crit, console=False) if watched else crit
        batch = task(0)
        x, y = batch()
        with torch.no_grad():
            crit.fit(forward(x)[0], y)
        assert crit.fitted and crit.trade_off == 2.3 and crit.relationship.shape == (4, 10)
        # then `criterion = criterion.to(device)`: on a GPU, nn.Module.to alone left the field on the
        # CPU and the first step failed on mixed devices
        crit = crit.to("cpu")
        assert crit.moved_to == "cpu" and isinstance(crit, Watcher) == watched
        opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
        for _ in range(30):
            x, y = batch()
            opt.zero_grad()
            crit(forward(x), y).backward()
            opt.step()
        return [p.detach().clone() for p in net.parameters()], crit

    plain, _ = run(False)
    watched, crit = run(True)
    assert all(torch.equal(a, b) for a, b in zip(plain, watched)) and crit.step == 30
    built_in = lossguard.watch(model(0), nn.CrossEntropyLoss(ignore_index=3, label_smoothing=0.1), console=False)
    assert built_in.ignore_index == 3 and built_in.label_smoothing == 0.1
    with pytest.raises(AttributeError):
        built_in.no_such_attribute  # noqa: B018


def test_a_head_replaced_after_watch_is_the_last_layer_the_watcher_reads():
    # The Co-Tuning tutorial wraps its criterion, then replaces the model's fc by an (old head,
    # new head) pair: the watcher kept the layout it took at watch(), read the old 1000-class
    # head's updates (lr 1e-3: 7e-7 of its norm a step) for "the last layer's" and called the
    # healthy run a plateau at step 39 with "Raise the learning rate". An optimizer that steps
    # parameters the watcher has not seen now makes it take the layout again: the same events as
    # when watch() comes after the swap.
    from tests.runtime.fault_injection import scenarios as sc

    class TwoHeads(nn.Module):
        def __init__(self, old: nn.Linear, classes: int) -> None:
            super().__init__()
            self.old_head, self.new_head = old, nn.Linear(old.in_features, classes)

        def forward(self, h):
            return self.old_head(h), self.new_head(h)

    def run(watch_after_swap):
        teacher = sc.Teacher(0)
        torch.manual_seed(0)
        net = nn.Sequential(nn.Linear(sc.DIM, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 500))
        crit = CoTuningLoss(trade_off=2.3)
        watched = crit if watch_after_swap else lossguard.watch(net, crit, console=False)
        x, y = teacher.batch(512)
        with torch.no_grad():
            watched.fit(net(x), y)
        net[-1] = TwoHeads(net[-1], sc.CLASSES)
        watched = lossguard.watch(net, crit, console=False) if watch_after_swap else watched
        groups = [
            {"params": [p for n, p in net.named_parameters() if "new" in n], "lr": 1e-2},
            {"params": [p for n, p in net.named_parameters() if "new" not in n], "lr": 1e-3},
        ]
        opt = torch.optim.SGD(groups, momentum=0.9)
        for _ in range(90):
            x, y = teacher.batch(64)
            opt.zero_grad()
            watched(net(x), y).backward()
            opt.step()
        watched.close()
        return watched

    early, late = run(False), run(True)
    assert [(e.code, e.step) for e in early.events] == [(e.code, e.step) for e in late.events] == []
    assert early._names == late._names and early._dense == late._dense and "new_head" in early._names[early._dense[1]]


def test_setting_the_criterions_weight_through_the_watcher_reaches_the_criterion():
    # `criterion.weight = get_loss_weight(labels)` before each call (class weights per batch, a
    # pattern of real training code): the watcher kept the value for itself and the watched run
    # trained with the old weights, other numbers than the same loop without it
    def run(watched):
        net = model(0)
        crit = nn.CrossEntropyLoss()
        crit = lossguard.watch(net, crit, console=False) if watched else crit
        opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
        batch = task(0)
        for _ in range(40):
            x, y = batch()
            counts = torch.bincount(y, minlength=4).float()
            crit.weight = counts.sum() / (4 * counts.clamp(min=1))
            opt.zero_grad()
            crit(net(x), y).backward()
            opt.step()
        return [p.detach().clone() for p in net.parameters()], crit

    plain, _ = run(False)
    watched, crit = run(True)
    assert all(torch.equal(a, b) for a, b in zip(plain, watched))
    assert "weight" not in crit.__dict__ and crit.criterion.weight is crit.weight
    assert crit.checks._plain is False  # a weighted loss: the class-count entropy is not its chance level


def test_code_that_branches_on_the_criterions_class_takes_the_same_branch_when_watched():
    # Real training code asks what its criterion is (`if isinstance(criterion, nn.BCEWithLogitsLoss):
    # target = one_hot(target).float()`, timm's loss-type checks): a watched criterion answered as a
    # Watcher, the loop took the other branch and trained on other numbers (here: it crashed on
    # integer targets to BCE). isinstance now answers for the wrapped criterion.
    def run(watched):
        net = model(0)
        crit = nn.BCEWithLogitsLoss()
        crit = lossguard.watch(net, crit, console=False) if watched else crit
        opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
        batch = task(0)
        for _ in range(30):
            x, y = batch()
            target = F.one_hot(y, 4).float() if isinstance(crit, nn.BCEWithLogitsLoss) else y
            opt.zero_grad()
            crit(net(x), target).backward()
            opt.step()
        return [p.detach().clone() for p in net.parameters()], crit

    plain, _ = run(False)
    watched, crit = run(True)
    assert all(torch.equal(a, b) for a, b in zip(plain, watched))
    assert isinstance(crit, nn.BCEWithLogitsLoss) and isinstance(crit, nn.modules.loss._Loss)
    assert isinstance(crit, Watcher) and type(crit) is Watcher  # what it really is, for code that asks
    assert not isinstance(crit, nn.CrossEntropyLoss)
    assert repr(crit).startswith("Watcher(")
    # a criterion that is a function: the watcher is no function (inspect, singledispatch stay as they were)
    fn_watched = lossguard.watch(model(0), F.cross_entropy, console=False)
    assert fn_watched.__class__ is Watcher


def test_ctc_extra_arguments_pass_through():
    torch.manual_seed(0)
    rnn = nn.GRU(8, 6)
    crit = lossguard.watch(rnn, nn.CTCLoss(), console=False)
    x = torch.randn(20, 3, 8)
    log_probs = rnn(x)[0].log_softmax(2)
    targets = torch.randint(1, 6, (3, 5))
    lengths = (torch.full((3,), 20), torch.full((3,), 5))
    assert torch.equal(crit(log_probs, targets, *lengths), nn.CTCLoss()(log_probs, targets, *lengths))


def test_validation_calls_under_no_grad_are_not_steps():
    net = model(0)
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=False)
    train(net, crit, 5)
    x, y = task(1)()
    with torch.no_grad():
        crit(net(x), y)
    assert crit.step == 5 and crit.calls == 5


def test_gradient_accumulation_counts_optimizer_steps():
    net = model(0)
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=False)
    opt = torch.optim.SGD(net.parameters(), lr=0.05)
    batch = task()
    for _ in range(10):
        opt.zero_grad()
        for _ in range(4):
            x, y = batch()
            (crit(net(x), y) / 4).backward()
        opt.step()
    assert crit.step == 10 and crit.calls == 40
    assert crit.events == []


def test_two_watched_criteria_on_one_model():
    net = model(0)
    ce = lossguard.watch(net, nn.CrossEntropyLoss(), console=False)
    aux = lossguard.watch(net, nn.MSELoss(), console=False)
    opt = torch.optim.SGD(net.parameters(), lr=0.05)
    batch, corrupt = task(), nan_at(30)
    for step in range(40):
        x, y = batch()
        x = corrupt(step, x)
        out = net(x)
        opt.zero_grad()
        (ce(out, y) + 0.1 * aux(out, F.one_hot(y, 4).float())).backward()
        opt.step()
    assert ce.step == aux.step == 40
    assert [(e.code, e.step) for e in ce.events][:1] == [("LG101", 30)]
    assert [(e.code, e.step) for e in aux.events][:1] == [("LG101", 30)]


def test_compiled_model():
    net = model(0)
    compiled = torch.compile(net, backend="eager")
    crit = lossguard.watch(compiled, nn.CrossEntropyLoss(), console=False)
    train(compiled, crit, 12, corrupt=nan_at(8), opt=torch.optim.SGD(compiled.parameters(), lr=0.05))
    assert crit.step == 12
    assert crit.events[0].code == "LG101" and crit.events[0].step == 8
    assert "_orig_mod" not in crit._names[0]


def test_holds_no_graph_and_bounded_state():
    net = model(0)
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=False, check_every=10)
    opt = torch.optim.SGD(net.parameters(), lr=0.01)
    batch = task()
    alive = []

    class Probe:
        def __call__(self, *a):
            return None

    # past the longest window (LossPlateau's max_window, 300), so a list that grows each step fails
    for _ in range(720):
        x, y = batch()
        opt.zero_grad()
        loss = crit(net(x), y)
        probe = Probe()
        loss.grad_fn.register_hook(probe)
        alive.append(weakref.ref(probe))
        loss.backward()
        opt.step()
    del loss, probe
    gc.collect()
    assert all(r() is None for r in alive)
    assert crit._s.waiting() < READ_MOST and crit._cur is None  # a read waits READ_WAIT seconds, at most READ_MOST steps
    crit.flush()
    assert crit._s.waiting() == 0
    for det in crit.detectors:
        for value in det.state_dict().values():
            assert not isinstance(value, list) or len(value) <= 300


def test_a_watcher_dropped_without_close_leaves_nothing_alive_on_the_model():
    # the hooks that stay behind (the sentinel's on a parameter) hold the watcher and its state
    # object (collect.StepState: the per-step path's fields, the layout, the sinks) weakly only
    net = model(0)
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=False, announce=False)
    opt = torch.optim.SGD(net.parameters(), lr=0.01)
    batch = task()
    for _ in range(20):
        x, y = batch()
        opt.zero_grad()
        crit(net(x), y).backward()
        opt.step()
    watcher, state = weakref.ref(crit), weakref.ref(crit._s)
    del crit
    gc.collect()
    assert watcher() is None and state() is None
    plain = nn.CrossEntropyLoss()
    for _ in range(3):  # training goes on past the hook left on the parameter
        x, y = batch()
        opt.zero_grad()
        plain(net(x), y).backward()
        opt.step()


def test_a_forward_set_on_the_watcher_instance_is_called():
    # the call skips nn.Module's machinery only when nothing would change what it calls
    net = model(0)
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=False, announce=False)
    seen = []
    inner = crit.forward

    def patched(*args):
        seen.append(len(args))
        return inner(*args)

    crit.forward = patched
    x, y = task()()
    crit(net(x), y).backward()
    assert seen == [2] and crit.calls == 1


def test_nan_event_names_the_step_and_the_first_nonfinite_tensor():
    net = model(0)
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=False)
    train(net, crit, 30, corrupt=nan_at(20))
    first = crit.events[0]
    assert (first.code, first.name, first.step, first.severity) == ("LG101", "nan-loss", 20, "error")
    assert "model output" in first.message and "input batch" in first.message
    assert "clip" in first.fix.lower()


def test_nan_in_the_first_batch_is_blamed_on_the_batch_not_on_the_update_it_caused():
    # pytorch-cifar with one NaN pixel in batch 0: the update of step 0 makes the weights NaN
    # before the first read; the parameters the loss was computed with were finite
    net = model(0)
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=False)
    train(net, crit, 3, corrupt=nan_at(0))
    first = crit.events[0]
    assert (first.code, first.step) == ("LG101", 0)
    assert "parameters were finite" in first.message and "input batch" in first.message
    assert not all(torch.isfinite(p).all() for p in net.parameters())  # the update did spread it


def test_weights_non_finite_from_the_start_are_named():
    net = model(0)
    with torch.no_grad():
        net[0].weight[0, 0] = float("nan")
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=False)
    train(net, crit, 2)
    assert crit.events[0].code == "LG101" and "parameter 0.weight is non-finite" in crit.events[0].message


def distillation(y, labels, teacher_scores, T, alpha):
    """haitongli/knowledge-distillation-pytorch@9937528 mnist/distill_mnist.py's loss function, in our words."""
    soft = F.kl_div(F.log_softmax(y / T, dim=1), F.softmax(teacher_scores / T, dim=1), reduction="batchmean")
    return soft * (T * T * 2.0 * alpha) + F.cross_entropy(y, labels) * (1.0 - alpha)


@pytest.mark.parametrize("bad_step", [2, 40])  # a checked call (the first 5) and an unchecked one
def test_a_nan_in_a_further_argument_of_the_criterion_is_named(bad_step):
    # kd-mnist (docs/runtime.md round 9): a teacher whose scores were NaN made the distillation
    # loss NaN while the student's logits and the labels were finite; LG101 said "none of the loss
    # inputs: the loss itself overflowed" and "compute the loss in a numerically stable form"
    torch.manual_seed(0)
    net, teacher = model(0), model(1)
    crit = lossguard.watch(net, distillation, console=False, announce=False)
    opt = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9)
    batch = task()
    for step in range(bad_step + 3):
        x, y = batch()
        with torch.no_grad():
            scores = teacher(x)
        if step == bad_step:
            scores[3, 1] = float("nan")
        opt.zero_grad()
        loss = crit(net(x), y, scores, T=20.0, alpha=0.7)
        loss.backward()
        opt.step()
    crit.close()
    ev = next(e for e in crit.events if e.code == "LG101")
    assert ev.step == bad_step
    assert "teacher_scores" in ev.message and "overflowed" not in ev.message, ev.message
    assert ev.fix.startswith("Check that argument") and "stable form" not in ev.fix, ev.fix


def test_inf_gradient_with_finite_loss_is_caught():
    """detect_anomaly misses Inf gradients; the watcher reads them at the optimizer step."""
    net = model(0)
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=False)
    opt = torch.optim.SGD(net.parameters(), lr=0.0)
    batch = task()
    for step in range(5):
        x, y = batch()
        opt.zero_grad()
        loss = crit(net(x), y)
        loss.backward()
        if step == 3:
            net[0].weight.grad[0, 0] = float("inf")
        opt.step()
    assert [(e.code, e.step) for e in crit.events] == [("LG101", 3)]
    assert "0.weight" in crit.events[0].message


def test_raise_policy_stops_at_the_failing_step():
    net = model(0)
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=False, on_event="raise")
    with pytest.raises(LossGuardError, match="LG101 nan-loss"):
        train(net, crit, 30, corrupt=nan_at(7))
    assert crit.step == 8


def test_callback_policy_receives_every_event_and_may_raise():
    net = model(0)
    seen = []

    class Stop(Exception):
        pass

    def policy(event):
        seen.append(event)
        raise Stop(event.code)

    crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=False, on_event=policy)
    with pytest.raises(Stop):
        train(net, crit, 30, corrupt=nan_at(5))
    assert [e.code for e in seen] == ["LG101"]


def test_skip_keeps_parameters_finite_when_given_the_optimizer():
    net = model(0)
    opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=False, optimizer=opt)
    train(net, crit, 30, opt=opt, corrupt=nan_at(10))
    assert all(torch.isfinite(p).all() for p in net.parameters())
    nan = [e for e in crit.events if e.code == "LG101"]
    assert nan[0].step == 10 and nan[0].data["skipped"] is True and "skipped" in nan[0].message
    crit.close()
    assert "step" not in opt.__dict__


def test_without_skip_the_nan_reaches_the_parameters():
    net = model(0)
    opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=False, optimizer=opt, skip=())
    train(net, crit, 12, opt=opt, corrupt=nan_at(10))
    assert not all(torch.isfinite(p).all() for p in net.parameters())


def test_skip_a_spike():
    net = model(0)
    opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=False, optimizer=opt)
    train(net, crit, 60, opt=opt, corrupt=lambda step, x: x * 50 if step == 50 else x)
    spike = [e for e in crit.events if e.code == "LG102"]
    assert spike[0].step == 50 and spike[0].data["skipped"] is True


def test_amp_gradscaler_skipped_steps_are_not_alarms_and_norms_are_unscaled(tmp_path):
    net = model(0)
    opt = torch.optim.SGD(net.parameters(), lr=0.05)
    scaler = torch.amp.GradScaler("cpu", init_scale=2.0**100)
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=False, log_dir=str(tmp_path))
    batch = task()
    unscaled = {}
    for _step in range(200):
        x, y = batch()
        opt.zero_grad()
        with torch.autocast("cpu", dtype=torch.float16):
            loss = crit(net(x), y)
        scaler.scale(loss).backward()
        scaler.unscale_(opt)
        grads = [p.grad for p in net.parameters()]
        norm = torch.linalg.vector_norm(torch.stack([torch.linalg.vector_norm(g) for g in grads]))
        if torch.isfinite(norm):
            unscaled[crit.step] = float(norm)
        scaler.step(opt)
        scaler.update()
    crit.close()
    assert crit.events == []
    assert scaler.get_scale() < 2.0**100 and unscaled
    from tests.tb_support import read_run

    logged = {e.step: e.value for e in read_run(tmp_path).Scalars("lossguard/grad_norm/total")}
    common = sorted(set(logged) & set(unscaled))
    assert len(common) > 10  # norms are read every step for 16 steps, then every 8th
    assert all(math.isclose(logged[s], unscaled[s], rel_tol=1e-4) for s in common)


def test_internal_error_is_reported_once_and_training_goes_on():
    class Broken(type(default_detectors()[1])):
        def update(self, stats):
            raise ZeroDivisionError("boom")

    dets = default_detectors()
    dets[1] = Broken()
    net = model(0)
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=False, detectors=dets)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        train(net, crit, 20, corrupt=nan_at(15))
    internal = [w for w in caught if "internal error" in str(w.message)]
    assert len(internal) == 1 and "LG102" in str(internal[0].message)
    assert crit.step == 20 and [e.code for e in crit.events] == ["LG101"]


def test_context_manager_and_close_remove_global_hooks():
    net = model(0)
    with lossguard.watch(net, nn.CrossEntropyLoss(), console=False) as crit:
        train(net, crit, 3)
    assert isinstance(crit, Watcher) and crit._handles == []
    steps = crit.step
    train(net, crit, 3)
    assert crit.step == steps


def test_bad_options_are_usage_errors():
    from lossguard.errors import UsageError

    net = model(0)
    with pytest.raises(UsageError, match="Argument on_event should be 'warn', 'raise' or a callable"):
        lossguard.watch(net, nn.MSELoss(), on_event="explode")
    with pytest.raises(UsageError, match="Argument sync_every should be a positive integer, got 0"):
        lossguard.watch(net, nn.MSELoss(), sync_every=0)
    with pytest.raises(UsageError, match="Argument skip should name"):
        lossguard.watch(net, nn.MSELoss(), skip=("loss-plateau",))
    with pytest.raises(UsageError, match="Argument adversarial should be True or False, got 'yes'"):
        lossguard.watch(net, nn.MSELoss(), adversarial="yes")


def test_sync_every_batches_reads_without_changing_results():
    def run(sync_every):
        net = model(0)
        crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=False, sync_every=sync_every)
        train(net, crit, 40, corrupt=lambda s, x: x * 60 if s == 30 else x)
        pending_mid = crit._s.waiting()
        crit.close()
        return [(e.code, e.step, e.message) for e in crit.events], pending_mid

    every_step, _ = run(1)
    batched, pending = run(16)
    assert batched == every_step and pending == 40 % 16


def test_hooks_on_the_watcher_itself_still_run_and_the_steps_are_counted():
    # the watcher skips nn.Module's call machinery only while no hook needs it
    net = model(0)
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=False)
    seen: list[float] = []
    handle = crit.register_forward_hook(lambda mod, args, out: seen.append(float(out)))
    train(net, crit, 5)
    handle.remove()
    train(net, crit, 5)
    assert len(seen) == 5 and crit.step == 10
    crit.step = 3  # the per-step counters stay plain attributes for their readers
    assert crit.step == 3 and "step" not in crit._parameters


def test_an_ordinary_step_adds_one_torch_op_and_few_python_calls():
    # the per-call path, counted (bench/runtime_calls.py prints the same for a run): on the CPU an
    # ordinary step (not a read step, no gradient measurement) adds only the loss's .item()
    import os
    import sys
    from collections import Counter

    from torch.utils._python_dispatch import TorchDispatchMode

    class Ops(TorchDispatchMode):
        def __init__(self):
            super().__init__()
            self.ops: Counter[str] = Counter()

        def __torch_dispatch__(self, func, types, args=(), kwargs=None):
            self.ops[func.overloadpacket.__name__] += 1
            return func(*args, **(kwargs or {}))

    pkg = os.path.dirname(lossguard.__file__)
    extra: Counter[str] = Counter()
    frames = []
    loops = {}
    for name in ("plain", "watched"):
        net = model(0)
        crit = nn.CrossEntropyLoss()
        if name == "watched":
            crit = lossguard.watch(net, crit, console=False, sync_every=8)  # reads at steps 7, 15, ...
        loops[name] = (net, crit, torch.optim.SGD(net.parameters(), lr=0.05), task(0))
    for step in range(40):
        for name, (net, crit, opt, batch) in loops.items():
            x, y = batch()
            ordinary = step > 16 and step % 8 not in (0, 7)  # 7: the read of steps 0-7 mod 8
            calls = [0]

            def count(frame, event, arg, calls=calls):
                if event == "call" and frame.f_code.co_filename.startswith(pkg):
                    calls[0] += 1

            with Ops() as counter:
                if ordinary and name == "watched":
                    sys.setprofile(count)
                try:
                    opt.zero_grad()
                    crit(net(x), y).backward()
                    opt.step()
                finally:
                    sys.setprofile(None)
            if ordinary:
                extra.update({k: v if name == "watched" else -v for k, v in counter.ops.items()})
                if name == "watched":
                    frames.append(calls[0])
    assert {k: v for k, v in extra.items() if v} == {"_local_scalar_dense": 18} and len(frames) == 18
    assert max(frames) <= 25  # 20 today: the call, the backward hook, the two optimizer hooks


@pytest.mark.integration  # a fresh interpreter: which modules a run imports
def test_no_lazy_import_pauses_a_run_midway():
    """Nothing the watcher calls during training imports a module on first use (np.median's NaN
    check imported numpy.ma at LG103's first fit: a pause of tens of ms at step ~100)."""
    import subprocess
    import sys

    script = (
        "import sys, torch, torch.nn as nn, lossguard\n"
        "from tests.runtime.helpers import model, train\n"
        "net = model(0)\n"
        "crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=False)\n"
        "train(net, crit, 4)\n"
        "before = set(sys.modules)\n"
        "train(net, crit, 400, seed=1, lr=1e-7)\n"  # a plateau: LG103 fits and reports
        "crit.close()\n"
        "print([e.code for e in crit.events])\n"
        "print(sorted(set(sys.modules) - before))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.splitlines()
    assert "LG103" in out[0]
    assert out[1] == "[]"


def _read_steps(net, crit, steps, pause=0.0, opt=None):
    """The steps after which the watcher read (its pending records went to the detectors)."""
    import time

    opt = opt or torch.optim.SGD(net.parameters(), lr=0.05)
    batch = task(0)
    reads = []
    for step in range(steps):
        x, y = batch()
        opt.zero_grad()
        crit(net(x), y).backward()
        opt.step()
        if not crit._s.waiting():
            reads.append(step)
        time.sleep(pause)
    crit.close()  # its optimizer hooks off before the next watcher of the same model
    return reads


def test_a_fast_loop_is_read_in_larger_batches_and_a_slow_one_every_8_steps():
    # READ_WAIT: a read waits until 0.1 s has passed since the last one, 8 to READ_MOST (256) steps
    net = model(0)
    fast = _read_steps(net, lossguard.watch(net, nn.CrossEntropyLoss(), console=False), 600)
    gaps = [b - a for a, b in zip(fast, fast[1:])]
    assert gaps and all(8 <= g <= READ_MOST for g in gaps) and max(gaps) > 8, fast
    assert fast[0] == 7  # the first read does not wait (no read before it)
    slow = _read_steps(net, lossguard.watch(net, nn.CrossEntropyLoss(), console=False), 48, pause=0.015)
    assert slow == [7, 15, 23, 31, 39, 47]


def test_only_the_console_policy_of_one_process_lets_a_read_wait():
    # read_most: how far past read_every a read may wait; every other setting keeps the exact cadence
    from lossguard.runtime.collect import read_most

    assert read_most(8, None, "warn", 1, False) == READ_MOST
    assert read_most(16, None, "warn", 1, False) == READ_MOST
    assert read_most(8, 8, "warn", 1, False) == 8  # sync_every given
    assert read_most(1, None, "raise", 1, False) == 1
    assert read_most(8, None, print, 1, False) == 8  # a callable policy
    assert read_most(16, None, "warn", 2, False) == 16  # torch.distributed: every rank reads at the same steps
    assert read_most(8, None, "warn", 1, True) == 8  # skipping bad updates


def test_a_policy_that_acts_a_fixed_cadence_and_skipping_read_every_8_steps():
    every_8 = list(range(7, 200, 8))
    net = model(0)
    assert _read_steps(net, lossguard.watch(net, nn.CrossEntropyLoss(), console=False, on_event=lambda e: None), 200) == every_8
    assert _read_steps(net, lossguard.watch(net, nn.CrossEntropyLoss(), console=False, sync_every=8), 200) == every_8
    opt = torch.optim.SGD(net.parameters(), lr=0.05)
    assert _read_steps(net, lossguard.watch(net, nn.CrossEntropyLoss(), console=False, optimizer=opt), 200, opt=opt) == every_8
