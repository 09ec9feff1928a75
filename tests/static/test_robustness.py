"""The real CLI over a large body of real code: torch's own ``nn`` source.

torch's ``nn`` package defines every loss, softmax and reduction the rules reason about, with
every calling convention (``size_average``, ``reduce``, ``*args``, overloads, TorchScript
annotations), so it is a good place for the abstract interpreter to meet shapes it did not
expect. The test asks only that the run ends normally: exit 0 or 1, no internal error.
It reads torch's files as text; it never imports torch.
"""

from __future__ import annotations

import importlib.util
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
