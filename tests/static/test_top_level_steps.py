"""A file's top level read as one training step (lossguard/static/interp/top_level_steps.py, the lead's mend of
session 26 after realcode_heldout27's LG017 miss): code posted in an issue as bare statements "in every batch"
(Tony-Y/pytorch_warmup issue #12: ``loss.backward()``, ``optimizer.zero_grad()``, ``optimizer.step()`` with no loop
around them), and a script whose top level runs one step. Each positive is silent on main at the start of session 26
(7b7bde9a); the look-alikes are silent on both."""

from __future__ import annotations

from pathlib import Path

import pytest

from lossguard.static.testing import project_findings

PROJECTS: dict[str, dict[str, str]] = {
    # the posted statements, names bound nowhere
    "posted_statements": {
        "post.py": """
loss.backward()
optimizer.zero_grad()  # expect: LG017
optimizer.step()
with warmup_scheduler.dampening():
    lr_scheduler.step()
"""
    },
    # a script's top level: one step with the clear between backward and step
    "script_top_level": {
        "one_step.py": """
import torch
import torch.nn.functional as F

model = torch.nn.Linear(4, 2)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
x, y = torch.randn(8, 4), torch.randint(0, 2, (8,))
loss = F.cross_entropy(model(x), y)
loss.backward()
optimizer.zero_grad()  # expect: LG017
optimizer.step()
"""
    },
    # look-alike: the usual order at the top level
    "posted_statements_in_order": {
        "post.py": """
optimizer.zero_grad()
loss = criterion(model(x), y)
loss.backward()
optimizer.step()
"""
    },
    # look-alike: the top level clears after the step (the next step's gradients start from zero), and a loop
    # summarised where it stands keeps its own reading (no second report of the loop's calls)
    "top_level_clear_after_step": {
        "train.py": """
import torch

model = torch.nn.Linear(4, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
loss = torch.nn.functional.mse_loss(model(torch.randn(8, 4)), torch.randn(8, 1))
loss.backward()
optimizer.step()
optimizer.zero_grad()
for x, y in [(torch.randn(8, 4), torch.randn(8, 1))]:
    loss = torch.nn.functional.mse_loss(model(x), y)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
"""
    },
}


@pytest.mark.parametrize("name", sorted(PROJECTS))
def test_top_level_steps(tmp_path: Path, name: str) -> None:
    expected, actual = project_findings(tmp_path, PROJECTS[name])
    assert actual == expected
