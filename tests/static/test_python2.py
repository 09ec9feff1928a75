"""lossguard.static.python2: training code written for Python 2 is checked, with its own line numbers."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from lossguard.static import sources
from lossguard.static.python2 import as_python3

# torch 0.3-era code as it ran under Python 2.7 (print statements, `except E, e`, loss.data[0])
TRAIN = textwrap.dedent(
    """\
    import sys
    import torch.nn as nn
    import torch.nn.functional as F
    from torch.autograd import Variable


    class Net(nn.Module):
        def __init__(self):
            super(Net, self).__init__()
            self.fc = nn.Linear(10, 3)

        def forward(self, x):
            return F.softmax(self.fc(x), dim=1)


    def train(model, loader, optimizer):
        criterion = nn.CrossEntropyLoss()
        total = 0
        for i, (x, y) in enumerate(loader):
            x, y = Variable(x), Variable(y)
            optimizer.zero_grad()
            loss = criterion(model(x), y)
            loss.backward()
            optimizer.step()
            total += loss
            if i % 10 == 0:
                print "step %d loss %.3f" % (i,
                                              loss.data[0])
        print >>sys.stderr, "done", total
        try:
            open("log.txt")
        except IOError, e:
            print e,
        print
        return total
    """
)


def _check(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lossguard", "check", "--isolated", *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_python2_training_file_is_checked_at_its_own_lines(tmp_path: Path):
    (tmp_path / "train.py").write_text(TRAIN)
    run = _check(tmp_path, "--format", "json", "train.py")
    found = json.loads(run.stdout)
    assert [x["kind"] for x in found] == ["finding", "finding"], run.stdout + run.stderr
    assert {(x["code"], x["line"]) for x in found} == {("LG001", 22), ("LG006", 25)}
    assert "not checked" not in run.stdout + run.stderr


def test_python2_file_is_fixed_and_keeps_its_print_statements(tmp_path: Path):
    (tmp_path / "train.py").write_text(TRAIN)
    run = _check(tmp_path, "--fix", "--select", "LG006", "train.py")
    assert run.returncode == 0, run.stdout + run.stderr
    fixed = (tmp_path / "train.py").read_text()
    assert fixed == TRAIN.replace("total += loss\n", "total += loss.item()\n")


@pytest.mark.parametrize(
    "line",
    [
        "print",
        "print x",
        "print x,",
        "print 'a', b % (c, d)",
        "print >>sys.stderr, 'x'",
        "print>>f, x",
        "if x: print x",
        "x = 1; print x; y = 2",
        "print x  # a comment",
        "exec code in namespace",
        "raise ValueError, 'bad value'",
        "n = 10L",
        "mode = 0777",
        "if a <> b: pass",
        "s = `x`",
        "def f(self, (a, b), c): pass",
        "lambda (a, b): a",
    ],
)
def test_python2_statements_are_read(line: str):
    text = f"import torch\n{line}\nloss = criterion(out, y)\n"
    tree = sources.parse(text)
    assert isinstance(tree, ast.Module)
    assert ast.unparse(tree.body[-1]) == "loss = criterion(out, y)" and tree.body[-1].lineno == 3


def test_multi_line_statements_keep_every_line_number():
    text = "try:\n    f(x)\nexcept (IOError, OSError), e:\n    print 'a', \\\n        e\nprint ('b',\n  c)\nz = 1\n"
    tree = sources.parse(text)
    assert [node.lineno for node in tree.body] == [1, 6, 8]
    assert isinstance(tree.body[0].handlers[0].name, str)


@pytest.mark.parametrize(
    "text",
    [
        "print = logger.info\nprint('x')\nprint(x) if y else None\nprint . __doc__\n",  # already Python 3
    ],
)
def test_python3_uses_of_the_name_print_are_untouched(text: str):
    assert ast.dump(sources.parse(text)) == ast.dump(ast.parse(text))


def test_broken_code_still_reports_its_first_error():
    # a Python 2 file that is broken besides: the error named is the original one, at its line
    with pytest.raises(ValueError, match=r"syntax error at line 2, column \d+: Missing parentheses in call to 'print'"):
        sources.parse("import torch\nprint x\nloss = (\n")
    with pytest.raises(ValueError, match="syntax error at line 1"):
        sources.parse("x = = 1\n")
    assert as_python3("def f(:\n", ast.parse) is None


def test_tabs_mixed_with_spaces_are_read_as_python_2_did_at_the_columns_as_written(tmp_path: Path):
    # a tab moves to the next multiple of 8 columns: `\t` and 8 spaces are one indentation level
    text = (
        "import torch.nn as nn\n"
        "def train(model, loader, optimizer):\n"
        "        criterion = nn.CrossEntropyLoss()\n"
        "\ttotal = 0\n"
        "        for x, y in loader:\n"
        "\t    optimizer.zero_grad()\n"
        "            loss = criterion(model(x), y)\n"
        "\t    loss.backward()\n"
        "\t    optimizer.step()\n"
        "\t    total += loss\n"
        "\tprint total\n"
    )
    tree = sources.parse(text)
    accumulate = tree.body[1].body[2].body[-1]
    assert (accumulate.lineno, accumulate.col_offset, accumulate.end_col_offset) == (10, 5, 18)
    (tmp_path / "train.py").write_text(text)
    run = _check(tmp_path, "--format", "json", "train.py")
    assert [(x["code"], x["line"], x["col"]) for x in json.loads(run.stdout)] == [("LG006", 10, 6)], run.stdout + run.stderr
    run = _check(tmp_path, "--fix", "train.py")
    assert (tmp_path / "train.py").read_text() == text.replace("\t    total += loss\n", "\t    total += loss.item()\n")
