"""Round 39 (branch prec29): a tensor an assignment computes under ``torch.no_grad()`` holds no graph, whatever other
binding its name has (interp/no_grad_values.py), and a loss of it and of numbers made a tensor (``torch.tensor(y)``,
cast or split by ``train_test_split``) holds none either. Re-typed from dtgfdgfgf/Pytorch_Practice at 1489e7ff11,
``practice/ANN_proj1.py`` (a script that trains a regressor on the sum of two numbers and keeps each epoch's train
and test loss in preallocated tensors). Each project runs end to end through the engine, as test_interp.py's
PROJECTS."""

from __future__ import annotations

from pathlib import Path

import pytest

from lossguard.static.testing import project_findings

PROJECTS: dict[str, dict[str, str]] = {}

_SCRIPT = """
import numpy as np
import torch
import torch.nn as nn
from sklearn.model_selection import train_test_split

pairs = np.random.randint(-10, 11, (1000, 2))
sums = np.sum(pairs, axis=1)
features = torch.tensor(pairs).float()
answers = torch.tensor(sums).float()
answers = answers[:, None]
x_fit, x_held, y_fit, y_held = train_test_split(features, answers, test_size=0.1)

net = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 16), nn.ReLU(), nn.Linear(16, 1))
criterion = nn.MSELoss()
optimizer = torch.optim.SGD(net.parameters(), lr=0.01)
fit_curve = torch.zeros(10, 1000)
held_curve = torch.zeros(10, 1000)

for run in range(10):
    for epoch in range(1000):
        net.train()
        guess = net(x_fit)
        loss = criterion(guess, y_fit)
        fit_curve[run][epoch] = loss.item()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        net.eval()
{evaluation}
"""


def _script(evaluation: str) -> dict[str, str]:
    return {"regress.py": _SCRIPT.replace("{evaluation}", evaluation)}


# the held-out prediction made under no_grad (the name bound with grad earlier in the loop), its targets split from
# numbers made a tensor: silent (LG006 on main 882e642a)
PROJECTS["a_held_out_loss_of_a_no_grad_prediction"] = _script(
    "        with torch.no_grad():\n            guess = net(x_held)\n        held_curve[run][epoch] = criterion(guess, y_held)"
)
# the same, the targets made a tensor in place: silent (LG006 on main 882e642a)
PROJECTS["a_no_grad_prediction_against_a_literal_tensor"] = _script(
    "        with torch.no_grad():\n            guess = net(x_held)\n        held_curve[run][epoch] = criterion(guess, torch.tensor(sums[:100]).float()[:, None])"
)
# the prediction made again with grad after the block: the loss holds a graph per epoch, LG006
PROJECTS["a_prediction_remade_with_grad_after_the_block"] = _script(
    "        with torch.no_grad():\n            guess = net(x_held)\n        guess = net(x_held)\n"
    "        held_curve[run][epoch] = criterion(guess, y_held)  # expect: LG006"
)
# no no_grad block at all: LG006
PROJECTS["a_held_out_loss_with_grad"] = _script(
    "        guess = net(x_held)\n        held_curve[run][epoch] = criterion(guess, y_held)  # expect: LG006"
)
# only the name bound under no_grad, to a tensor that may be the one read with grad (a move): LG006
PROJECTS["a_move_under_no_grad_of_a_prediction_with_grad"] = _script(
    "        guess = net(x_held)\n        with torch.no_grad():\n            guess = guess.cpu()\n        held_curve[run][epoch] = criterion(guess, y_held)  # expect: LG006"
)
# a no_grad prediction against a target computed with grad (a second network's output): LG006
PROJECTS["a_no_grad_prediction_against_a_target_with_grad"] = _script(
    "        with torch.no_grad():\n            guess = net(x_held)\n"
    "        held_curve[run][epoch] = criterion(guess, net(x_fit)[:100])  # expect: LG006"
)


@pytest.mark.parametrize("name", sorted(PROJECTS))
def test_no_grad_values(tmp_path: Path, name: str) -> None:
    expected, actual = project_findings(tmp_path, PROJECTS[name])
    assert actual == expected
