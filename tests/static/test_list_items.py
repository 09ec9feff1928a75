"""Round 39 (branch fixhist29, opendp/smartnoise-sdk's PATE-CTGAN at 49dde6740b): an item of a list of like items at
an index the interpreter does not know (``teachers[i]`` in ``for i in range(n)`` over ``teachers = [disc for _ in
range(n)]``) is that list's item (interp/list_items.py); a list whose items differ, or whose last items are known apart
from the rest, still gives nothing at such an index. Each project runs end to end through the engine, as
test_interp.py's PROJECTS."""

from __future__ import annotations

from pathlib import Path

import pytest

from lossguard.static.testing import project_findings

PROJECTS: dict[str, dict[str, str]] = {}

_CRITICS = """
import torch
import torch.nn as nn


class Critic(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.seq = nn.Sequential(nn.Linear(dim, 64), nn.LeakyReLU(0.2), nn.Linear(64, 1), nn.Sigmoid())

    def forward(self, x):
        return self.seq(x){flat}


class FlatCritic(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.seq = nn.Sequential(nn.Linear(dim, 64), nn.LeakyReLU(0.2), nn.Linear(64, 1), nn.Sigmoid())

    def forward(self, x):
        return self.seq(x).view(-1)
"""

_TEACHERS = """
import torch
import torch.nn as nn
from critics import Critic, FlatCritic


def train_teachers(loaders, dim, n, epochs):
    {build}
    optimizers = [torch.optim.Adam(teachers[i].parameters(), lr=2e-4) for i in range(n)]
    criterion = nn.BCELoss()
    for _ in range(epochs):
        for i in range(n):
            for real in loaders[i]:
                optimizers[i].zero_grad()
                label = torch.full((real.size(0),), 1.0)
                loss = criterion(teachers[i](real), label){mark}
                loss.backward()
                optimizers[i].step()
"""


def _teachers(build: str, flat: str, mark: str) -> dict[str, str]:
    return {"critics.py": _CRITICS.replace("{flat}", flat), "train.py": _TEACHERS.replace("{build}", build).replace("{mark}", mark)}


# one critic shared by every teacher (the real code), or one built per teacher: its (N, 1) output against (N,) labels
PROJECTS["teachers_of_one_critic_indexed_by_a_loop_count"] = _teachers(
    "critic = Critic(dim)\n    teachers = [critic for _ in range(n)]", "", "  # expect: LG005"
)
PROJECTS["teachers_built_each_indexed_by_a_loop_count"] = _teachers("teachers = [Critic(dim) for _ in range(n)]", "", "  # expect: LG005")
# critics that flatten their output to (N,): the same shape as the labels
PROJECTS["teachers_indexed_by_a_loop_count_look_alike"] = _teachers("teachers = [Critic(dim) for _ in range(n)]", ".view(-1)", "")
# a literal list of two different critics: which one `teachers[i]` is stays unknown
PROJECTS["different_critics_indexed_by_a_loop_count_look_alike"] = _teachers("teachers = [Critic(dim), FlatCritic(dim)]", "", "")
# like critics appended in a loop, then a different last one: `teachers[i]` may be either
PROJECTS["critics_with_a_different_last_one_indexed_by_a_loop_count_look_alike"] = _teachers(
    "teachers = []\n    for _ in range(n - 1):\n        teachers.append(Critic(dim))\n    teachers.append(FlatCritic(dim))", "", ""
)


@pytest.mark.parametrize("name", sorted(PROJECTS))
def test_list_items(tmp_path: Path, name: str) -> None:
    expected, actual = project_findings(tmp_path, PROJECTS[name])
    assert actual == expected
