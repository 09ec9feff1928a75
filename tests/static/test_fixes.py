"""Autofixes as input/output pairs: what --fix (safe) and --unsafe-fixes produce, and that a
second pass changes nothing."""

from __future__ import annotations

import textwrap
from pathlib import Path

import libcst as cst
import pytest

from lossguard.static.fix import fix_files

CASES = [
    pytest.param(
        "LG004",
        """
        import torch
        import torch.nn as nn
        labels = torch.tensor([0, 1, 1, 0])
        loss = nn.BCEWithLogitsLoss()(logits, labels)
        """,
        """
        import torch
        import torch.nn as nn
        labels = torch.tensor([0, 1, 1, 0])
        loss = nn.BCEWithLogitsLoss()(logits, labels.float())
        """,
        False,
        id="LG004-float-target",
    ),
    pytest.param(
        "LG006",
        """
        import torch.nn as nn
        criterion = nn.CrossEntropyLoss()
        total, history = 0.0, []
        for x, y in loader:
            optimizer.zero_grad()
            loss = criterion(model(x), y)
            loss.backward()
            optimizer.step()
            total += loss  # running sum
            history.append(loss)
        """,
        """
        import torch.nn as nn
        criterion = nn.CrossEntropyLoss()
        total, history = 0.0, []
        for x, y in loader:
            optimizer.zero_grad()
            loss = criterion(model(x), y)
            loss.backward()
            optimizer.step()
            total += loss.item()  # running sum
            history.append(loss.detach())
        """,
        False,
        id="LG006-item-and-detach",
    ),
    pytest.param(
        "LG010",
        """
        import torch.nn as nn
        import torch.nn.functional as F
        a = nn.MSELoss(size_average=False)
        b = nn.CrossEntropyLoss(weight=w, reduce=False)
        c = F.l1_loss(x, y, size_average=True, reduce=True)
        d = nn.BCELoss(size_average=False, reduction="mean")
        """,
        """
        import torch.nn as nn
        import torch.nn.functional as F
        a = nn.MSELoss(reduction="sum")
        b = nn.CrossEntropyLoss(weight=w, reduction="none")
        c = F.l1_loss(x, y, reduction="mean")
        d = nn.BCELoss(reduction="sum")
        """,
        False,
        id="LG010-torch-mapping",
    ),
    pytest.param(
        "LG011",
        """
        import torch
        import torch.nn.functional as F
        p = F.softmax(torch.randn(8, 5))
        q = F.log_softmax(torch.randn(2, 3, 4))
        r = F.softmax(unknown)
        """,
        """
        import torch
        import torch.nn.functional as F
        p = F.softmax(torch.randn(8, 5), dim=1)
        q = F.log_softmax(torch.randn(2, 3, 4), dim=0)
        r = F.softmax(unknown)
        """,
        False,
        id="LG011-implicit-dim-when-rank-known",
    ),
    pytest.param(
        "LG016",
        """
        import torch
        import torch.nn.functional as F
        loss = F.binary_cross_entropy(torch.sigmoid(model(x)), y)
        """,
        """
        import torch
        import torch.nn.functional as F
        loss = F.binary_cross_entropy_with_logits(model(x), y)
        """,
        False,
        id="LG016-fused-loss",
    ),
    pytest.param(
        "LG001",
        """
        import torch
        import torch.nn as nn
        loss = nn.CrossEntropyLoss()(torch.softmax(logits, dim=1), y)
        loss2 = nn.CrossEntropyLoss()(logits.log_softmax(-1), y)
        """,
        """
        import torch
        import torch.nn as nn
        loss = nn.CrossEntropyLoss()(logits, y)
        loss2 = nn.CrossEntropyLoss()(logits, y)
        """,
        True,
        id="LG001-unsafe-remove-softmax",
    ),
    pytest.param(
        "LG002",
        """
        import torch.nn as nn
        import torch.nn.functional as F
        head = nn.Linear(64, 1)
        loss = F.binary_cross_entropy(head(h), y, reduction="sum")
        """,
        """
        import torch.nn as nn
        import torch.nn.functional as F
        head = nn.Linear(64, 1)
        loss = F.binary_cross_entropy_with_logits(head(h), y, reduction="sum")
        """,
        True,
        id="LG002-unsafe-functional-with-logits",
    ),
    pytest.param(
        "LG009",
        """
        import torch.nn as nn
        kl = nn.KLDivLoss()
        """,
        """
        import torch.nn as nn
        kl = nn.KLDivLoss(reduction="batchmean")
        """,
        True,
        id="LG009-unsafe-batchmean",
    ),
]


def _fix(tmp_path: Path, source: str, unsafe: bool) -> str:
    path = tmp_path / "train.py"
    path.write_text(source)
    results = fix_files([path], unsafe=unsafe)
    return results[0].fixed if results else source


@pytest.mark.parametrize(("code", "before", "after", "unsafe"), CASES)
def test_fix(tmp_path, code, before, after, unsafe):
    before = textwrap.dedent(before).lstrip()
    after = textwrap.dedent(after).lstrip()
    fixed = _fix(tmp_path, before, unsafe)
    assert fixed == after
    cst.parse_module(fixed)
    assert _fix(tmp_path, fixed, unsafe) == fixed, "a second --fix must change nothing"
    if unsafe:
        assert _fix(tmp_path, before, unsafe=False) == before, "unsafe fixes need --unsafe-fixes"
