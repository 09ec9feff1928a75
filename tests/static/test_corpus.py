"""The checker against our corpus of realistic training code (tests/corpus) and the examples."""

from __future__ import annotations

from pathlib import Path

import pytest

from lossguard.static.corpus import score

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("part", ["files+projects", "blind", "blind2"])
def test_corpus_has_no_false_alarm_and_high_recall(part):
    """``blind`` was written without reading the checker: it stands in for unseen code."""
    corpus = ROOT / "tests" / "corpus"
    blind = tuple(p.name for p in corpus.iterdir() if p.name.startswith("blind"))  # each blind corpus is gated on its own
    s = score(corpus / part) if part in blind else score(corpus, exclude=blind)
    assert not s.errors
    false_alarms = [m for m in s.mismatches if m.startswith("false alarm")]
    assert false_alarms == []
    assert sum(s.tp.values()) >= 50, "the corpus should exercise every rule"
    assert s.recall() >= 0.95, "\n".join(s.mismatches)


@pytest.mark.parametrize("folder", sorted(p.name for p in (ROOT / "examples").iterdir() if p.name.startswith("lg")))
def test_example_buggy_and_fixed(folder):
    s = score(ROOT / "examples" / folder)
    assert s.mismatches == []
    assert sum(s.tp.values()) >= 1, "buggy.py must show its finding"
