"""The real CLI over a large body of real code: torch's own ``nn`` source.

torch's ``nn`` package defines every loss, softmax and reduction the rules reason about, with
every calling convention (``size_average``, ``reduce``, ``*args``, overloads, TorchScript
annotations), so it is a good place for the abstract interpreter to meet shapes it did not
expect. The test asks only that the run ends normally: exit 0 or 1, no internal error.
It reads torch's files as text; it never imports torch.
"""

from __future__ import annotations

import importlib.util
import os
import re
from pathlib import Path

import pytest

from tests.cli_support import run


def _torch_nn() -> Path:
    spec = importlib.util.find_spec("torch")  # locates the package without importing it
    if spec is None or not spec.submodule_search_locations:
        pytest.skip("torch is not installed: no torch/nn source to check")
    nn = Path(next(iter(spec.submodule_search_locations))) / "nn"
    if not nn.is_dir():
        pytest.skip(f"torch is installed without its nn source folder ({nn})")
    return nn


@pytest.mark.parametrize(
    "parts",
    [
        pytest.param(["functional.py", "utils"], id="functional+utils"),
        pytest.param(["modules"], id="modules", marks=pytest.mark.integration),  # the bulk: about 40 files
    ],
)
def test_cli_over_torch_nn_source_ends_normally(parts: list[str]):
    nn = _torch_nn()
    # Run inside torch/nn with relative paths: named from outside, the folder would sit under
    # site-packages of a `.venv`, and the default exclusions would leave nothing to check.
    proc = run("check", "--isolated", "--no-source", *parts, cwd=nn, timeout=300)
    assert proc.returncode in (0, 1), f"exit {proc.returncode}\n{proc.stderr[-4000:]}"
    assert "internal error" not in proc.stderr, proc.stderr[-4000:]
    assert "Traceback" not in proc.stderr, proc.stderr[-4000:]
    checked = re.search(r"(\d+) files? checked", proc.stdout)
    expected = sum(len(list((nn / part).rglob("*.py"))) if (nn / part).is_dir() else 1 for part in parts)
    assert checked and int(checked.group(1)) == expected, (expected, proc.stdout[-2000:])


# keitabroadwater/gnns_in_action@HEAD chapter_7 Section_7_5 (a notebook), re-typed: two models picked
# by a setting, each trained by its own function; `fit_sparse` is analysed with its model unknown, so
# every model of the file that fits the call is tried, in the order of the module's names
_TWO_MODELS = """\
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch_geometric.nn import SAGEConv


class SparseNet(nn.Module):
    def __init__(self, d_in, d_out):
        super().__init__()
        self.conv = SAGEConv(d_in, d_out)

    def forward(self, x, adj_t):
        return torch.log_softmax(self.conv(x, adj_t), dim=-1)


class DenseNet(nn.Module):
    def __init__(self, d_in, d_out):
        super().__init__()
        self.conv = SAGEConv(d_in, d_out)

    def forward(self, x, edge_index):
        return torch.log_softmax(self.conv(x, edge_index), dim=-1)


def fit_sparse(model, data, optimizer):
    optimizer.zero_grad()
    out = model(data.x, data.adj_t)
    loss = F.cross_entropy(out, data.y)
    loss.backward()
    optimizer.step()
    return loss.item()


def fit_dense(model, data, optimizer):
    optimizer.zero_grad()
    out = model(data.x, data.edge_index)
    loss = F.cross_entropy(out, data.y)
    loss.backward()
    optimizer.step()
    return loss.item()


use_sparse = args.sparse
if use_sparse:
    model = SparseNet(100, 47)
    step = fit_sparse
else:
    model = DenseNet(100, 47)
    step = fit_dense
optimizer = torch.optim.Adam(model.parameters())
for epoch in range(10):
    step(model, data, optimizer)
"""


def test_findings_do_not_depend_on_the_string_hash_seed(tmp_path: Path):
    """Python orders sets of strings by a hash it seeds anew in each process: the module's names,
    joined after an `if`, were ordered by it, and with them which model's log_softmax the message
    names (line 13 or line 22, by the seed)."""
    (tmp_path / "train.py").write_text(_TWO_MODELS)
    outputs = set()
    for seed in range(6):
        env = {**os.environ, "PYTHONHASHSEED": str(seed)}
        r = run("check", "--isolated", "--format", "concise", "train.py", cwd=tmp_path, env=env)
        assert r.returncode == 0 and "LG001" in r.stdout, r.stdout + r.stderr  # (a redundant log_softmax: info)
        outputs.add(r.stdout)
    assert len(outputs) == 1, outputs
    assert "torch.log_softmax at line 13" in outputs.pop()
