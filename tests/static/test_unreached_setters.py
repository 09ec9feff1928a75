"""Round 38 (branch prec28): an inherited setter that cannot run on the object a name holds leaves its attribute as
construction made it for that object (interp/unreached_setters.py). Re-typed from sooftware/kospeech's shape: a base
``EncoderDecoder`` with ``set_decoder``, which only a beam-search module calls, on a model handed to it; test scripts
that build a speller and train it with ``nn.CrossEntropyLoss`` on the decoder's ``log_softmax``. Each project runs end
to end through the engine, as test_interp.py's PROJECTS."""

from __future__ import annotations

from pathlib import Path

import pytest

from lossguard.static.testing import project_findings

PROJECTS: dict[str, dict[str, str]] = {}

_MODELS = """
import torch.nn as nn


class Decoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(32, 10)

    def forward(self, x):
        return self.fc(x).log_softmax(dim=-1)


class BeamDecoder(nn.Module):
    def __init__(self, decoder):
        super().__init__()
        self.decoder = decoder

    def forward(self, x):
        return self.decoder(x).topk(3)


class EncoderDecoder(nn.Module):
    def __init__(self, encoder, decoder):
        super().__init__()
        self.encoder = encoder
        self.decoder = decoder

    def set_decoder(self, decoder):
        self.decoder = decoder

    def forward(self, x):
        return self.decoder(self.encoder(x))


class Speller(EncoderDecoder):
    def __init__(self):
        super().__init__(nn.Linear(80, 32), Decoder())
"""

_SEARCH = """
from models import BeamDecoder


def beam_search(model, inputs):
    model.set_decoder(BeamDecoder(model.decoder))
    return model(inputs)
"""

_TRAIN = """
import torch
import torch.nn as nn

from models import Speller
{imports}
model = Speller().to("cpu")
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)
{before}
for inputs, targets in loader:
    optimizer.zero_grad()
    outputs = model(inputs)
    loss = criterion(outputs, targets){mark}
    loss.backward()
    optimizer.step()
"""

_TRAIN_IN_A_FUNCTION = """
import torch
import torch.nn as nn

from models import Speller


def main(loader):
    model = Speller()
    model.train()
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)
    for inputs, targets in loader:
        optimizer.zero_grad()
        loss = criterion(model(inputs), targets)  # expect: LG001
        loss.backward()
        optimizer.step()


main(loader)
"""


def _project(train: str) -> dict[str, str]:
    return {"models.py": _MODELS, "search.py": _SEARCH, "train.py": train}


def _script(imports: str = "", before: str = "", mark: str = "") -> dict[str, str]:
    return _project(_TRAIN.replace("{imports}", imports).replace("{before}", before).replace("{mark}", mark))


# the script never hands the model on and never names the setter: the decoder is construction's, LG001 (silent on main
# 23104284, where the beam search module's setter made every speller's decoder unknown)
PROJECTS["a_setter_only_another_module_calls_on_its_argument"] = _script(mark="  # expect: LG001")
# the same in a function's scope (silent on main 23104284)
PROJECTS["a_setter_only_another_module_calls_a_function_s_model"] = _project(_TRAIN_IN_A_FUNCTION)
# the script swaps the decoder itself before training: which decoder the loop calls is not known, silent
PROJECTS["a_setter_the_script_calls_on_the_model"] = _script(before="model.set_decoder(nn.Linear(32, 10))\n")
# the script hands the model to a function that calls the setter: silent
PROJECTS["a_setter_a_function_the_model_is_handed_to_calls"] = _script(
    imports="from search import beam_search\n", before="beam_search(model, torch.randn(4, 80))\n"
)
# the model is wrapped (an argument of nn.DataParallel): another object holds it, silent
PROJECTS["a_setter_and_a_wrapped_model"] = _script(before="wrapped = nn.DataParallel(model)\n")


@pytest.mark.parametrize("name", sorted(PROJECTS))
def test_unreached_setters(tmp_path: Path, name: str) -> None:
    expected, actual = project_findings(tmp_path, PROJECTS[name])
    assert actual == expected
