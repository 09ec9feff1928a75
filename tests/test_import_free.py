"""The static side never imports torch, tensorboard or the checked code.

Each test runs a fresh interpreter, so modules imported by other tests (or by pytest
plugins) cannot hide an import that lossguard makes.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

HEAVY = ("torch", "tensorboard", "torch.utils.tensorboard", "numpy")

TRAIN_SCRIPT = '''\
"""A small training script: the checker must read it, never run or import it."""
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

import user_helpers  # a module next to the script; importing it would leave a mark

sys.modules["__lossguard_ran_user_code__"] = sys  # runs only if the file is executed


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(16, 4)

    def forward(self, x):
        return F.softmax(self.fc(x), dim=1)


model = Net()
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for x, y in user_helpers.batches():
    optimizer.zero_grad()
    loss = criterion(model(x), y)
    loss.backward()
    optimizer.step()
'''

HELPERS = """\
import sys

sys.modules["__lossguard_imported_user_helpers__"] = sys


def batches():
    return []
"""


def _run_driver(code: str, cwd: Path) -> dict[str, object]:
    proc = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _project(tmp_path: Path) -> Path:
    (tmp_path / "train.py").write_text(TRAIN_SCRIPT)
    (tmp_path / "user_helpers.py").write_text(HELPERS)
    return tmp_path


def test_importing_lossguard_imports_no_torch(tmp_path):
    result = _run_driver(
        f"""
        import json, sys
        import lossguard, lossguard.cli, lossguard.catalog, lossguard.static.engine
        print(json.dumps({{m: m in sys.modules for m in {HEAVY!r}}}))
        """,
        tmp_path,
    )
    assert not any(result.values()), result


def test_check_run_imports_neither_torch_nor_user_code(tmp_path):
    project = _project(tmp_path)
    result = _run_driver(
        f"""
        import contextlib, io, json, sys
        import lossguard.cli
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            rc = lossguard.cli.main(["check", "--isolated", "--format", "json", "train.py"])
        report = {{m: m in sys.modules for m in {HEAVY!r}}}
        report["user_code_ran"] = "__lossguard_ran_user_code__" in sys.modules
        report["user_helpers_imported"] = "__lossguard_imported_user_helpers__" in sys.modules
        report["rc"] = rc
        report["codes"] = sorted({{f["code"] for f in json.loads(out.getvalue())}})
        print(json.dumps(report))
        """,
        project,
    )
    # The run must really have analysed the file, or the absence of torch proves nothing.
    assert result.pop("rc") == 1 and "LG001" in result.pop("codes"), result
    assert not any(result.values()), result


def test_rules_and_explain_import_no_torch(tmp_path):
    result = _run_driver(
        f"""
        import contextlib, io, json, sys
        import lossguard.cli
        with contextlib.redirect_stdout(io.StringIO()):
            lossguard.cli.main(["rules", "--all"])
            lossguard.cli.main(["explain", "LG001"])
        print(json.dumps({{m: m in sys.modules for m in {HEAVY!r}}}))
        """,
        tmp_path,
    )
    assert not any(result.values()), result


def test_plain_check_leaves_libcst_unimported(tmp_path):
    """The start-up budget (<= 0.35 s) rests on this: a text check of a training script that
    has findings analyses it with ``ast``; libcst (0.34 s to import) loads only for fix text."""
    project = _project(tmp_path)
    (project / "kl.py").write_text("import torch.nn.functional as F\n\nloss = F.kl_div(F.log_softmax(a, dim=1), b)\nloss.backward()\n")
    result = _run_driver(
        """
        import contextlib, io, json, sys
        import lossguard.cli
        with contextlib.redirect_stdout(io.StringIO()):
            rc = lossguard.cli.main(["check", "--isolated", "train.py", "kl.py"])
        after_check = "libcst" in sys.modules
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            lossguard.cli.main(["check", "--isolated", "--format", "json", "kl.py"])
        fixes = [f["autofix"] for f in json.loads(out.getvalue()) if f["autofix"]]
        print(json.dumps({"rc": rc, "after_check": after_check, "after_json": "libcst" in sys.modules, "fixes": fixes}))
        """,
        project,
    )
    assert result["rc"] == 1, result
    assert result["after_check"] is False, result
    # the JSON report carries fix edits: the LG009 call rewrite is rendered (through libcst)
    assert result["after_json"] is True, result
    edits = [e["content"] for fx in result["fixes"] for e in fx["edits"]]
    assert 'F.kl_div(F.log_softmax(a, dim=1), b, reduction="batchmean")' in edits, result
