"""ValueChecks' class counts (the chance level of a class-index loss): what a counted call adds and its entropy."""

import torch
import torch.nn as nn

from lossguard.runtime.collect import Record
from lossguard.runtime.value_checks import ValueChecks


def _reference(counts: torch.Tensor, tgt: torch.Tensor, classes: int, ignore: int) -> tuple[torch.Tensor, float, float]:
    # the counting as written before session 23: the ignore_index compared on every call, bincount sliced
    t = tgt.reshape(-1)
    idx = torch.where((t >= 0) & (t < classes) & (t != ignore), t, classes)
    counts = counts + torch.bincount(idx, minlength=classes + 1)[: classes + 1]
    c = counts[:classes]
    total = c.sum()
    p = c / total.clamp(min=1)
    return counts, (-(p * torch.log(p.clamp(min=1e-30))).sum()).item(), total.item()


def _counted(ignore: int | None, batches: list[torch.Tensor], classes: int = 5) -> None:
    criterion = nn.CrossEntropyLoss() if ignore is None else nn.CrossEntropyLoss(ignore_index=ignore)
    checks = ValueChecks("ce", criterion)
    counts = torch.zeros(classes + 1)
    for tgt in batches:
        rec = Record(0)
        checks._count(rec, torch.zeros(len(tgt), classes), tgt)
        counts, entropy, total = _reference(counts, tgt, classes, -100 if ignore is None else ignore)
        assert torch.equal(checks._counts, counts)
        assert rec.flags["entropy"].item() == entropy and rec.flags["counted"].item() == total


def test_counts_and_entropy_with_the_default_ignore_index():
    g = torch.Generator().manual_seed(0)
    _counted(None, [torch.randint(0, 5, (64,), generator=g) for _ in range(4)])


def test_an_ignore_index_among_the_classes_is_left_out_of_the_counts():
    g = torch.Generator().manual_seed(1)
    batches = [torch.randint(0, 5, (64,), generator=g) for _ in range(4)]
    _counted(2, batches)
    checks = ValueChecks("ce", nn.CrossEntropyLoss(ignore_index=2))
    checks._count(Record(0), torch.zeros(64, 5), batches[0])
    assert checks._counts[2] == 0 and checks._counts[5] == (batches[0] == 2).sum()


def test_targets_outside_the_classes_and_an_ignore_index_past_them_go_to_the_spare_slot():
    tgt = torch.tensor([0, 1, 4, -1, 7, 5, 3, 3, -100])
    _counted(None, [tgt])
    _counted(7, [tgt])
    _counted(-1, [tgt])
