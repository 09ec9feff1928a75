"""The engine: suppression comments, unreadable files, cross-file analysis."""

from __future__ import annotations

import textwrap
from pathlib import Path

from lossguard.static.engine import check_files

BUGGY = textwrap.dedent(
    """
    import torch
    import torch.nn as nn

    criterion = nn.CrossEntropyLoss()
    probs = torch.softmax(model(x), dim=1)
    loss = criterion(probs, y){comment}
    """
).lstrip()


def _codes(path: Path) -> list[tuple[int, str]]:
    return [(f.line, f.code) for f in check_files([path]).findings]


def test_finding_has_position_message_and_fix(tmp_path):
    p = tmp_path / "train.py"
    p.write_text(BUGGY.format(comment=""))
    [f] = check_files([p]).findings
    assert (f.code, f.name, f.severity) == ("LG001", "double-softmax", "error")
    assert (f.line, f.col, f.end_line, f.end_col) == (6, 18, 6, 23)
    assert "torch.softmax at line 5" in f.message
    assert f.fix.startswith("Pass the logits")


def test_a_message_names_the_softmax_as_written(tmp_path):
    """Round 26 (proseminar-pytorch-keras's notebook): `torch.softmax` was named `F.softmax`, the function
    it resolves to, which the user does not find in the code; a call written another way keeps its own
    spelling, and a name imported alone is the resolved function."""
    written = {
        "torch.softmax(model(x), dim=1)": "torch.softmax at line 6",
        "F.softmax(model(x), dim=1)": "F.softmax at line 6",
        "torch.nn.functional.softmax(model(x), dim=1)": "F.softmax at line 6",
        "nn.functional.softmax(model(x), dim=1)": "nn.functional.softmax at line 6",
        "softmax(model(x), dim=1)": "F.softmax at line 6",
    }
    for call, expected in written.items():
        p = tmp_path / "train.py"
        p.write_text(
            "import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\nfrom torch.nn.functional import softmax\n\n"
            f"probs = {call}\nloss = nn.CrossEntropyLoss()(probs, y)\n"
        )
        [f] = check_files([p]).findings
        assert f.code == "LG001" and expected in f.message, (call, f.message)


def test_a_class_index_hint_follows_the_target_s_shape(tmp_path):
    """Round 34 (threads24, a Q&A page's one-hot target): integer rows as wide as the input's class axis are one-hot
    rows, whose class index is their argmax (`view(-1)` would make N * C indices); a column of indices is squeezed."""
    hints = {
        "torch.tensor([[0, 1, 0, 0, 0], [0, 0, 0, 1, 0], [1, 0, 0, 0, 0]])": "target.argmax(dim=1)",
        "torch.tensor([[1], [3], [0]])": "target.squeeze(1) or target.view(-1)",
    }
    for target, expected in hints.items():
        p = tmp_path / "train.py"
        p.write_text(f"import torch\nimport torch.nn as nn\n\nscores = torch.randn(3, 5)\nloss = nn.CrossEntropyLoss()(scores, {target})\n")
        [f] = check_files([p]).findings
        assert f.code == "LG005" and expected in f.message, (target, f.message)
        assert ("argmax" in f.message) == (expected == "target.argmax(dim=1)")


def test_inline_suppressions(tmp_path):
    for comment, silenced in [
        ("  # lossguard: ignore[LG001]", True),
        ("  # lossguard: ignore", True),
        ("  # noqa: LG001", True),
        ("  # noqa", True),
        ("  # noqa: E501", False),
        ("  # lossguard: ignore[LG002]", False),
    ]:
        p = tmp_path / "train.py"
        p.write_text(BUGGY.format(comment=comment))
        assert (_codes(p) == []) is silenced, comment


def test_skip_file_comment(tmp_path):
    p = tmp_path / "train.py"
    p.write_text("# lossguard: skip-file\n" + BUGGY.format(comment=""))
    assert _codes(p) == []


def test_unparseable_file_is_reported_and_others_still_checked(tmp_path):
    bad = tmp_path / "broken.py"
    bad.write_text("import torch\ndef f(:\n    pass\nloss.backward()\n")
    good = tmp_path / "train.py"
    good.write_text(BUGGY.format(comment=""))
    binary = tmp_path / "latin1.py"
    binary.write_bytes(b"x = '\xe9'  # backward\n")
    result = check_files([bad, good, binary])
    assert [f.code for f in result.findings] == ["LG001"]
    reasons = {Path(e.path).name: e.reason for e in result.errors}
    assert reasons["broken.py"].startswith("syntax error at line 2")
    assert "not valid UTF-8" in reasons["latin1.py"]


def test_softmax_in_model_file_reaches_loss_in_train_file(tmp_path):
    pkg = tmp_path / "proj"
    (pkg / "models").mkdir(parents=True)
    (pkg / "models" / "__init__.py").write_text("from .net import Net\n")
    (pkg / "models" / "net.py").write_text(
        textwrap.dedent(
            """
            import torch.nn as nn
            import torch.nn.functional as F

            class Net(nn.Module):
                def __init__(self):
                    super().__init__()
                    self.fc = nn.Linear(10, 3)

                def forward(self, x):
                    return F.softmax(self.fc(x), dim=-1)
            """
        )
    )
    train = pkg / "train.py"
    train.write_text(
        textwrap.dedent(
            """
            import torch.nn as nn
            from models import Net

            model = Net()
            loss = nn.CrossEntropyLoss()(model(x), y)
            """
        ).lstrip()
    )
    # only train.py is checked (as pre-commit would pass it); net.py is read for context
    result = check_files([train])
    assert [(f.line, f.code) for f in result.findings] == [(5, "LG001")]
    assert "net.py" not in {Path(f.path).name for f in result.findings}


