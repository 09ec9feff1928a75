"""Code as it is posted in issue threads and answers, run through the real CLI: what does not parse
is named as not checked (with the reason a copied console session or notebook gives), and every
other file, and every other cell of a notebook, is still checked (round 15, realcode_dev4)."""

from __future__ import annotations

import json
from pathlib import Path

from lossguard.static.sources import pasted_code_hint
from tests.cli_support import cli

# Stack Overflow-style answer: a console session with its prompts and printed results
PROMPTS = """\
>>> criterion = nn.MSELoss(reduction='none')
>>> y = torch.rand(2,1)
>>> y_hat = torch.rand(2,3)
>>> criterion(y_hat, y).shape
(2, 3)
"""
# a Python 2-era post: read as Python 2 (lossguard.static.python2), so checked
PY2 = """\
import torch.nn as nn
criterion = nn.CrossEntropyLoss(size_average=False)
print "loss", criterion
"""
# a question that lost an `=` when it was typed into the post
MISSING_EQUALS = """\
import torch
import torch.nn as nn
model = nn.Linear(1, 3)
for epoch in range(10):
    y_pred model(X)
    loss = nn.MSELoss(Y, y_pred)
"""
# a notebook saved as a script: its shell escape is not Python outside a notebook
SHELL_LINE = """\
!pip install torch
import torch.nn as nn
criterion = nn.KLDivLoss()
"""
GOOD = """\
import torch.nn as nn
criterion = nn.MSELoss(size_average=False)
"""


def _notebook(*cells: str) -> str:
    return json.dumps(
        {
            "cells": [
                {"cell_type": "code", "metadata": {}, "source": c.splitlines(keepends=True), "outputs": [], "execution_count": None} for c in cells
            ],
            "metadata": {},
            "nbformat": 4,
            "nbformat_minor": 5,
        }
    )


def test_posted_snippets_that_do_not_parse_are_named_and_the_rest_is_checked(tmp_path: Path) -> None:
    for name, text in (("prompts.py", PROMPTS), ("py2.py", PY2), ("missing_eq.py", MISSING_EQUALS), ("shell.py", SHELL_LINE), ("good.py", GOOD)):
        (tmp_path / name).write_text(text)
    (tmp_path / "cells.ipynb").write_text(
        _notebook("!pip install torch\n%matplotlib inline\nimport torch.nn as nn\n", "print 'py2'\n", "crit = nn.KLDivLoss()\n")
    )
    r = cli("check", "--isolated", ".", cwd=tmp_path)
    assert r.returncode == 2, r.stdout + r.stderr
    errors = {line.split(": ")[2]: line for line in r.stderr.splitlines() if line.startswith("lossguard: error: ")}
    assert set(errors) == {"missing_eq.py"}, r.stderr
    assert errors["missing_eq.py"].endswith("; the file was not checked"), errors["missing_eq.py"]
    assert "syntax error at line 5" in errors["missing_eq.py"] and "prompt" not in errors["missing_eq.py"]
    # round 39 (realcode_threads29): a console session and a script with a shell line are read as IPython reads a
    # cell (prompts and printed results go, the shell line becomes `pass`); columns point into the text as posted
    assert "prompts.py:4:15: LG005" in r.stdout and "shell.py:3:13: LG009" in r.stdout
    # a notebook's shell and magic lines are read as IPython reads them, its Python 2 cell as Python 2
    assert "good.py:2:13: LG010" in r.stdout and "py2.py:2:13: LG010" in r.stdout
    assert "cells.ipynb:cell 3:1:8: LG009" in r.stdout


def test_the_hint_reads_only_the_line_python_stops_at() -> None:
    assert "`>>>`" in pasted_code_hint(">>> x = 1\n", 1)
    assert "`In [n]:`" in pasted_code_hint("In [3]: loss = crit(out, y)\n", 1)
    assert "`%`" in pasted_code_hint("import torch\n%matplotlib inline\n", 2)
    # a doctest prompt inside a docstring above an unrelated error says nothing
    assert pasted_code_hint('"""\n>>> f(1)\n"""\ndef f(:\n', 4) == ""
    # `In [` that is not a prompt (an index into a list called In)
    assert pasted_code_hint("In [0] + 1\n", 1) == ""


# round 21 (realcode_dev8): a post whose lines lost their indentation (pytorch/pytorch#129561), a paste
# cut off inside a string opened with a typographic quote; and a Python 2-era file mixing tabs and spaces, which
# Python 2 read (a tab to the next multiple of 8 columns) and lossguard now reads the same way (round 28)
FLATTENED = """\
import torch.nn as nn
class CustomCNN(nn.Module):
def init(self):
super(CustomCNN, self).init()
self.fc2 = nn.Linear(512, 10)
"""
CUT_OFF = "import torch\nloss = criterion(outputs, labels)\nprint(f\u2019Epoch [{epoch + 1}/{n\n"
MIXED_TABS = "import torch.nn as nn\nfor x, y in loader:\n        out = model(x)\n\tloss = nn.CrossEntropyLoss()(out, y)\n"


