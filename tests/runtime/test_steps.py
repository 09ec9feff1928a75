"""What a step is: one optimizer step (or one backward without optimizer) with all its loss terms.

Each test drives a real training loop shaped like a third-party script (pytorch/examples, nanoGPT)
and checks the step count and the events.
"""

from __future__ import annotations

import warnings

import pytest
import torch
import torch.nn as nn
import torch.nn.functional as F

import lossguard
from lossguard.runtime.detectors import Detector
from tests.runtime.helpers import model, nan_at, task


class AuxNet(nn.Module):
    """An Inception-style classifier with an auxiliary head on its body."""

    def __init__(self) -> None:
        super().__init__()
        torch.manual_seed(0)
        self.body = nn.Sequential(nn.Linear(16, 32), nn.ReLU())
        self.aux = nn.Linear(32, 4)
        self.head = nn.Sequential(nn.Linear(32, 32), nn.ReLU(), nn.Linear(32, 4))

    def forward(self, x):
        h = self.body(x)
        return self.head(h), self.aux(h)


def test_auxiliary_head_terms_are_one_step():
    net = AuxNet()
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=False)
    opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
    batch = task()
    for _ in range(120):
        x, y = batch()
        out, aux = net(x)
        opt.zero_grad()
        loss = crit(out, y) + 0.4 * crit(aux, y)
        loss.backward()
        opt.step()
    crit.close()
    assert crit.step == 120 and crit.calls == 240
    assert crit.events == []


def test_several_mse_terms_are_one_step_and_a_nan_is_found_at_its_step():
    # fast_neural_style: a content term and several style terms through F.mse_loss
    torch.manual_seed(0)
    net = nn.Sequential(nn.Linear(16, 32), nn.ReLU(), nn.Linear(32, 16))
    mse = lossguard.watch(net, F.mse_loss, console=False)
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    g = torch.Generator().manual_seed(1)
    for step in range(60):
        x = torch.randn(32, 16, generator=g)
        if step == 45:
            x[0, 0] = float("nan")
        y = net(x)
        opt.zero_grad()
        content = mse(y, x)
        style = sum(mse(y[:, i : i + 4].T @ y[:, i : i + 4] / 32, x[:, i : i + 4].T @ x[:, i : i + 4] / 32) for i in range(0, 16, 4))
        (content + 1e-2 * style).backward()
        opt.step()
    mse.close()
    assert mse.step == 60 and mse.calls == 300
    assert [(e.code, e.step) for e in mse.events][:1] == [("LG101", 45)]
    assert not [e for e in mse.events if e.code in ("LG006", "LG104", "LG102") and e.step < 45]


class G(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(4, 32), nn.ReLU(), nn.Linear(32, 8))

    def forward(self, z):
        return self.net(z)


class D(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, 32), nn.LeakyReLU(0.2), nn.Linear(32, 1), nn.Sigmoid())

    def forward(self, x):
        return self.net(x).view(-1)


def dcgan(criterion_for, iters=80, log_dir=None):
    """pytorch/examples dcgan's loop: one BCELoss for the real batch, the fake batch and G."""
    torch.manual_seed(0)
    net_g, net_d = G(), D()
    criterion = criterion_for(net_g, net_d)
    opt_d = torch.optim.Adam(net_d.parameters(), lr=2e-4, betas=(0.5, 0.999))
    opt_g = torch.optim.Adam(net_g.parameters(), lr=2e-4, betas=(0.5, 0.999))
    g = torch.Generator().manual_seed(2)
    for _ in range(iters):
        real = torch.randn(32, 8, generator=g) * 0.5 + 1.0
        net_d.zero_grad()
        label = torch.full((32,), 1.0)
        err_real = criterion(net_d(real), label)
        err_real.backward()
        fake = net_g(torch.randn(32, 4, generator=g))
        label.fill_(0.0)
        err_fake = criterion(net_d(fake.detach()), label)
        err_fake.backward()
        opt_d.step()
        net_g.zero_grad()
        label.fill_(1.0)
        err_g = criterion(net_d(fake), label)
        err_g.backward()
        opt_g.step()
    return criterion


def test_gan_one_criterion_for_real_fake_and_generator_one_step_per_iteration():
    watched = {}

    def both(net_g, net_d):
        # one watcher per network; the generator's wraps the discriminator's, so every call is seen by both
        watched["d"] = lossguard.watch(net_d, nn.BCELoss(), console=False)
        watched["g"] = lossguard.watch(net_g, watched["d"], console=False)
        return watched["g"]

    dcgan(both)
    for w in watched.values():
        w.close()
    assert watched["d"].step == 80 and watched["g"].step == 80
    assert watched["d"].calls == 240
    assert watched["d"].events == [] and watched["g"].events == []


