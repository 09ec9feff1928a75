"""The shared catalog: stable, unique codes, complete pages."""

from __future__ import annotations

import re

import pytest

from lossguard import catalog
from lossguard.catalog import loop_problems, runtime_problems, static_problems

ISSUE_CODES = {
    "LG001": "double-softmax",
    "LG002": "bce-on-logits",
    "LG003": "double-sigmoid",
    "LG004": "integer-bce-target",
    "LG005": "shape-mismatch",
    "LG006": "graph-retention",
    "LG007": "nll-without-log-softmax",
    "LG008": "kldiv-input-not-log",
    "LG009": "kldiv-reduction-mean",
    "LG010": "deprecated-reduction-args",
    "LG011": "softmax-without-dim",
    "LG012": "ctc-input-not-log-probs",
    "LG013": "class-target-dtype",
    "LG014": "missing-zero-grad",
    "LG015": "non-scalar-backward",
    "LG016": "sigmoid-then-bceloss",
    "LG017": "zero-grad-between-backward-and-step",
    "LG018": "step-on-another-networks-gradients",
    "LG101": "nan-loss",
    "LG102": "loss-spike",
    "LG103": "loss-plateau",
    "LG104": "loss-oscillation",
    "LG105": "vanishing-gradients",
    "LG106": "exploding-gradients",
    "LG107": "loss-below-bound",
}


def test_codes_are_the_public_ones_and_unique():
    all_problems = [*static_problems.PROBLEMS, *loop_problems.PROBLEMS, *runtime_problems.PROBLEMS]
    codes = [p.code for p in all_problems]
    names = [p.name for p in all_problems]
    assert len(codes) == len(set(codes))
    assert len(names) == len(set(names))
    assert {p.code: p.name for p in all_problems} == ISSUE_CODES


@pytest.mark.parametrize("code", sorted(ISSUE_CODES))
def test_every_page_is_complete(code):
    p = catalog.PROBLEMS[code]
    for field in ("summary", "why", "fix", "example", "use_instead", "misfires"):
        assert getattr(p, field).strip(), f"{code} has no {field}"
    assert p.severity in ("info", "warning", "error")
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", p.name)
    page = catalog.render_page(p)
    for section in ("## What it finds", "## Why is this bad?", "## Example", "## Use instead", "## The fix", "## When it can misfire"):
        assert section in page


def test_lookup_by_code_or_name():
    assert catalog.get("lg001").name == "double-softmax"
    assert catalog.get("graph-retention").code == "LG006"
    with pytest.raises(KeyError):
        catalog.get("LG999")
