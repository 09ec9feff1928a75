"""Runtime misuse checks (LG001-LG006, LG013) on real calls; catalog texts are reused."""

from __future__ import annotations

import pytest
import torch
import torch.nn as nn
import torch.nn.functional as F

import lossguard
from lossguard import catalog
from tests.runtime.fault_injection.scenarios import by_name, judge
from tests.runtime.helpers import model, task


@pytest.mark.parametrize(
    "scenario, code, raises",
    [
        ("misuse-softmax-ce", "LG001", False),
        ("misuse-bce-logits", "LG002", True),
        ("misuse-double-sigmoid", "LG003", False),
        ("misuse-int-bce-target", "LG004", True),
        ("misuse-broadcast", "LG005", False),
        ("misuse-graph-retention", "LG006", False),
        ("misuse-float-class-target", "LG013", True),
    ],
)
def test_each_misuse_is_reported_once_with_its_catalog_entry(scenario, code, raises):
    s = by_name(scenario)
    with pytest.warns(UserWarning) if code == "LG005" else _nothing():
        outcome = s.run(0)
    assert judge(s, outcome)["detected"]
    events = [e for e in outcome.events if e.code == code]
    # LG003 is a value heuristic: it needs 20 steps in a row (a GAN's raw logits can sit in (0.2, 0.8))
    assert len(events) == 1 and events[0].step <= (19 if code == "LG003" else 3)
    if code == "LG003":
        assert events[0].severity == "warning"
    assert events[0].fix == catalog.get(code).fix and events[0].name == catalog.get(code).name
    assert (outcome.error is not None) == raises


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False


def test_torch_error_still_reaches_the_user_after_the_report():
    net = model(0, classes=1)
    crit = lossguard.watch(net, nn.BCELoss(), console=False)
    x, _ = task()()
    with pytest.raises(RuntimeError, match="between 0 and 1"):
        crit(net(x).squeeze(1) * 10, torch.ones(64))
    assert [e.code for e in crit.events] == ["LG002"]


@pytest.mark.parametrize(
    "criterion, make",
    [
        (nn.CrossEntropyLoss(), lambda out, y: (out, y)),
        (nn.CrossEntropyLoss(), lambda out, y: (F.log_softmax(out, dim=1), y)),
        (nn.CrossEntropyLoss(label_smoothing=0.1), lambda out, y: (out, F.one_hot(y, 4).float().softmax(dim=1))),
        (nn.BCEWithLogitsLoss(), lambda out, y: (out[:, 0], (y % 2).float())),
        (nn.BCELoss(), lambda out, y: (torch.sigmoid(out[:, 0]), (y % 2).float())),
        (nn.MSELoss(), lambda out, y: (out, F.one_hot(y, 4).float())),
    ],
)
def test_correct_uses_are_silent(criterion, make):
    net = model(0)
    crit = lossguard.watch(net, criterion, console=False, check_every=1)
    opt = torch.optim.SGD(net.parameters(), lr=0.05)
    batch = task()
    for _ in range(30):
        x, y = batch()
        opt.zero_grad()
        crit(*make(net(x), y)).backward()
        opt.step()
    assert crit.events == []


def test_accumulating_item_values_is_not_graph_retention():
    net = model(0)
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=False, check_every=1)
    opt = torch.optim.SGD(net.parameters(), lr=0.05)
    batch = task()
    total, previous = 0.0, None
    for _ in range(20):
        x, y = batch()
        opt.zero_grad()
        loss = crit(net(x), y)
        loss.backward()
        opt.step()
        total += loss.item()
        previous = loss
    assert crit.events == [] and previous is not None


def test_raw_logits_inside_the_sigmoid_range_for_a_few_steps_are_not_lg003():
    # a GAN discriminator's raw logits can sit in (0.2, 0.8) at first; they leave it as it learns
    torch.manual_seed(0)
    net = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 1))
    with torch.no_grad():
        net[2].bias.fill_(0.5)
        net[2].weight.mul_(0.01)
    crit = lossguard.watch(net, nn.BCEWithLogitsLoss(), console=False)
    opt = torch.optim.Adam(net.parameters(), lr=1e-2)
    g = torch.Generator().manual_seed(0)
    first = None
    for _step in range(60):
        real = torch.randn(32, 8, generator=g) + 1.0
        fake = torch.randn(32, 8, generator=g) - 1.0
        x = torch.cat([real, fake])
        y = torch.cat([torch.ones(32), torch.zeros(32)])
        opt.zero_grad()
        out = net(x).squeeze(1)
        if first is None:
            first = (float(out.detach().min()), float(out.detach().max()))
        crit(out, y).backward()
        opt.step()
    assert 0.2 < first[0] and first[1] < 0.8  # the fresh discriminator's logits looked like probabilities
    assert crit.events == []


def _keep_losses(crit, net, steps, kept, start=0):
    """A real loop that keeps every loss tensor (graph and all) in ``kept``."""
    opt = torch.optim.SGD(net.parameters(), lr=0.05)
    batch = task(start)
    for _ in range(steps):
        x, y = batch()
        opt.zero_grad()
        loss = crit(net(x), y)
        loss.backward(retain_graph=True)
        opt.step()
        kept.append(loss)