def test_gan_watchers_with_one_log_dir_write_separate_runs(tmp_path):
    from tensorboard.backend.event_processing.event_multiplexer import EventMultiplexer

    watched = {}

    def both(net_g, net_d):
        watched["d"] = lossguard.watch(net_d, nn.BCELoss(), console=False, log_dir=str(tmp_path))
        watched["g"] = lossguard.watch(net_g, watched["d"], console=False, log_dir=str(tmp_path))
        return watched["g"]

    dcgan(both, iters=20)
    for w in watched.values():
        w.close()
    mux = EventMultiplexer().AddRunsFromDirectory(str(tmp_path))
    mux.Reload()
    runs = {run: [e.step for e in mux.Scalars(run, "lossguard/loss")] for run in mux.Runs()}
    assert len(runs) == 2 and all(steps == list(range(20)) for steps in runs.values())


def test_validation_with_grad_enabled_is_no_step():
    net = model(0)
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=False)
    opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
    batch, val = task(0), task(7)
    for epoch in range(6):
        net.train()
        for _ in range(30):
            x, y = batch()
            opt.zero_grad()
            crit(net(x), y).backward()
            opt.step()
        net.eval() if epoch % 2 else None  # half the epochs validate without even eval()
        for _ in range(10):
            x, y = val()
            crit(net(x) * 3, y)  # no torch.no_grad(), no backward: a harder-looking loss
    crit.close()
    assert crit.step == 180
    assert crit.events == []


def test_validation_before_any_optimizer_step_is_no_step():
    net = model(0)
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=False)
    x, y = task(3)()
    for _ in range(5):
        crit(net(x), y)
    assert crit.step == 0 and crit._pending == []


def test_dict_returning_criterion_is_watched_by_its_total():
    net = AuxNet()
    ce = nn.CrossEntropyLoss()

    def detection_loss(outputs, y):
        out, aux = outputs
        parts = {"cls": ce(out, y), "aux": 0.4 * ce(aux, y)}
        return {"loss": parts["cls"] + parts["aux"], **parts}

    crit = lossguard.watch(net, detection_loss, console=False)
    opt = torch.optim.SGD(net.parameters(), lr=0.05)
    batch = task()
    for step in range(30):
        x, y = batch()
        if step == 20:
            x = x.clone()
            x[1, 1] = float("nan")
        opt.zero_grad()
        crit(net(x), y)["loss"].backward()
        opt.step()
    assert crit.step == 30 and [(e.code, e.step) for e in crit.events][:1] == [("LG101", 20)]


def test_structured_output_without_total_is_said_once():
    from io import StringIO

    from rich.console import Console

    text = StringIO()
    net = model(0)
    crit = lossguard.watch(net, lambda out, y: (out.softmax(1), y), console=Console(file=text, width=200))
    x, y = task()()
    for _ in range(3):
        crit(net(x), y)
    assert text.getvalue().count("no scalar total") == 1


class Recorder(Detector):
    code = "LG199"
    name = "recorder"

    def __init__(self):
        self.seen = []

    def update(self, stats):
        self.seen.append(stats)
        return None


def test_chance_level_is_the_entropy_of_the_targets_seen():
    # character-level LM with shuffled targets: the model can only learn the class frequencies
    torch.manual_seed(0)
    vocab = 20
    freq = torch.tensor([2.0**-i for i in range(vocab)])
    freq /= freq.sum()
    entropy = float(-(freq * freq.log()).sum())
    net = nn.Sequential(nn.Embedding(vocab, 16), nn.Flatten(), nn.Linear(16 * 8, vocab))
    rec = Recorder()
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=False, detectors=[rec])
    opt = torch.optim.Adam(net.parameters(), lr=1e-2)
    g = torch.Generator().manual_seed(0)
    for _ in range(200):
        x = torch.multinomial(freq, 32 * 8, replacement=True, generator=g).view(32, 8)
        y = torch.multinomial(freq, 32, replacement=True, generator=g)  # unrelated to x
        opt.zero_grad()
        crit(net(x), y).backward()
        opt.step()
    crit.close()
    late = [s.chance_loss for s in rec.seen[-50:]]
    assert all(abs(c - entropy) < 0.05 for c in late), (late[-1], entropy)
    assert entropy < 0.6 * torch.log(torch.tensor(float(vocab))).item()
    assert abs(sum(s.loss for s in rec.seen[-50:]) / 50 - entropy) < 0.15


@pytest.mark.parametrize("with_scheduler_first", [False, True])
def test_lr_scheduler_with_the_managed_optimizer(with_scheduler_first):
    net = model(0)
    opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        if with_scheduler_first:
            sched = torch.optim.lr_scheduler.StepLR(opt, step_size=10, gamma=0.5)
            crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=False, optimizer=opt)
        else:
            crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=False, optimizer=opt)
            sched = torch.optim.lr_scheduler.StepLR(opt, step_size=10, gamma=0.5)
        batch, corrupt = task(), nan_at(25)
        for step in range(40):
            x, y = batch()
            x = corrupt(step, x)
            opt.zero_grad()
            crit(net(x), y).backward()
            opt.step()
            sched.step()
    crit.close()
    assert crit.step == 40 and opt.param_groups[0]["lr"] == pytest.approx(0.05 * 0.5**4)
    nan = [e for e in crit.events if e.code == "LG101"]
    assert nan[0].step == 25 and nan[0].data["skipped"] is True
    assert all(torch.isfinite(p).all() for p in net.parameters())