def test_posts_that_lost_their_shape_are_never_reported_as_passing(tmp_path: Path) -> None:
    for name, text in (("flattened.py", FLATTENED), ("cut_off.py", CUT_OFF), ("tabs.py", MIXED_TABS)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    r = cli("check", "--isolated", ".", cwd=tmp_path)
    assert r.returncode == 2, r.stdout + r.stderr
    assert "All checks passed" not in r.stdout and "2 of 3 files could not be checked" in r.stdout, r.stdout
    errors = {line.split(": ")[2]: line for line in r.stderr.splitlines() if line.startswith("lossguard: error: ")}
    assert set(errors) == {"flattened.py", "cut_off.py"}, r.stderr
    assert all(e.endswith("; the file was not checked") for e in errors.values()), r.stderr
    assert "line 3" in errors["flattened.py"] and "expected an indented block" in errors["flattened.py"]
    assert "line 3" in errors["cut_off.py"]


# PeizeSun/SparseR-CNN@0e5028d tools/plain_train_net.py: a merge committed unfinished
CONFLICT = """\
model = DistributedDataParallel(
<<<<<<< HEAD
    model, device_ids=[0], broadcast_buffers=False,
    find_unused_parameters=True
=======
    model, device_ids=[0], broadcast_buffers=False, find_unused_parameters=True
>>>>>>> 7b936afd5b423c3188687d8b529a984bed528a87
)
"""


def test_merge_conflict_markers_are_named_not_taken_for_a_console_prompt(tmp_path: Path) -> None:
    (tmp_path / "train.py").write_text("import torch.nn as nn\n" + CONFLICT)
    r = cli("check", "--isolated", "train.py", cwd=tmp_path)
    assert r.returncode == 2, r.stdout + r.stderr
    assert "git's merge conflict markers from line 3 on" in r.stderr, r.stderr
    assert "prompt" not in r.stderr, r.stderr
    # a line of seven `=` inside a string or a longer rule of `=` is no marker
    assert pasted_code_hint('s = """\n==========\n"""\n>>> x\n', 4).startswith("the line starts with an interactive prompt")


# round 39 (realcode_threads29): what issue threads quote. A line a UserWarning prints (indented by two spaces
# under the warning, lucasjinreal/pytorch_chatbot#4) below a header written at column 0, a fix posted indented
# as a function body (shobrook/sequitur#4), and a console session with what it printed
# (`tensor(..., grad_fn=<...>)` is output, never code)
WARNING_LINE = """\
\"\"\"the line a warning printed\"\"\"
# models.py:109: UserWarning: Implicit dimension choice for log_softmax has been deprecated.
  output = F.log_softmax(self.out(output[0]))
"""
BODY_UNDER_IMPORTS = """\
import torch.nn as nn

    criterion = nn.BCEWithLogitsLoss()
    for x, y in loader:
        # the labels come as int64
        loss = criterion(model(x), y.long())
    print(loss)
"""
INDENTED_FIX = "   criterion = nn.MSELoss(reduction='sum')\n   loss = criterion(out, target)\n"
SESSION = """\
>>> import torch, torch.nn as nn
>>> m = nn.Sigmoid()
>>> out = m(torch.randn(3))
>>> out
tensor([0.5292, 0.6549, 0.5487], grad_fn=<SigmoidBackward0>)
>>> nn.BCEWithLogitsLoss()(out, torch.tensor([1., 0., 1.]))
tensor(0.6931)
"""
# a real indentation error in the middle of a module is still one: the block is read where it is meant
STRAY_INDENT = "import torch.nn.functional as F\ndef f(x):\n    return x\n        y = F.softmax(x, dim=1)\n"


def test_posted_code_is_read_as_ipython_reads_a_cell(tmp_path: Path) -> None:
    for name, text in (
        ("warning.py", WARNING_LINE),
        ("body.py", BODY_UNDER_IMPORTS),
        ("fix.py", INDENTED_FIX),
        ("session.py", SESSION),
        ("stray.py", STRAY_INDENT),
    ):
        (tmp_path / name).write_text(text)
    r = cli("check", "--isolated", ".", cwd=tmp_path)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "could not be checked" not in r.stdout and "lossguard: error" not in r.stderr, r.stdout + r.stderr
    found = sorted(line.split(" [")[0] for line in r.stdout.splitlines() if ": LG0" in line)
    assert found == ["body.py:6:36: LG004", "session.py:6:28: LG003", "warning.py:3:12: LG011"], r.stdout


def test_a_notebook_cell_with_a_pasted_block_is_checked_not_left_out(tmp_path: Path) -> None:
    (tmp_path / "cells.ipynb").write_text(
        _notebook("import torch.nn.functional as F\n", "x = 1\n    out = F.softmax(x)\n    y = 2\n", "z = F.softmax(x, dim=1)\n")
    )
    r = cli("check", "--isolated", "cells.ipynb", cwd=tmp_path)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "could not be checked" not in r.stdout, r.stdout
    found = [line.split(" [")[0] for line in r.stdout.splitlines() if ": LG0" in line]
    assert found == ["cells.ipynb:cell 2:2:11: LG011"], r.stdout
