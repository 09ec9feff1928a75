"""Round 39 (branch prec29): an optimizer a helper builds as a local and steps, over the network the loop hands it,
is a new optimizer at every call; where the loop rebinds that network every iteration (directly, or by a method it
calls on ``self`` that stores it), no gradient outlives the iteration, and a missing ``zero_grad()`` accumulates
nothing (rules/_fresh_optimizers.py). Re-typed from CarperAI/trlx at 3340c2f3a5, ``tests/test_peft.py`` (a unittest
case that builds a pretrained model per model name and back-propagates one arbitrary loss through it to check that
saving and reloading keeps the change). Each project runs end to end through the engine, as test_interp.py's
PROJECTS."""

from __future__ import annotations

from pathlib import Path

import pytest

from lossguard.static.testing import project_findings

PROJECTS: dict[str, dict[str, str]] = {}

_CASE = """
import tempfile
import unittest

import torch
from transformers import AutoModelForCausalLM, AutoTokenizer

CHECKPOINTS = ["gpt2", "facebook/opt-125m"]


class TestAdapterRoundTrip(unittest.TestCase):
    def _make_model(self, checkpoint):
        self.model = AutoModelForCausalLM.from_pretrained(checkpoint)
        self.tokens = AutoTokenizer.from_pretrained(checkpoint)("a goose named Louis liked bananas", return_tensors="pt")

    def _nudge(self, model):
        output = model(**self.tokens, return_dict=True)
        loss = torch.nn.functional.binary_cross_entropy_with_logits(output.logits[0][-1][:1], torch.tensor([0.53]))
        loss.backward()
        optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
        optimizer.step(){mark}
        return model

    def test_save_and_reload(self):
{loop}
                with tempfile.TemporaryDirectory() as folder:
                    self.model.save_pretrained(folder)
                    reloaded = AutoModelForCausalLM.from_pretrained(folder)
                    self.assertEqual(reloaded.state_dict().keys(), self.model.state_dict().keys())
"""

_PER_ITERATION = """        for repeat in range(2):
            for checkpoint in CHECKPOINTS:
                self._make_model(checkpoint)
                self._nudge(self.model)"""


def _case(loop: str, mark: str = "") -> dict[str, str]:
    return {"test_adapters.py": _CASE.replace("{loop}", loop).replace("{mark}", mark)}


# a model made per checkpoint by a method the loop calls, handed to the helper that builds its optimizer: silent
# (LG014 on main 882e642a)
PROJECTS["a_model_made_per_iteration_by_a_method"] = _case(_PER_ITERATION)
# the model made in the loop's own text, as a local handed on: silent (LG014 on main 882e642a)
PROJECTS["a_model_made_per_iteration_in_the_loop"] = _case(
    _PER_ITERATION.replace(
        "self._make_model(checkpoint)\n                self._nudge(self.model)",
        "model = AutoModelForCausalLM.from_pretrained(checkpoint)\n                self._make_model(checkpoint)\n                self._nudge(model)",
    )
)
# the model made once, before the loop: every call's new optimizer steps on the sum of all earlier gradients, LG014
PROJECTS["a_model_made_once_before_the_loop"] = _case(
    "        self._make_model(CHECKPOINTS[0])\n        for repeat in range(2):\n            for checkpoint in CHECKPOINTS:\n                self._nudge(self.model)",
    "  # expect: LG014",
)
# the loop rebinds the model but hands the helper another, made once: LG014
PROJECTS["the_loop_hands_on_a_model_it_does_not_rebind"] = _case(
    "        frozen = AutoModelForCausalLM.from_pretrained(CHECKPOINTS[0])\n        for repeat in range(2):\n            for checkpoint in CHECKPOINTS:\n                self._make_model(checkpoint)\n                self._nudge(frozen)",
    "  # expect: LG014",
)
# the helper's optimizer kept on the object (`self.optimizer`), not a local: it is the same one every call, and the
# model made once, LG014
PROJECTS["an_optimizer_kept_on_the_object"] = {
    "test_adapters.py": _CASE.replace(
        "{loop}",
        "        self._make_model(CHECKPOINTS[0])\n        for repeat in range(2):\n            for checkpoint in CHECKPOINTS:\n                self._nudge(self.model)",
    )
    .replace("optimizer = torch.optim.SGD", "self.optimizer = torch.optim.SGD")
    .replace("optimizer.step(){mark}", "self.optimizer.step()  # expect: LG014")
}

_SCRIPT = """
import torch
import torch.nn as nn


def update(net, batch):
    loss = net(batch).pow(2).mean()
    loss.backward()
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    opt.step(){mark}


def main(loader):
{body}
"""

# a module-level helper given a network the loop builds each batch: silent (LG014 on main 882e642a)
PROJECTS["a_function_given_a_network_built_per_batch"] = {
    "probe.py": _SCRIPT.replace("{body}", "    for batch in loader:\n        net = nn.Linear(4, 1)\n        update(net, batch)").replace("{mark}", "")
}
# the same helper given one network for every batch: LG014
PROJECTS["a_function_given_one_network_for_every_batch"] = {
    "probe.py": _SCRIPT.replace("{body}", "    net = nn.Linear(4, 1)\n    for batch in loader:\n        update(net, batch)").replace(
        "{mark}", "  # expect: LG014"
    )
}


@pytest.mark.parametrize("name", sorted(PROJECTS))
def test_helper_optimizers(tmp_path: Path, name: str) -> None:
    expected, actual = project_findings(tmp_path, PROJECTS[name])
    assert actual == expected
