"""Round 38 (branch prec28): a module whose ``torch`` is Dragon's PyTorch-like API (``from dragon.vm import torch``)
writes the gradients afresh at each backward, so a loop without ``zero_grad()`` is correct there
(rules/_foreign_torch.py). Re-typed from seetaresearch/seetadet's trainer shape (a model and an optimizer built by
helpers, a ``step`` that sums the output's losses, back-propagates and steps, a ``while`` loop calling it). Each
project runs end to end through the engine, as test_interp.py's PROJECTS."""

from __future__ import annotations

from pathlib import Path

import pytest

from lossguard.static.testing import project_findings

PROJECTS: dict[str, dict[str, str]] = {}

_TRAINER = """
{imports}


class Runner(object):
    def __init__(self, model, max_steps):
        self.model = model
        self.optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
        self.max_steps = max_steps
        self.done = 0

    def step(self, inputs):
        outputs, losses = self.model(inputs), []
        for key, value in outputs.items():
            if "loss" in key:
                losses.append(value)
        total = sum(losses[1:], losses[0])
        total.backward()
        self.optimizer.step(){mark}
        self.done += 1

    def train(self, loader):
        while self.done < self.max_steps:
            self.step(loader())
"""


def _trainer(imports: str, mark: str = "") -> dict[str, str]:
    return {"engine.py": _TRAINER.replace("{imports}", imports).replace("{mark}", mark)}


# Dragon's torch: silent (LG014 on main 23104284)
PROJECTS["a_dragon_trainer_that_never_clears"] = _trainer("from dragon.vm import torch")
# the same through `import dragon.vm.torch as torch`: silent (LG014 on main 23104284)
PROJECTS["a_dragon_trainer_imported_as_torch"] = _trainer("import dragon.vm.torch as torch")
# PyTorch: the gradients add up, LG014 on both
PROJECTS["a_pytorch_trainer_that_never_clears"] = _trainer("import torch", "  # expect: LG014")
# a module that imports both frameworks: read as PyTorch's, LG014 on both
PROJECTS["a_trainer_importing_both"] = _trainer("import torch\nfrom dragon.vm import torch as dragon_torch", "  # expect: LG014")


@pytest.mark.parametrize("name", sorted(PROJECTS))
def test_foreign_torch(tmp_path: Path, name: str) -> None:
    expected, actual = project_findings(tmp_path, PROJECTS[name])
    assert actual == expected
