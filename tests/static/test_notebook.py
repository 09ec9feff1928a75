"""lossguard.static.notebook: IPython's transforms, cell positions as data, in-place writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lossguard.static import notebook
from tests.cli_support import run


def _nb(*sources: object, indent: int | None = 1) -> str:
    cells = [{"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [], "source": s} for s in sources]
    return json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": cells}, indent=indent)


def test_ipython_transforms():
    lines, removed = notebook.python_lines("    x = 1\n    %time y = 2\n    z?\n    w = !ls\n  v = 3")
    assert lines == ["x = 1", "pass", "pass", "pass", "  v = 3"]
    assert removed == [4, 4, 4, 4, 0]
    assert notebook.python_lines("%%bash\nls\n\necho")[0] == ["pass", "pass", "", "pass"]
    assert notebook.python_lines("%%time\nx = 1")[0] == ["pass", "x = 1"]


def test_a_bad_cell_is_left_out_and_located_by_data():
    book = notebook.parse(_nb("import torch\n", ["def f(:\n", "    pass"], "x = torch.zeros(1)"))
    assert [(e.cell, e.line) for e in book.errors] == [(2, 1)]
    assert book.source.splitlines()[1:3] == ["", ""]
    assert book.locate(4) == (3, 1) and book.describe(4) == "cell 3, line 1"


@pytest.mark.parametrize(
    "text, why",
    [
        (_nb(["x\n", 3]), "must be a string or a list of strings"),
        (_nb({"a": 1}), "must be a string or a list of strings"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ("{", "JSON error"),
        ("[]", "no list of cells"),
    ],
)
def test_hostile_json(text: str, why: str):
    with pytest.raises(notebook.NotebookError, match=why):
        notebook.parse(text)


@pytest.mark.parametrize("indent", [None, 1, 2, 4])
def test_write_fixed_touches_only_the_changed_cell(tmp_path: Path, indent: int | None):
    text = _nb(["import torch\n", "x = 1\n"], "total += loss", indent=indent)
    path = tmp_path / "nb.ipynb"
    path.write_text(text)
    book = notebook.read(path)
    assert notebook.write_fixed(path, book, book.source.replace("total += loss", "total += loss.item()"))
    assert path.read_text() == text.replace('"total += loss"', '"total += loss.item()"')


def test_write_fixed_refuses_a_change_in_line_count(tmp_path: Path):
    path = tmp_path / "nb.ipynb"
    path.write_text(_nb("x = 1"))
    book = notebook.read(path)
    assert not notebook.write_fixed(path, book, "x = 1\ny = 2\n")


def test_percent_format_continuation_is_python_not_a_magic():
    # the survey's 72 skipped notebooks (docs/survey.md): `%` starting a line inside brackets,
    # a triple-quoted string or after a backslash continues a logical line; IPython leaves it alone
    cell = 'print("Epoch %d loss %.3f"\n      % (epoch, loss))\ndoc = """\n%not a magic\n"""\ny = 3 \\\n  % 2\n%matplotlib inline\n!echo (\nz = 1'
    lines, _ = notebook.python_lines(cell)
    assert lines == [*cell.splitlines()[:7], "pass", "pass", "z = 1"]
    book = notebook.parse(_nb("import torch\n", cell))
    assert book.errors == ()


def test_a_percent_format_cell_is_checked(tmp_path: Path):
    path = tmp_path / "train.ipynb"
    path.write_text(
        _nb(
            "import torch.nn as nn\ncriterion = nn.CrossEntropyLoss()\n",
            "total = 0\n"
            "for x, y in loader:\n"
            "    optimizer.zero_grad()\n"
            "    loss = criterion(model(x), y)\n"
            "    loss.backward()\n"
            "    optimizer.step()\n"
            "    total += loss\n"
            '    print("loss %.3f"\n'
            "          % loss.item())\n",
        )
    )
    proc = run("check", "--isolated", "--format", "json", str(path), cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert [(f["code"], f["cell"], f["line"]) for f in json.loads(proc.stdout)] == [("LG006", 2, 7)]


def test_magic_continuation_and_automagic():
    # NielsRogge/Transformers-Tutorials (survey): `!python x.py \` continued over several lines, `pip install`
    lines, _ = notebook.python_lines("!python prep.py --data_dir d \\\n    --split train \\\n    --out (x\npip install -q transformers\nx = 1")
    assert lines == ["pass", "", "", "pass", "x = 1"]
    assert notebook.python_lines("pip = 3\npip + 1")[0] == ["pip = 3", "pip + 1"]
    # Atcold/NYU-DLSP20's tensor tutorial: IPython's wildcard search
    assert notebook.python_lines("torch.*Tensor?\nx = a * b")[0] == ["pass", "x = a * b"]


def test_command_lines_where_a_cell_fails_to_parse_are_blanked():
    # IPython's automagic (`cd RNAPro`, `ls data/`, `mkdir -p out`) and shell lines typed without `!`,
    # backslash continuations included; only where the parse fails, one line at a time
    book = notebook.parse(
        _nb("cd RNAPro", "python conv.py --a 1 \\\n  --b 2 \\\n  --c 3\nx = 1", "ls data/\nls = 3\nls -la", "for i in xs:\n    cd out\n    y = i")
    )
    assert book.errors == ()
    assert book.source.splitlines() == ["pass", "pass", "", "", "x = 1", "pass", "ls = 3", "ls -la", "for i in xs:", "    pass", "    y = i"]
    # never a command: Python keywords, a line whose argument starts an operator, a line inside brackets
    for cell, line in [("x = = 1", 1), ("return x y", 1), ("f(a,\n  b c)", 2), ("cd x\nreturn x y", 2)]:
        [error] = notebook.parse(_nb(cell)).errors
        assert error.line == line, cell
    # Python 2's print and raise are read as Python 2 (lossguard.static.python2), not blanked as commands
    book = notebook.parse(_nb('print "x"', "cd x\nraise E, 'm'"))
    assert book.errors == ()
    assert book.source.splitlines() == ['print "x"', "pass", "raise E, 'm'"]


def test_doctest_and_console_prompts_are_stripped():
    # huggingface/notebooks' doc notebooks: code pasted with >>> prompts (IPython's classic_prompt)
    lines, removed = notebook.python_lines(">>> import torch\n>>> for i in range(2):\n...     print(i)")
    assert lines == ["import torch", "for i in range(2):", "    print(i)"] and removed == [4, 4, 4]
    assert notebook.python_lines("In [1]: x = 1\n   ...: y = 2")[0] == ["x = 1", "y = 2"]
    assert notebook.python_lines("x = 1\n>>> y")[0] == ["x = 1", ">>> y"]  # not a pasted session
