"""Session 27 (the lead, realcode_heldout28's false alarm): a loss whose input is a name bound only under
``torch.no_grad()`` and whose target is an attribute of the batch the loop binds (``batch.y`` of a graph
library's ``Data``, ``batch.labels``) holds no autograd graph (interp/torch_calls.py ``_input_without_grad``).
divelab/MoleculeX at 4d3df340, AdvProp/graph/src/train_eval.py: ``val_regression`` appends
``mse(out, batch.y).sum()`` of an output computed under ``no_grad`` to a list, once per validation batch, in a
function the epoch loop calls after the training function; main ce7acc42 reported LG006 there because only a bare
loop target (``y`` of ``for x, y in loader``) counted as the batch's data. The look-alike's target is a field of a
model's output computed with grad inside the loop: still reported. Each project runs end to end through the
engine, as test_interp.py's PROJECTS."""

from __future__ import annotations

from pathlib import Path

import pytest

from lossguard.static.testing import project_findings

PROJECTS: dict[str, dict[str, str]] = {}

_TRAIN = """
import torch


def run(model, train_loader, val_loader, epochs):
    mse = torch.nn.MSELoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    for epoch in range(epochs):
        for batch in train_loader:
            optimizer.zero_grad()
            loss = mse(model(batch), batch.y)
            loss.backward()
            optimizer.step()
        print(epoch, {evaluate})


def val_regression(model, val_loader, mse):
    model.eval()
    losses = []
    for batch in val_loader:
        with torch.no_grad():
            out = model(batch)
        loss = mse(out, batch.y).sum()
        losses.append(loss)
    return sum(losses).item()


def distill(model, teacher, val_loader, mse):
    losses = []
    for batch in val_loader:
        with torch.no_grad():
            soft = teacher(batch)
        student = model(batch)
        loss = mse(soft, student.logits)
        losses.append(loss){mark}
    return sum(losses).item()
"""

# the validation batch's own field: no graph, silent
PROJECTS["a_no_grad_output_against_the_batch_s_field"] = {
    "train.py": _TRAIN.replace("{evaluate}", "val_regression(model, val_loader, mse)").replace("{mark}", ""),
}
# the target is a field of the student's output, computed with grad: the losses keep graphs (reported)
PROJECTS["a_no_grad_value_against_a_field_of_an_output_with_grad"] = {
    "train.py": _TRAIN.replace("{evaluate}", "distill(model, torch.nn.Identity(), val_loader, mse)").replace("{mark}", "  # expect: LG006"),
}


@pytest.mark.parametrize("name", sorted(PROJECTS))
def test_batch_attribute_targets(tmp_path: Path, name: str) -> None:
    expected, actual = project_findings(tmp_path, PROJECTS[name])
    assert actual == expected
