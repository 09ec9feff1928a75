"""Round 37 (branch prec27): an optimizer built over a network's parameter tensors by name (``Adam([model.W])``),
stepped in a loop that clears only an optimizer whose parameters the analysis does not know (built by a helper of
another module from ``model.named_parameters()``), is silent in LG014: the cleared optimizer may hold those tensors
(rules/_parameter_tensors.py). fixhist26's false alarm on allierc/connectome-gnn (d71e38ad93,
``src/connectome_gnn/models/graph_trainer.py``). Each project runs end to end through the engine, as
test_interp.py's PROJECTS."""

from __future__ import annotations

from pathlib import Path

import pytest

from lossguard.static.testing import project_findings

PROJECTS: dict[str, dict[str, str]] = {}

_GROUPS = """
import torch


def trainable_groups(model, lr, lr_w):
    groups = []
    for name, parameter in model.named_parameters():
        if parameter.requires_grad:
            groups.append({"params": parameter, "lr": lr_w if "W" in name else lr, "name": "W" if "W" in name else "rest"})
    return torch.optim.Adam(groups)
"""

_TRAIN = """
import torch
import torch.nn.functional as F

from groups import trainable_groups


def train(model, loader, cfg):
{optimizer}
    w_optimizer = None
    if cfg.cosine_lr_w:
        w_optimizer = torch.optim.Adam({w_params}, lr=cfg.lr_w)
        for group in optimizer.param_groups:
            if group["name"] == "W":
                group["lr"] = 0.0
    for x, y in loader:
        optimizer.zero_grad()
        loss = F.mse_loss(model(x), y)
        loss.backward()
        optimizer.step()
        if w_optimizer is not None:
            w_optimizer.step(){mark}
"""

_HELPER_OPTIMIZER = "    optimizer = trainable_groups(model, cfg.lr, cfg.lr_w)"


def _project(optimizer: str, w_params: str, mark: str) -> dict[str, str]:
    return {
        "groups.py": _GROUPS,
        "train.py": _TRAIN.replace("{optimizer}", optimizer).replace("{w_params}", w_params).replace("{mark}", mark),
    }


# the main optimizer's groups come from the helper (parameters not known), W is the network's: silent (LG014 on main)
PROJECTS["a_network_tensor_s_optimizer_beside_a_cleared_optimizer_of_unknown_parameters"] = _project(_HELPER_OPTIMIZER, "[model.W]", "")
# the cleared optimizer holds the encoder's parameters only, known: W's gradients are never cleared (reported on both)
PROJECTS["a_network_tensor_s_optimizer_beside_a_cleared_optimizer_of_another_network"] = _project(
    "    optimizer = torch.optim.Adam(model.encoder.parameters())", "[model.W]", "  # expect: LG014"
)
# the cleared optimizer is built over the whole network's parameters, W among them: silent (LG014 on main)
PROJECTS["a_network_tensor_s_optimizer_beside_a_cleared_optimizer_of_the_network"] = _project(
    "    optimizer = torch.optim.Adam(model.parameters())", "[model.W]", ""
)
# a tensor of no network read by attribute (a bare name): not the reading, reported on both
PROJECTS["a_bare_tensor_s_optimizer_beside_a_cleared_optimizer_of_unknown_parameters"] = _project(
    _HELPER_OPTIMIZER, "[log_alpha]", "  # expect: LG014"
)


@pytest.mark.parametrize("name", sorted(PROJECTS))
def test_parameter_tensors(tmp_path: Path, name: str) -> None:
    expected, actual = project_findings(tmp_path, PROJECTS[name])
    assert actual == expected