def test_a_message_names_the_file_of_a_place_in_another_file(tmp_path, monkeypatch):
    """`F.softmax at line 14` read in train.py would point at train.py's line 14: a site in another
    file (the model's module) is named with its file."""
    (tmp_path / "model.py").write_text(
        textwrap.dedent(
            """
            import torch.nn as nn
            import torch.nn.functional as F


            class Net(nn.Module):
                def __init__(self):
                    super().__init__()
                    self.fc = nn.Linear(10, 3)

                def forward(self, x):
                    return F.softmax(self.fc(x), dim=1)
            """
        ).lstrip()
    )
    train = tmp_path / "train.py"
    train.write_text("import torch.nn as nn\nfrom model import Net\n\nloss = nn.CrossEntropyLoss()(Net()(x), y)\n")
    monkeypatch.chdir(tmp_path)
    [f] = check_files([train]).findings
    assert f.code == "LG001"
    assert "(F.softmax at model.py:11)" in f.message
    [same] = check_files([tmp_path / "model.py", train]).findings  # also when both files are checked
    assert "(F.softmax at model.py:11)" in same.message


DRIVEN_MODEL = """\
import torch
import torch.nn as nn


class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(16, 4)

    def forward(self, x):
        return torch.softmax(self.fc(x), dim=1)
"""

DRIVEN_TRAIN = """\
import torch.nn as nn


def fit(net, loader, optimizer):
    criterion = nn.CrossEntropyLoss()
    for x, y in loader:
        optimizer.zero_grad()
        loss = criterion(net(x), y)
        loss.backward()
        optimizer.step()
"""

# no loss and no softmax of its own (the prefilter skips it), but it tells the analysis that
# fit() receives the softmax model: it is analysed after the modules it drives
DRIVER = """\
import torch

import model
import train

if __name__ == "__main__":
    net = model.Classifier()
    train.fit(net, [], torch.optim.SGD(net.parameters(), lr=0.1))
"""


def test_a_finding_moved_through_a_wrapper_in_another_file_names_the_wrapper_with_its_file(tmp_path, monkeypatch):
    """A thin wrapper (``return self.loss_func(logits, y)``) hands its finding to the caller; the
    caller's message says where the wrapper is, and in another file that needs the file's name:
    `(through loss() at line 9)` read in train.py pointed at train.py's line 9."""
    (tmp_path / "losses.py").write_text(
        "import torch.nn as nn\n\n\nclass Wrapper:\n    def __init__(self):\n        self.loss_func = nn.CrossEntropyLoss()\n\n"
        "    def loss(self, logits, y):\n        return self.loss_func(logits, y)\n"
    )
    train = tmp_path / "train.py"
    train.write_text(
        "import torch.nn as nn\nfrom losses import Wrapper\n\nmodel = nn.Sequential(nn.Linear(4, 3), nn.Softmax(dim=1))\n"
        "w = Wrapper()\nloss = w.loss(model(x), y)\n"
    )
    monkeypatch.chdir(tmp_path)
    [f] = check_files([tmp_path / "losses.py", train]).findings
    assert (f.code, Path(f.path).name, f.line) == ("LG001", "train.py", 6)
    assert "(through loss() at losses.py:9)" in f.message, f.message
    # the same wrapper in the caller's own file keeps the short form
    one = tmp_path / "one.py"
    one.write_text(
        (tmp_path / "losses.py").read_text()
        + "\n\nmodel = nn.Sequential(nn.Linear(4, 3), nn.Softmax(dim=1))\nw = Wrapper()\nloss = w.loss(model(x), y)\n"
    )
    [g] = check_files([one]).findings
    assert "(through loss() at line 9)" in g.message, g.message


def test_a_driver_script_is_analysed_in_a_small_and_in_a_batched_run(tmp_path, monkeypatch):
    from lossguard.static import engine

    (tmp_path / "model.py").write_text(DRIVEN_MODEL)
    (tmp_path / "train.py").write_text(DRIVEN_TRAIN)
    (tmp_path / "main.py").write_text(DRIVER)
    small = [tmp_path / n for n in ("main.py", "model.py", "train.py")]
    found = [(Path(f.path).name, f.line, f.code) for f in check_files(small).findings]
    assert found == [("train.py", 8, "LG001")]
    assert check_files(small[1:]).findings == []  # without the driver, fit's net is unknown
    # in batches (the driver's tree is not kept while the batch runs: it is parsed again)
    monkeypatch.setattr(engine, "BATCH_FILES", 4)
    for i in range(6):
        (tmp_path / f"util{i}.py").write_text(f"import torch\n\nSCALE = torch.tensor({i}.0)\n")
    files = sorted(tmp_path.glob("*.py"))  # main, model, train in the first batch of 4
    for jobs in (1, 2):
        found = [(Path(f.path).name, f.line, f.code) for f in check_files(files, jobs=jobs).findings]
        assert found == [("train.py", 8, "LG001")]