def test_graph_retention_is_a_detector_with_state_that_survives_a_resume():
    from lossguard.runtime.detectors.graph_retention import GraphRetention

    net = model(0)
    # LG006 is a misuse check: it runs whatever detectors are chosen
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=False, detectors=[])
    assert [type(d) for d in crit.detectors] == [GraphRetention]
    kept: list[torch.Tensor] = []
    _keep_losses(crit, net, 6, kept)
    events = [e for e in crit.events if e.code == "LG006"]
    assert len(events) == 1 and events[0].step == 2 and events[0].data == {"kept_since_step": 0}
    state = crit.state_dict()
    assert state["detectors"]["LG006"] == {"reported": True}

    # a fresh watcher resumed from that state does not report the same run again ...
    resumed = lossguard.watch(net, nn.CrossEntropyLoss(), console=False, detectors=[])
    resumed.load_state_dict(state)
    _keep_losses(resumed, net, 6, kept)
    assert [e.step for e in resumed.events if e.code == "LG006"] == [2]
    # ... and one resumed from a state saved before the finding still finds it
    early = lossguard.watch(net, nn.CrossEntropyLoss(), console=False, detectors=[], check_every=1)
    early.load_state_dict({**state, "events": [], "detectors": {"LG006": {"reported": False}}})
    _keep_losses(early, net, 6, [], start=1)
    assert [e.code for e in early.events] == ["LG006"]


def test_graph_retention_state_is_checked_on_load():
    from lossguard.errors import UsageError
    from lossguard.runtime.detectors.graph_retention import GraphRetention

    det = GraphRetention(steps=2)
    with pytest.raises(UsageError, match="reported"):
        det.load_state_dict({"reported": "yes"})
    with pytest.raises(UsageError, match="steps should be a positive integer"):
        GraphRetention(steps=0)


