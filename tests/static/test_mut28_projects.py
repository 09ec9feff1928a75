"""Round 38 (branch mut28, docs/survey.md "Round 38: mutations of real code"): the mechanisms the probe led to, each a
project with ``# expect:`` markers and its look-alike, run end to end through the engine as in test_interp.py's
PROJECTS. Every positive here is silent on main at the start of session 28 (23104284)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lossguard.static.testing import project_findings

PROJECTS: dict[str, dict[str, str]] = {}


# dagaji/deeplabv3-pytorch's train.py: an AverageMeter given the loss itself, reset by its own method only when the
# loop prints (rules/_sum_resets.py). The meter's sum keeps every graph between two prints, as a running sum written
# in the loop and reset under the same test does.
_METER = """
import torch
import torch.nn as nn


class AverageMeter(object):
    def __init__(self):
        self.reset()

    def reset(self):
        self.val = 0
        self.sum = 0
        self.count = 0

    def update(self, val, n=1):
        self.val = val
        self.sum += val * n{mark}
        self.count += n

    def value(self):
        return self.sum / max(self.count, 1)


def train(model, loader, criterion, optimizer, display_iters):
    running_loss = AverageMeter()
    for it, (x, y) in enumerate(loader):
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()
        running_loss.update({given}, n=x.size(0))
{reset}

if __name__ == "__main__":
    train(nn.Linear(8, 2), loader, nn.CrossEntropyLoss(), optimizer, 100)
"""
_NOW_AND_THEN = "        if it % display_iters == 0:\n            print(running_loss.value())\n            running_loss.reset()\n"


def _meter(given: str, reset: str, mark: str = "") -> str:
    return _METER.replace("{given}", given).replace("{reset}", reset).replace("{mark}", mark)


PROJECTS["a_meter_reset_only_now_and_then"] = {
    "printed.py": _meter("loss", _NOW_AND_THEN, "  # expect: LG006"),
    "scaled.py": _meter("loss * 2", _NOW_AND_THEN, "  # expect: LG006"),
}
# the meter reset on every iteration, or given numbers; a list of the steps' losses that a sibling empties now and then
# (an n-step trajectory, whose graphs the update needs) stays as before
PROJECTS["a_meter_reset_only_now_and_then_look_alike"] = {
    "every.py": _meter("loss", "        print(running_loss.value())\n        running_loss.reset()\n"),
    "numbers.py": _meter("loss.item()", _NOW_AND_THEN),
    "trajectory.py": """
import torch
import torch.nn as nn


class Rollout:
    def __init__(self):
        self.losses = []

    def add(self, loss):
        self.losses.append(loss)

    def flush(self):
        total = torch.stack(self.losses).sum()
        self.losses = []
        return total


def train(model, loader, criterion, optimizer, every):
    rollout = Rollout()
    for it, (x, y) in enumerate(loader):
        rollout.add(criterion(model(x), y))
        if it % every == 0:
            optimizer.zero_grad()
            rollout.flush().backward()
            optimizer.step()


if __name__ == "__main__":
    train(nn.Linear(8, 2), loader, nn.CrossEntropyLoss(), optimizer, 5)
""",
}


# dagaji/deeplabv3-pytorch's train.py again: the scheduler stepped every batch between the backward and the update,
# and the update's two calls swapped under the accumulation test (rules/_step_orders.py)
_ORDER = """
import torch
import torch.nn as nn


def train(model, loader, criterion, optimizer, scheduler, iter_size):
    optimizer.zero_grad()
    for it, (x, y) in enumerate(loader):
        loss = criterion(model(x), y) / iter_size
        loss.backward()
        {between}
{update}


if __name__ == "__main__":
    model = nn.Linear(8, 2)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    train(model, loader, nn.CrossEntropyLoss(), optimizer, torch.optim.lr_scheduler.StepLR(optimizer, 10), 4)
