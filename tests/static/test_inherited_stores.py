"""Round 37 (branch prec27, attrs34's leftover): an attribute a method inherited from a base class of the checked code
stores again is unknown for the class, as one its own methods store (interp/inherited_stores.py), unless the store
puts back the attribute's own object. Each project runs end to end through the engine, as test_interp.py's
PROJECTS."""

from __future__ import annotations

from pathlib import Path

import pytest

from lossguard.static.testing import project_findings

PROJECTS: dict[str, dict[str, str]] = {}

_TRAINER = """
import torch
import torch.nn as nn


class BaseTrainer:
    def {setter}(self, value):
        {store}

    def fit(self, loader):
        for x, y in loader:
            self.optimizer.zero_grad()
            loss = self.criterion(self.model(x), y){mark}
            loss.backward()
            self.optimizer.step()


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(784, 10)

    def forward(self, x):
        return torch.softmax(self.fc(x), dim=1)


class Trainer(BaseTrainer):
    def __init__(self, model):
        self.model = model
        self.criterion = nn.CrossEntropyLoss()
        self.optimizer = torch.optim.Adam(model.parameters())


trainer = Trainer(Net())
trainer.{setter}({argument})
trainer.fit(loader)
"""


def _trainer(setter: str, store: str, argument: str, mark: str) -> dict[str, str]:
    text = _TRAINER.replace("{setter}", setter).replace("{store}", store).replace("{argument}", argument)
    return {"train.py": text.replace("{mark}", mark)}


# the base class's setter replaces the criterion before fit: never LG001 on the construction's CrossEntropyLoss (LG001 on
# main d9bcb710, which read only Trainer's own methods). Since round 38 the setter's store is carried from the call on
# `trainer` to the next one (interp/receiver_state.py): fit's criterion is the NLLLoss, on softmax probabilities, LG007
PROJECTS["a_criterion_a_base_class_method_stores_again"] = _trainer("use_criterion", "self.criterion = value", "nn.NLLLoss()", "  # expect: LG007")
# the base class's method stores another attribute: the criterion is construction's, LG001 on both
PROJECTS["a_criterion_a_base_class_method_leaves_alone"] = _trainer("use_history", "self.history = value", "[]", "  # expect: LG001")
# the base class's method puts the model back moved (its own object): the model is construction's, LG001 on both
PROJECTS["a_model_a_base_class_method_moves"] = _trainer("to_device", "self.model = self.model.to(value)", '"cuda"', "  # expect: LG001")


@pytest.mark.parametrize("name", sorted(PROJECTS))
def test_inherited_stores(tmp_path: Path, name: str) -> None:
    expected, actual = project_findings(tmp_path, PROJECTS[name])
    assert actual == expected
