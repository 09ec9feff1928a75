"""Round 38 (branch prec28, prec27's leftover): a method run on an object a name holds carries what it certainly set
to the next call on that name (interp/receiver_state.py), as ``interp/self_effects.py`` does for calls on ``self``.
The shape of zhuofupan/Pytorch-Deep-Neural-Networks's models driven from a script: ``forward`` stores ``self.loss``,
``get_loss`` returns it when set, else a cross-entropy of the softmax output. Each project runs end to end through the
engine, as test_interp.py's PROJECTS."""

from __future__ import annotations

from pathlib import Path

import pytest

from lossguard.static.testing import project_findings

PROJECTS: dict[str, dict[str, str]] = {}

_TRAIN = """
import torch
import torch.nn as nn


class Base(nn.Module):
    def __init__(self):
        super().__init__()
        self.loss = None
        self.criterion = nn.CrossEntropyLoss()

    def get_loss(self, output, target):
        if self.loss is not None:
            loss = self.loss
        else:
            loss = self.criterion(output, target){mark}
        return loss


class Net(Base):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(784, 10)

    def forward(self, x):
        y = torch.softmax(self.fc(x), dim=1)
{store}
        return y


model = Net()
{other}optimizer = torch.optim.Adam(model.parameters())
for data, target in loader:
    optimizer.zero_grad()
    output = model.forward(data)
{between}    loss = {receiver}.get_loss(output, target)
    loss.backward()
    optimizer.step()
"""

_ALWAYS = "        self.loss = -torch.log(y).mean()"
_SOMETIMES = "        if self.training:\n            self.loss = -torch.log(y).mean()"


def _train(store: str = _ALWAYS, receiver: str = "model", other: str = "", between: str = "", mark: str = "") -> dict[str, str]:
    text = _TRAIN.replace("{store}", store).replace("{receiver}", receiver).replace("{other}", other)
    return {"train.py": text.replace("{between}", between).replace("{mark}", mark)}


# forward stores the loss on every path, get_loss returns it: the fallback never runs, silent (LG001 on main 23104284)
PROJECTS["a_loss_the_forward_call_on_the_name_stored"] = _train()
# forward stores it only in training mode: the fallback may run, LG001 on both
PROJECTS["a_loss_the_forward_call_may_have_stored"] = _train(store=_SOMETIMES, mark="  # expect: LG001")
# get_loss is called on another name, whose object forward never ran on: LG001 on both
PROJECTS["a_loss_asked_of_another_object"] = _train(receiver="other", other="other = Net()\n", mark="  # expect: LG001")
# a call between the two may store again (a function reaching the object as a global): LG001 on both
PROJECTS["a_call_between_forward_and_the_loss"] = _train(between="    reset_models()\n", mark="  # expect: LG001")


@pytest.mark.parametrize("name", sorted(PROJECTS))
def test_receiver_state(tmp_path: Path, name: str) -> None:
    expected, actual = project_findings(tmp_path, PROJECTS[name])
    assert actual == expected