def test_sigmoid_output_of_a_segmentation_net_spread_across_0_1_is_reported():
    # Pytorch-UNet (milesial/Pytorch-UNet@21d7850 train.py, docs/runtime.md round 8) with the
    # mask's sigmoid applied before BCEWithLogitsLoss: per-pixel probabilities from 0.33 to 0.83 at
    # the first step, neither clustered round 0.5 nor reaching both ends; LG003 was never reported
    torch.manual_seed(0)
    net = nn.Sequential(
        nn.Conv2d(3, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(), nn.Conv2d(8, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(), nn.Conv2d(8, 1, 1)
    )
    crit = lossguard.watch(net, nn.BCEWithLogitsLoss(), console=False, announce=False)
    opt = torch.optim.RMSprop(net.parameters(), lr=1e-3)
    for _ in range(40):
        x = torch.rand(2, 3, 32, 32) * 4
        masks = (x[:, 0] > 2).float()
        loss = crit(net(x).squeeze(1).sigmoid(), masks)
        opt.zero_grad()
        loss.backward()
        opt.step()
    crit.close()
    assert [e.code for e in crit.events if e.code == "LG003"] == ["LG003"]


def swapped_mse_run(steps, batch, opt_class, lr, nan_at=None, nan_in_data_at=None):
    """minDiffusion's call, criterion(noise, prediction): the model's output passed second."""
    torch.manual_seed(0)
    net = nn.Sequential(nn.Linear(8, 32), nn.ReLU(), nn.Linear(32, 8))
    crit = lossguard.watch(net, nn.MSELoss(), console=False, announce=False)
    opt = opt_class(net.parameters(), lr=lr)
    for step in range(steps):
        x = torch.randn(batch, 8)
        if step == nan_at:
            x[0, 0] = float("nan")
        noise = torch.randn(batch, 8)
        if step == nan_in_data_at:
            noise[0, 0] = float("nan")
        loss = crit(noise, net(x))
        opt.zero_grad()
        loss.backward()
        opt.step()
    crit.close()
    return crit.events


def test_an_mse_target_that_carries_gradient_gives_no_chance_level():
    # minDiffusion (cloneofsimo/minDiffusion@00a3c80 superminddpm.py, docs/runtime.md round 8) calls
    # its criterion as criterion(eps, eps_model(x_t)): the noise first, the prediction second. The
    # "target" was the model's output, its variance (0.01) was taken as the chance level, and LG103
    # at lr x1000 read "stayed at 1.012 (chance level 0.01007)"
    ev = next(e for e in swapped_mse_run(150, 256, torch.optim.SGD, 1e-7) if e.code == "LG103")
    assert "chance level" not in ev.message, ev.message


def test_a_nan_in_an_mse_target_that_carries_gradient_is_the_model_output():
    # minDiffusion's NaN batch (criterion(noise, prediction)): LG101 said "the target passed to the
    # loss ... Check the data: this batch's targets hold NaN", the NaN was in the input images
    ev = next(e for e in swapped_mse_run(12, 16, torch.optim.Adam, 1e-3, nan_at=6) if e.code == "LG101")
    assert ev.step == 6 and "the model output" in ev.message and "target" not in ev.message, ev.message


def test_a_nan_in_data_passed_first_is_the_data_not_the_model_output():
    # Lucasc-99/Actor-Critic@0a3adb1 calls SmoothL1Loss(returns, values): the data first, the critic's output second
    # (docs/runtime.md round 35). A NaN return was blamed on "the model output"; the argument that carries no gradient
    # beside one that does is the data
    ev = next(e for e in swapped_mse_run(12, 16, torch.optim.Adam, 1e-3, nan_in_data_at=6) if e.code == "LG101")
    assert ev.step == 6 and "target" in ev.message and "the model output" not in ev.message, ev.message


class _SoftTree(nn.Module):
    """xuyxu/Soft-Decision-Tree@9b02e63 SDT.py's shape: one Linear computes every inner node's
    routing (a sigmoid), the path probabilities of the leaves feed a Linear without bias."""

    def __init__(self, d: int, classes: int, depth: int = 4) -> None:
        super().__init__()
        self.depth = depth
        self.inner = nn.Sequential(nn.Linear(d + 1, 2**depth - 1, bias=False), nn.Sigmoid())
        self.leaves = nn.Linear(2**depth, classes, bias=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        n = x.shape[0]
        x = torch.cat([torch.ones(n, 1), x], 1)
        p = self.inner(x).unsqueeze(2)
        p = torch.cat((p, 1 - p), 2)
        mu, begin, end = x.new_ones(n, 1, 1), 0, 1
        for layer in range(self.depth):
            mu = mu.view(n, -1, 1).repeat(1, 1, 2) * p[:, begin:end, :]
            begin, end = end, end + 2 ** (layer + 1)
        return self.leaves(mu.view(n, 2**self.depth))


def test_a_plateau_after_a_softmax_before_cross_entropy_blames_the_softmax():
    # The tree with a softmax before its CrossEntropyLoss learnt every example of the batch while the
    # loss went from 2.30 to 2.26; LG103 then said "check that the targets depend on the inputs"
    torch.manual_seed(0)
    g = torch.Generator().manual_seed(0)
    protos = (torch.rand(10, 64, generator=g) < 0.3).float()
    net = _SoftTree(64, 10)
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=False)
    opt = torch.optim.Adam(net.parameters(), lr=1e-3, weight_decay=5e-4)
    for _ in range(120):
        y = torch.randint(0, 10, (128,), generator=g)
        x = (protos[y] + 0.3 * torch.rand(128, 64, generator=g) - 0.4) / 0.45
        out = net(x)
        loss = crit(out.softmax(1), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
    crit.close()
    assert (out.argmax(1) == y).float().mean() > 0.9
    assert [(e.code, e.step) for e in crit.events] == [("LG001", 0), ("LG103", 107)]
    fix = crit.events[1].fix
    assert fix.startswith("The loss's input is already softmax output (LG001 at step 0)") and "targets" not in fix, fix


class _SumPooledGraphs(nn.Module):
    """weihua916/powerful-gnns@9a2ce8a GraphCNN's shape without the adjacency: per-layer MLPs with
    BatchNorm over the nodes, every layer's node features sum-pooled per graph, a Linear head per
    layer, their scores summed (large scores: sums over the nodes and the layers)."""

    def __init__(self) -> None:
        super().__init__()
        self.layers = nn.ModuleList(
            nn.Sequential(nn.Linear(7 if i == 0 else 64, 64), nn.BatchNorm1d(64), nn.ReLU(), nn.Linear(64, 64), nn.BatchNorm1d(64), nn.ReLU())
            for i in range(4)
        )
        self.heads = nn.ModuleList([nn.Linear(7, 2)] + [nn.Linear(64, 2) for _ in range(4)])

    def forward(self, x: torch.Tensor, nodes: int) -> torch.Tensor:
        hs = [x]
        for layer in self.layers:
            hs.append(layer(hs[-1]))
        return sum(head(h.view(-1, nodes, h.shape[1]).sum(1)) for h, head in zip(hs, self.heads))


def test_gradients_vanishing_below_a_softmax_before_cross_entropy_blame_the_softmax():
    # GIN with a softmax before its CrossEntropyLoss (docs/runtime.md round 12): LG001 at 0, then
    # LG105 at 40, "every unit between it and the head is dead (ReLUs ...). Lower the learning rate":
    # the saturated softmax of the large summed scores passes back no gradient
    torch.manual_seed(0)
    g = torch.Generator().manual_seed(0)
    net = _SumPooledGraphs()
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=False)
    opt = torch.optim.Adam(net.parameters(), lr=0.01)
    for _ in range(12):
        tags = torch.randint(0, 7, (32, 18), generator=g)
        y = ((tags == 1).sum(1) > 2).long()
        out = net(F.one_hot(tags, 7).float().view(-1, 7), 18)
        loss = crit(out.softmax(1), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
    crit.close()
    assert [(e.code, e.step) for e in crit.events] == [("LG001", 0), ("LG105", 9)]
    fix = crit.events[1].fix
    assert fix.startswith("The loss's input is already softmax output (LG001 at step 0): a softmax of large scores saturates"), fix
    assert "ReLU" not in fix and "Lower the learning rate" not in fix