"""
_SWAPPED = "        if it % iter_size == 0:\n            optimizer.zero_grad(){mark}\n            optimizer.step()"
_KEPT = "        if it % iter_size == 0:\n            optimizer.step()\n            optimizer.zero_grad()"


def _order(between: str, update: str, mark: str = "") -> str:
    return _ORDER.replace("{between}", between).replace("{update}", update).replace("{mark}", mark)


PROJECTS["a_clear_then_step_under_the_update_test"] = {
    "scheduler.py": _order("scheduler.step()", _SWAPPED, "  # expect: LG017"),
    "plain.py": _order("pass", _SWAPPED, "  # expect: LG017"),
    "unguarded.py": _order("scheduler.step()", "        optimizer.zero_grad(){mark}\n        optimizer.step()", "  # expect: LG017"),
}
# the step before the clear under the test; an `else` beside it (which order runs is not told); a step of an optimizer
# named like a scheduler between the backward and the clear (a step, not bookkeeping)
PROJECTS["a_clear_then_step_under_the_update_test_look_alike"] = {
    "kept.py": _order("scheduler.step()", _KEPT),
    "else.py": _order("pass", _SWAPPED.replace("{mark}", "") + "\n        else:\n            print(it)"),
    "sched_opt.py": _order(
        "sched_opt = torch.optim.SGD(model.parameters(), lr=0.1)\n        sched_opt.step()", "        optimizer.zero_grad()\n        optimizer.step()"
    ),
}


# jonad/AnoGan-Pytorch's train.py: `train_generator(...)` (another file) computes the loss, back-propagates it and
# returns; the loop clears the optimizer after the call and steps it
_HELPER = """
def train_generator(discriminator, data, label, criterion):
    output = discriminator(data).view(-1)
    error = criterion(output, label)
    error.backward()
    {after}return error, output.mean().item()
"""
_LOOP = """
import torch
import torch.nn as nn
from steps import train_generator


def train(loader, discriminator, generator, optimizer_g, criterion):
    for noise, label in loader:
        {before}error_g, d_g = train_generator(discriminator, generator(noise), label, criterion)
        {clear}
        optimizer_g.step()


if __name__ == "__main__":
    G = nn.Linear(16, 8)
    D = nn.Sequential(nn.Linear(8, 1), nn.Sigmoid())
    train(loader, D, G, torch.optim.Adam(G.parameters()), nn.BCELoss())
"""


def _looped(before: str, clear: str, after: str = "") -> dict[str, str]:
    return {"steps.py": _HELPER.replace("{after}", after), "train.py": _LOOP.replace("{before}", before).replace("{clear}", clear)}


PROJECTS["a_clear_after_a_helper_that_ends_in_backward"] = _looped("", "optimizer_g.zero_grad()  # expect: LG017")
# the clear before the helper's call; the helper clips the gradients after its backward (it does more than end in it);
# a clear of nothing between the call and the step
PROJECTS["a_clear_after_a_helper_that_ends_in_backward_look_alike"] = {
    **_looped("optimizer_g.zero_grad()\n        ", "pass"),
}
PROJECTS["a_clear_after_a_helper_that_clips_look_alike"] = _looped(
    "", "optimizer_g.zero_grad()", "torch.nn.utils.clip_grad_norm_(discriminator.parameters(), 1.0)\n    "
)
PROJECTS["a_clear_after_a_helper_that_clips_look_alike"]["steps.py"] = (
    "import torch\n" + PROJECTS["a_clear_after_a_helper_that_clips_look_alike"]["steps.py"]
)


# Aethiles/ppo-pytorch's AtariParameters.gradient_update: a method of the network's own class that logs the gradient
# norm between the clear and the step (rules/_step_orders.harmless_method)
_LOGGED = """
import torch
import torch.nn as nn


class Parameters(nn.Module):
    def __init__(self, logger):
        super().__init__()
        self.linear = nn.Linear(4, 2)
        self.optimizer = torch.optim.Adam(self.parameters(), lr=1e-3)
        self.logger = logger

    def gradient_update(self, loss):
        loss.backward()
        self.optimizer.zero_grad(){mark}
        self._after()
        torch.nn.utils.clip_grad_norm_(self.parameters(), 0.5)
        self.optimizer.step()

    def _after(self):
{body}


def train(params, loader):
    for x in loader:
        params.gradient_update(-params.linear(x).pow(2).mean())
