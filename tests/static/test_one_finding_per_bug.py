"""Where a finding goes when the bad value comes from the caller (engine._reported_once): a loss
wrapper that is not a thin forwarder (a focal loss) reports a bad target it was given inside, at
its own loss call, naming the call it came from; where that call already carries a finding of the
same rule (the caller's criterion is a choice of the wrapper and the plain loss, and the plain
one is found at the call), the inner one is left out: one bug, one finding, at the caller."""

from __future__ import annotations

from pathlib import Path

from lossguard.static.engine import check_files

FOCAL = """
import torch
import torch.nn as nn


class FocalLoss(nn.Module):
    def __init__(self, gamma=2.0):
        super().__init__()
        self.gamma = gamma
        self.bce = nn.BCEWithLogitsLoss(reduction="none")

    def forward(self, logits, target):
        bce = self.bce(logits, target)
        return ((1 - torch.exp(-bce)) ** self.gamma * bce).mean()
"""

TRAIN = """
import torch
import torch.nn as nn
from losses import FocalLoss


def train(model, loader, optimizer, args):
    if args.loss == "focal":
        criterion = FocalLoss()
    else:
        criterion = {plain}
    for x, mask in loader:
        target = mask.long()
        loss = criterion(model(x), target)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
"""


def _found(tmp_path: Path, plain: str) -> set[tuple[str, int, str]]:
    (tmp_path / "losses.py").write_text(FOCAL)
    (tmp_path / "train.py").write_text(TRAIN.replace("{plain}", plain))
    result = check_files([tmp_path / "train.py", tmp_path / "losses.py"])
    return {(Path(f.path).name, f.line, f.code) for f in result.findings}


def test_the_wrapper_finding_is_left_out_where_the_callers_call_reports_the_same_bug(tmp_path: Path) -> None:
    assert _found(tmp_path, "nn.BCEWithLogitsLoss()") == {("train.py", 14, "LG004")}


def test_the_wrapper_finding_stays_where_the_caller_is_not_reported(tmp_path: Path) -> None:
    # the other option takes integer targets: only the wrapper's loss call is wrong
    found = _found(tmp_path, "nn.CrossEntropyLoss()")
    assert found == {("losses.py", 13, "LG004")}
