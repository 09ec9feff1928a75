"""What the watcher imports is declared: the base dependencies or the ``runtime`` extra.

A training run under ``watch()`` (console, JSONL and TensorBoard on) runs in a fresh
interpreter; every third-party distribution it imported, beyond those ``import torch`` itself
pulls in, must be named in pyproject.toml or be a dependency of one that is. numpy gets its own
test because torch imports it whenever it is installed: the run is repeated with numpy made
unimportable, and if the watcher then fails, numpy must be declared. (It was imported by the
detectors and declared nowhere: ``pip install lossguard torch`` then ``watch()`` failed with
ModuleNotFoundError.) A fresh virtual environment without numpy would need torch installed into
it from a package index; hiding numpy from a fresh interpreter gives the same answer offline.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.integration  # fresh interpreters, each importing torch and the whole watcher

_IMPORTED = """
import importlib.metadata as md, json, sys, tempfile
if "--no-numpy" in sys.argv:  # as on a machine where numpy is not installed
    class NoNumpy:
        def find_spec(self, name, path=None, target=None):
            if name == "numpy" or name.startswith("numpy."):
                raise ModuleNotFoundError(f"No module named {name!r}", name=name)
            return None
    sys.meta_path.insert(0, NoNumpy())
def dists():
    owners = md.packages_distributions()
    return {d for m in list(sys.modules) for d in owners.get(m.split(".")[0], ())}
import torch
before = dists()
import torch.nn as nn
import lossguard
d = tempfile.mkdtemp()
net = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 3))
opt = torch.optim.SGD(net.parameters(), lr=0.1)
crit = lossguard.watch(net, nn.CrossEntropyLoss(), log_dir=None if "--no-numpy" in sys.argv else d, jsonl=d + "/e.jsonl", optimizer=opt)
for step in range(40):
    x = torch.randn(16, 8)
    if step == 30:
        x[0, 0] = float("nan")
    opt.zero_grad(); crit(net(x), torch.randint(0, 3, (16,))).backward(); opt.step()
crit.close()
print(json.dumps(sorted(dists() - before)))
"""


def _name(requirement: str) -> str:
    return re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_every_distribution_the_watcher_imports_is_declared(tmp_path):
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = {_name(r) for r in project["dependencies"] + project["optional-dependencies"]["runtime"]}
    assert "numpy" in declared
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    r = subprocess.run([sys.executable, "-c", _IMPORTED], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300, check=False)
    assert r.returncode == 0, r.stderr[-3000:]
    imported = {_name(d) for d in json.loads(r.stdout.strip().splitlines()[-1])} - {"lossguard"}
    assert "rich" in imported and "tensorboard" in imported  # the run did use its outputs
    # a distribution may also come in as a dependency of a declared one (rich -> pygments,
    # tensorboard -> protobuf): follow the installed metadata of the declared ones
    from importlib.metadata import PackageNotFoundError, requires

    from packaging.requirements import Requirement

    reachable = set(declared)
    frontier = list(declared)
    while frontier:
        try:
            reqs = requires(frontier.pop()) or []
        except PackageNotFoundError:  # declared but not installed here (google-crc32c)
            continue
        for text in reqs:
            req = Requirement(text)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                name = _name(req.name)
                if name not in reachable:
                    reachable.add(name)
                    frontier.append(name)
    assert imported <= reachable, sorted(imported - reachable)


def test_numpy_is_declared_if_the_watcher_needs_it(tmp_path):
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = {_name(r) for r in project["dependencies"] + project["optional-dependencies"]["runtime"]}
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    r = subprocess.run(
        [sys.executable, "-c", _IMPORTED, "--no-numpy"], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300, check=False
    )
    needs_numpy = r.returncode != 0
    if needs_numpy:
        assert "No module named 'numpy'" in r.stderr, r.stderr[-3000:]
        assert "numpy" in declared, "the watcher imports numpy: declare it (runtime extra)"
    else:
        assert "numpy" not in json.loads(r.stdout.strip().splitlines()[-1])
