"""Severity matches harm: what fails `lossguard check` (the real CLI; the exit statuses in a subprocess).

A softmax before CrossEntropyLoss is an error; a log_softmax there is redundant (same loss and
gradients) and reported as info; sigmoid + BCELoss is a numerical-stability suggestion (info).
Info findings are reported but do not fail the run on their own.
"""

from __future__ import annotations

import io
import json
import re
import textwrap
from pathlib import Path

import pytest
import torch
import torch.nn as nn
from rich.console import Console

from lossguard import catalog
from lossguard.runtime.events import make_event
from lossguard.runtime.sinks import ConsoleSink
from lossguard.static.finding import Finding
from lossguard.static.report.text import render
from tests.cli_support import cli, run

LOG_SOFTMAX = textwrap.dedent(
    """
    import torch
    import torch.nn as nn

    model = nn.Linear(20, 5)
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

    for x, y in loader:
        optimizer.zero_grad()
        loss = criterion(torch.log_softmax(model(x), dim=1), y)
        loss.backward()
        optimizer.step()
    """
).lstrip()

SOFTMAX = LOG_SOFTMAX.replace("torch.log_softmax(", "torch.softmax(")

SIGMOID_BCE = textwrap.dedent(
    """
    import torch
    import torch.nn.functional as F

    def step(model, x, y):
        logits = model(x)
        return F.binary_cross_entropy(torch.sigmoid(logits), y)
    """
).lstrip()


def _check(tmp_path: Path, files: dict[str, str], *args: str, process: bool = False):
    """``process``: through a fresh interpreter, for the exit status a shell sees."""
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    proc = (run if process else cli)("check", "--isolated", "--format", "json", *args, *files, cwd=tmp_path)
    return proc.returncode, json.loads(proc.stdout)


def test_log_softmax_into_cross_entropy_is_info_and_does_not_fail(tmp_path):
    rc, findings = _check(tmp_path, {"train.py": LOG_SOFTMAX}, process=True)
    assert [(f["code"], f["severity"], f["line"]) for f in findings] == [("LG001", "info", 10)]
    assert "redundant" in findings[0]["message"]
    assert rc == 0


def test_softmax_into_cross_entropy_is_an_error_and_fails(tmp_path):
    rc, findings = _check(tmp_path, {"train.py": SOFTMAX})
    assert [(f["code"], f["severity"], f["line"]) for f in findings] == [("LG001", "error", 10)]
    assert rc == 1


def test_sigmoid_then_bceloss_is_info_and_does_not_fail(tmp_path):
    rc, findings = _check(tmp_path, {"model.py": SIGMOID_BCE})
    assert [(f["code"], f["severity"]) for f in findings] == [("LG016", "info")]
    assert rc == 0
    assert catalog.get("LG016").severity == "info"


def test_an_info_finding_next_to_an_error_still_fails(tmp_path):
    rc, findings = _check(tmp_path, {"model.py": SIGMOID_BCE, "train.py": SOFTMAX}, process=True)
    assert sorted(f["severity"] for f in findings) == ["error", "info"]
    assert rc == 1
    rc, _ = _check(tmp_path, {"model.py": SIGMOID_BCE, "train.py": SOFTMAX}, "--exit-zero")
    assert rc == 0


def test_sarif_and_text_carry_the_finding_severity(tmp_path):
    (tmp_path / "train.py").write_text(LOG_SOFTMAX, encoding="utf-8")
    sarif = json.loads(cli("check", "--isolated", "--format", "sarif", "train.py", cwd=tmp_path).stdout)
    assert [r["level"] for r in sarif["runs"][0]["results"]] == ["note"]
    github = cli("check", "--isolated", "--format", "github", "train.py", cwd=tmp_path)
    assert github.stdout.startswith("::notice ") and github.returncode == 0


@pytest.mark.parametrize("dim", [1, -1])
def test_log_softmax_over_the_class_axis_is_really_redundant(dim):
    """The fact behind LG001's info severity: CrossEntropyLoss(log_softmax(x)) has the same value
    and gradients as CrossEntropyLoss(x) (log_softmax is idempotent)."""
    torch.manual_seed(0)
    x = torch.randn(16, 5, requires_grad=True)
    y = torch.randint(0, 5, (16,))
    ce = nn.CrossEntropyLoss()
    plain = ce(x, y)
    (g_plain,) = torch.autograd.grad(plain, x)
    twice = ce(torch.log_softmax(x, dim=dim), y)
    (g_twice,) = torch.autograd.grad(twice, x)
    torch.testing.assert_close(twice, plain)
    torch.testing.assert_close(g_twice, g_plain)
    probs = ce(torch.softmax(x, dim=dim), y)  # and softmax is not: the loss changes
    assert not torch.allclose(probs, plain)


def test_lg011_says_what_torch_does_without_dim(tmp_path):
    """torch.softmax(x) raises a TypeError (an error finding); F.softmax(x) and nn.Softmax() warn
    (a warning finding quoting torch's warning). The claims are checked against torch itself."""
    code = textwrap.dedent(
        """
        import torch
        import torch.nn as nn
        import torch.nn.functional as F

        x = torch.randn(4, 10)
        a = torch.softmax(x)
        b = F.softmax(x)
        c = nn.LogSoftmax()
        """
    ).lstrip()
    rc, findings = _check(tmp_path, {"m.py": code})
    by_line = {f["line"]: f for f in findings}
    assert sorted(by_line) == [6, 7, 8] and {f["code"] for f in findings} == {"LG011"} and rc == 1
    assert by_line[6]["severity"] == "error" and "raises TypeError" in by_line[6]["message"]
    assert by_line[7]["severity"] == "warning" and by_line[8]["severity"] == "warning"

    x = torch.randn(4, 10)
    with pytest.raises(TypeError, match="dim"):
        torch.softmax(x)  # type: ignore[call-arg]
    for line, call in ((7, lambda: torch.nn.functional.softmax(x)), (8, lambda: nn.LogSoftmax()(x))):
        with pytest.warns(UserWarning) as record:
            call()
        quoted = by_line[line]["message"].split('"')[1]
        assert any(quoted in str(w.message) for w in record), (quoted, [str(w.message) for w in record])


@pytest.mark.parametrize("severity", catalog.SEVERITIES)
def test_the_checker_and_the_watcher_colour_a_severity_alike(severity):
    """The checker's report and the watcher's console alerts print a code in the colour of its
    severity, catalog.SEVERITY_STYLES (they had a table each, and colours that differed)."""

    def console() -> Console:
        return Console(file=io.StringIO(), force_terminal=True, color_system="standard", width=200)

    report = console()
    render(report, [Finding("train.py", 3, 1, 3, 9, "LG001", "double-softmax", severity, "message", "fix")], 1, show_source=False)
    alerts = console()
    ConsoleSink(alerts).emit(make_event("LG101", 7, "message", severity=severity))
    checker = re.search(r"(\x1b\[[0-9;]*m)LG001", report.file.getvalue())
    watcher = re.search(r"(\x1b\[[0-9;]*m)lossguard LG101", alerts.file.getvalue())
    assert checker is not None and watcher is not None
    assert checker.group(1) == watcher.group(1)
    assert severity in catalog.SEVERITY_STYLES
