"""lossguard.static.files: which files import a file named on its own (read from import lines)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lossguard.static.files import import_words, imports_any, module_keys

SOURCE = b"""import os, torch.nn as nn
from .utils import loss_fn
from . import losses
from tests.cli_support import (
    run,
    cli as c,
)
def f():
    from lossguard.static import fixer as fx  # indented: still an import
"""


@pytest.mark.parametrize(
    ("named", "imported"),
    [
        ("pkg/utils.py", True),  # from .utils import ...
        ("pkg/losses.py", True),  # from . import losses
        ("lossguard/static/fixer.py", True),
        ("src/lossguard/static/fixer.py", True),  # a src layout
        ("lossguard/static/run.py", False),  # `run` here is tests.cli_support's, not static/run.py
        ("other/fixer.py", False),  # lossguard.static.fixer is not other/fixer.py
        ("tests/cli_support.py", True),
        ("tests/__init__.py", True),  # a package on the way
        ("torch/nn/__init__.py", True),
        ("lossguard/static/report.py", False),
    ],
)
def test_an_import_matches_the_file_it_loads(tmp_path: Path, named: str, imported: bool):
    assert imports_any(import_words(SOURCE), module_keys([tmp_path / named])) is imported