"""
_NORM = """        total = 0.0
        for param in self.parameters():
            if param.grad is not None:
                total += param.grad.data.norm(2).item() ** 2
        self.logger.store_gradient_norm(total ** 0.5)"""


def _logged(body: str, mark: str = "") -> str:
    return _LOGGED.replace("{body}", body).replace("{mark}", mark)


PROJECTS["a_gradient_norm_logged_between_the_clear_and_the_step"] = {
    "norm.py": _logged(_NORM, "  # expect: LG017"),
    "nested.py": _logged("        self._norm()\n\n    def _norm(self):\n" + _NORM, "  # expect: LG017"),
    "guarded_clip.py": _logged(_NORM, "  # expect: LG017").replace(
        "        torch.nn.utils.clip_grad_norm_(", "        if self.logger is not None:\n            torch.nn.utils.clip_grad_norm_("
    ),
}
# a helper that back-propagates a second loss, sets the gradients by hand, or calls a method that does: the step may
# apply what it made
PROJECTS["a_gradient_norm_logged_between_the_clear_and_the_step_look_alike"] = {
    "aux.py": _logged("        self.linear.weight.pow(2).sum().backward()"),
    "set.py": _logged("        for param in self.parameters():\n            param.grad = torch.ones_like(param)"),
    "deeper.py": _logged("        self._aux()\n\n    def _aux(self):\n        self.linear.weight.pow(2).sum().backward()"),
}


# rjhosler/arcface-pytorch's models/train_aaml.py: the epoch total summed from the loss itself, and at the phase's last
# batch `loss = total_loss / n` (the same name) for the print and the scheduler; every iteration binds `loss` to the
# criterion's output before `loss.backward()` (rules/_rebound_names.py)
_PHASES = """
import torch
from torch.nn import CrossEntropyLoss


def train(model, loaders, optimizer, scheduler, epochs, mode):
    criterion = CrossEntropyLoss()
    for epoch in range(epochs):
        for phase in ["train", "val"]:
            total_loss = 0
            for ii, (images, labels) in enumerate(loaders[phase]):
{forward}
                if phase == "train":
                    loss.backward()
                    optimizer.step()
                total_loss += {added}{mark}
                if ii == len(loaders[phase]) - 1:
{average}
                    scheduler.step(loss)
"""
_BRANCHES = """                if mode == "at":
                    loss = criterion(model(images), labels)
                else:
                    loss = criterion(model(images), labels) * 0.5
                optimizer.zero_grad()"""
_ONE = """                optimizer.zero_grad()
                loss = criterion(model(images), labels)"""
_AVERAGE = "                    loss = total_loss / len(loaders[phase])"


def _phases(forward: str, added: str = "loss", average: str = _AVERAGE, mark: str = "") -> str:
    return _PHASES.replace("{forward}", forward).replace("{added}", added).replace("{average}", average).replace("{mark}", mark)


PROJECTS["a_sum_whose_name_the_average_reuses"] = {
    "branches.py": _phases(_BRANCHES, mark="  # expect: LG006"),
    "one.py": _phases(_ONE, mark="  # expect: LG006"),
    "extended.py": _phases(_ONE + "\n                loss = loss + 0.01 * model.weight.pow(2).sum()", mark="  # expect: LG006"),
}
# numbers summed; the sum back-propagated every k steps under the name it is averaged into (gradient accumulation);
# a branch that may leave the name bound to the average before the backward
PROJECTS["a_sum_whose_name_the_average_reuses_look_alike"] = {
    "numbers.py": _phases(_ONE, added="loss.item()"),
    "accumulated.py": """
import torch


def train(model, loader, criterion, optimizer, k):
    total = 0
    for it, (x, y) in enumerate(loader):
        loss = criterion(model(x), y)
        total += loss
        if it % k == 0:
            loss = total / k
            loss = loss + 0.01 * model.weight.pow(2).sum()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total = 0
""",
    "maybe.py": _phases(_BRANCHES.replace("                else:\n                    loss = criterion(model(images), labels) * 0.5\n", "")),
}


@pytest.mark.parametrize("name", sorted(PROJECTS))
def test_mut28_projects(tmp_path: Path, name: str) -> None:
    expected, actual = project_findings(tmp_path, PROJECTS[name])
    assert actual == expected
