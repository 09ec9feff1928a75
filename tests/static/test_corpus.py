"""The checker against our corpus of realistic training code (tests/corpus) and the examples."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from lossguard.static.corpus import score

ROOT = Path(__file__).resolve().parents[2]


#: recall floors above the 0.95 every part keeps: blind2's last miss (a pandas class column made float) is found
#: since round 17 (docs/survey.md); blind's last (the seq2seq decoder a parameter named `decoder` holds) since
#: round 32: 57 / 0 / 0, recall 1.000
RECALL_FLOORS = {"blind2": 1.0, "blind": 1.0}


@pytest.mark.parametrize("part", ["files+projects", "blind", "blind2"])
def test_corpus_has_no_false_alarm_and_high_recall(part):
    """``blind`` was written without reading the checker: it stands in for unseen code."""
    corpus = ROOT / "tests" / "corpus"
    blind = tuple(p.name for p in corpus.iterdir() if p.name.startswith("blind"))  # each blind corpus is gated on its own
    realcode = tuple(p.name for p in corpus.iterdir() if p.name.startswith("realcode"))  # gated below
    s = score(corpus / part) if part in blind else score(corpus, exclude=blind + realcode)
    assert not s.errors
    false_alarms = [m for m in s.mismatches if m.startswith("false alarm")]
    assert false_alarms == []
    assert sum(s.tp.values()) >= 50, "the corpus should exercise every rule"
    assert s.recall() >= RECALL_FLOORS.get(part, 0.95), "\n".join(s.mismatches)


# The real-code corpora (issue 8, tests/corpus/README.md): code taken from real loss bugs and their
# look-alikes. realcode_dev may be tuned on: no new false alarm, and recall never drops below today's
# figure (raise the floor as the engine improves). realcode_heldout must never be tuned on: its
# precision is gated, its recall is only reported (docs/survey.md).
REALCODE_DEV_RECALL_FLOOR = 0.91
REALCODE_DEV_KNOWN_FALSE_ALARMS: set[str] = set()  # false alarms of the survey (docs/survey.md) not fixed yet: none


def _false_alarms(s, corpus: str) -> set[str]:
    return {m.split(f"{corpus}/", 1)[1] for m in s.mismatches if m.startswith("false alarm")}


@functools.cache
def _realcode_dev():  # type: ignore[no-untyped-def]
    """Scored once for the tests below (the corpus does not change during a run)."""
    return score(ROOT / "tests" / "corpus" / "realcode_dev")


def test_realcode_dev_no_new_false_alarm_and_recall_floor():
    s = _realcode_dev()
    assert not s.errors
    assert _false_alarms(s, "realcode_dev") <= REALCODE_DEV_KNOWN_FALSE_ALARMS, "\n".join(s.mismatches)
    assert sum(s.tp.values()) >= 20, "the corpus should exercise the rules"
    assert s.recall() >= REALCODE_DEV_RECALL_FLOOR, "\n".join(s.mismatches)


def test_realcode_dev_precision_is_one():
    assert _realcode_dev().precision() == 1.0


def test_realcode_heldout_precision():
    s = score(ROOT / "tests" / "corpus" / "realcode_heldout")
    assert not s.errors
    assert sum(s.tp.values()) + sum(s.fn.values()) >= 20, "the held-out corpus should hold real bugs"
    assert s.precision() >= 0.95, "\n".join(m for m in s.mismatches if m.startswith("false alarm"))


# Round 3 (tests/corpus/README.md): a second pair taken from sources no earlier corpus used, split at
# random before the checker ran. realcode_dev2 is gated like realcode_dev (floor: today's 0.863, 44 of
# 51 since round 7 added its survey cases; 0.848, 39 of 46, after round 5's shape and dtype cases; 0.903, 47 of 52,
# since round 17 found Faster R-CNN's two hand-written terms); realcode_heldout2 like realcode_heldout (precision
# only; recall in docs/survey.md).
REALCODE_DEV2_RECALL_FLOOR = 0.903


def test_realcode_heldout2_precision():
    s = score(ROOT / "tests" / "corpus" / "realcode_heldout2")
    assert not s.errors
    assert sum(s.tp.values()) + sum(s.fn.values()) >= 20, "the held-out corpus should hold real bugs"
    assert s.precision() >= 0.95, "\n".join(m for m in s.mismatches if m.startswith("false alarm"))


# Round 4, blind (docs/survey.md): realcode_heldout3 was written from sources no earlier corpus or the survey used
# and committed before the checker ran on it; gated like realcode_heldout2 (precision only; recall in docs/survey.md).
# Its one false alarm at the blind measurement (VocGAN's bounded `loss_d_sum += loss_d` inside the discriminator's
# repeat loop, 13/14 = 0.929) was fixed in LG006 afterwards: the floor is the other held-out sets' 0.95.
REALCODE_HELDOUT3_PRECISION_FLOOR = 0.95
REALCODE_HELDOUT3_RECALL_FLOOR = 0.833


def test_realcode_heldout3_precision():
    s = score(ROOT / "tests" / "corpus" / "realcode_heldout3")
    assert not s.errors
    assert sum(s.tp.values()) + sum(s.fn.values()) >= 20, "the held-out corpus should hold real bugs"
    assert s.precision() >= REALCODE_HELDOUT3_PRECISION_FLOOR, "\n".join(m for m in s.mismatches if m.startswith("false alarm"))
    # round 19: FedAvg's two NLLLoss calls on the output of a model chosen by a setting (20 of 24)
    assert s.recall() >= REALCODE_HELDOUT3_RECALL_FLOOR, "\n".join(m for m in s.mismatches if m.startswith("missed"))


# Round 5, blind (docs/survey.md): realcode_heldout4 (31 units, 38 expected findings, 28 repositories no other corpus or
# the survey cites) was committed before the checker ran on it and scored once: 27 found, 0 false alarms, 11 missed
# (precision 1.000, recall 0.711). Gated on precision only, at the measured 1.000 less a small margin. Round 7 was
# allowed to tune on its misses (a newer blind set is being built): no longer a blind figure (docs/survey.md).
REALCODE_HELDOUT4_PRECISION_FLOOR = 0.95
REALCODE_HELDOUT4_RECALL_FLOOR = 0.921


def test_realcode_heldout4_precision():
    s = score(ROOT / "tests" / "corpus" / "realcode_heldout4")
    assert not s.errors
    assert sum(s.tp.values()) + sum(s.fn.values()) >= 35, "the held-out corpus should hold real bugs"
    assert s.precision() >= REALCODE_HELDOUT4_PRECISION_FLOOR, "\n".join(m for m in s.mismatches if m.startswith("false alarm"))
    # round 19: UNet3+'s BCEWithLogitsLoss on the sigmoid networks a setting chooses (34 of 38); round 27: Obj-GAN's
    # softmax steps a nested decode() appends to the decoder's list (35 of 38)
    assert s.recall() >= REALCODE_HELDOUT4_RECALL_FLOOR, "\n".join(m for m in s.mismatches if m.startswith("missed"))


# Round 6, blind (docs/survey.md): realcode_heldout5 (34 units, 34 expected findings, 29 repositories no other corpus or
# the survey cites) was committed before the checker ran on it and scored once: 29 found, 0 false alarms, 5 missed
# (precision 1.000, recall 0.853). It replaces realcode_heldout4 as the blind set; gated on precision only, at the
# measured 1.000 less a small margin; its misses are not to be tuned on until a newer blind set replaces it.
REALCODE_HELDOUT5_PRECISION_FLOOR = 0.95


def test_realcode_heldout5_precision():
    s = score(ROOT / "tests" / "corpus" / "realcode_heldout5")
    assert not s.errors
    assert sum(s.tp.values()) + sum(s.fn.values()) >= 30, "the held-out corpus should hold real bugs"
    assert s.precision() >= REALCODE_HELDOUT5_PRECISION_FLOOR, "\n".join(m for m in s.mismatches if m.startswith("false alarm"))


# Round 8, blind (docs/survey.md): realcode_heldout6 (29 units, 27 expected findings, 22 repositories no other corpus or
# doc cites) was committed before the checker ran on it and scored once: 22 found, 0 false alarms, 5 missed (precision
# 1.000, recall 0.815). It replaces realcode_heldout5 as the blind set; gated on precision only, at the measured 1.000
# less a small margin; its misses are not to be tuned on until a newer blind set replaces it.
REALCODE_HELDOUT6_PRECISION_FLOOR = 0.95


def test_realcode_heldout6_precision():
    s = score(ROOT / "tests" / "corpus" / "realcode_heldout6")
    assert not s.errors
    assert sum(s.tp.values()) + sum(s.fn.values()) >= 25, "the held-out corpus should hold real bugs"
    assert s.precision() >= REALCODE_HELDOUT6_PRECISION_FLOOR, "\n".join(m for m in s.mismatches if m.startswith("false alarm"))


# Round 9, blind (docs/survey.md): realcode_heldout7 (29 units, 23 expected findings, 23 repositories no other corpus or
# doc cites) was committed before the checker ran on it and scored once: 23 found, 0 false alarms, 0 missed (precision
# 1.000, recall 1.000). It replaces realcode_heldout6 as the blind set; gated on precision only, at the measured 1.000
# less a small margin; it is not to be tuned on until a newer blind set replaces it.
REALCODE_HELDOUT7_PRECISION_FLOOR = 0.95


def test_realcode_heldout7_precision():
    s = score(ROOT / "tests" / "corpus" / "realcode_heldout7")
    assert not s.errors
    assert sum(s.tp.values()) + sum(s.fn.values()) >= 20, "the held-out corpus should hold real bugs"
    assert s.precision() >= REALCODE_HELDOUT7_PRECISION_FLOOR, "\n".join(m for m in s.mismatches if m.startswith("false alarm"))


# Round 10, blind (docs/survey.md): realcode_heldout8 (26 units, 23 expected findings, 20 repositories no other corpus or
# doc cites; at most 5 of the findings LG010/LG011, so that it tests value tracking) was committed before the checker
# ran on it and scored once: 12 found, 0 false alarms, 11 missed (precision 1.000, recall 0.522). It replaces
# realcode_heldout7 as the blind set; gated on precision only, at the measured 1.000 less a small margin; its misses are
# not to be tuned on until a newer blind set replaces it.
REALCODE_HELDOUT8_PRECISION_FLOOR = 0.95


def test_realcode_heldout8_precision():
    s = score(ROOT / "tests" / "corpus" / "realcode_heldout8")
    assert not s.errors
    assert sum(s.tp.values()) + sum(s.fn.values()) >= 20, "the held-out corpus should hold real bugs"
    assert s.precision() >= REALCODE_HELDOUT8_PRECISION_FLOOR, "\n".join(m for m in s.mismatches if m.startswith("false alarm"))


# Round 11, blind (docs/survey.md): realcode_heldout9 (26 units, 16 expected findings, 20 repositories no other corpus or
# doc cites; 4 of the findings LG010/LG011, so that it tests value tracking) was committed before the checker ran on it
# and scored once: 12 found, 2 false alarms, 4 missed (precision 0.857, recall 0.750). Opened for tuning in round 12
# (a newer blind set replaces it): its two false alarms (LG006 on learn2learn's summed task loss, which the caller
# differentiates through learner.adapt) and its four misses were closed by mechanisms (docs/survey.md, "Round 12:
# recall on heldout9"); gated at no false alarm and at the 16 expected findings found.
REALCODE_HELDOUT9_FOUND_FLOOR = 16


def test_realcode_heldout9_precision():
    s = score(ROOT / "tests" / "corpus" / "realcode_heldout9")
    assert not s.errors
    assert sum(s.tp.values()) + sum(s.fn.values()) >= 15, "the held-out corpus should hold real bugs"
    false_alarms = [m for m in s.mismatches if m.startswith("false alarm")]
    assert sum(s.fp.values()) == 0, "\n".join(false_alarms)
    assert sum(s.tp.values()) >= REALCODE_HELDOUT9_FOUND_FLOOR, "\n".join(m for m in s.mismatches if m.startswith("missed"))


# Round 12, blind (docs/survey.md): realcode_heldout10 (26 units, 21 expected findings, 22 repositories no other corpus or
# doc cites; 1 of the findings LG010/LG011, so that it tests value tracking; re-typed from the sources) was committed
# before the checker ran on it and scored once: 13 found, 0 false alarms, 8 missed (precision 1.000, recall 0.619). It
# replaced realcode_heldout9 as the blind set. Opened for tuning in round 14 (docs/survey.md, "Round 14: realcode_heldout10
# opened"; realcode_heldout11 is the new blind set): five of its eight misses were closed by mechanisms, 18 of 21 found;
# gated at no false alarm and at that recall (FairBatch's three LG005 are left: two are out of static reach). Round 29
# (recall26, interp/handed_objects.py): the model handed to FairBatch's constructor reaches adjust_lambda's `dp` branch,
# 19 of 21.
REALCODE_HELDOUT10_RECALL_FLOOR = 0.904


def test_realcode_heldout10_precision_and_recall():
    s = score(ROOT / "tests" / "corpus" / "realcode_heldout10")
    assert not s.errors
    assert sum(s.tp.values()) + sum(s.fn.values()) >= 20, "the held-out corpus should hold real bugs"
    false_alarms = [m for m in s.mismatches if m.startswith("false alarm")]
    assert sum(s.fp.values()) == 0, "\n".join(false_alarms)
    assert s.recall() >= REALCODE_HELDOUT10_RECALL_FLOOR, "\n".join(m for m in s.mismatches if m.startswith("missed"))


# Round 14, blind (docs/survey.md): realcode_heldout11 (28 units, 36 expected findings, 22 repositories no other corpus
# or doc cites; 6 of the findings LG010/LG011, so that it tests value tracking; re-typed from the sources) was committed
# before the checker ran on it and scored once: 14 found, 1 false alarm, 22 missed (precision 0.933, recall 0.389).
# Opened for tuning in round 16 (docs/survey.md, "Round 16: realcode_heldout11 opened"): the false alarm (LG006 on a
# loss added into a NumPy array slot, which stores a float) and 14 of the 22 misses were closed by mechanisms, 28 of 36
# found; gated at no false alarm and at that recall (GSCNN, distiller, the tweet LSTM, SpareNet, two of CRU's sums and
# thaw-slump's hand-written option were left). Round 17 (docs/survey.md, "Round 17: opened sets' misses") found the
# tweet LSTM (pandas columns through train_test_split and a DataLoader) and thaw-slump's option (a setting only
# __init__ assigns decides its test): 30 of 36. Round 27 (docs/survey.md, branch recall23): SpareNet's meter, updated
# by the train_step a base class's loop runs (a template method that back-propagates counts as called): 31 of 36.
REALCODE_HELDOUT11_RECALL_FLOOR = 0.861


def test_realcode_heldout11_precision_and_recall():
    s = score(ROOT / "tests" / "corpus" / "realcode_heldout11")
    assert not s.errors
    assert sum(s.tp.values()) + sum(s.fn.values()) >= 35, "the held-out corpus should hold real bugs"
    false_alarms = [m for m in s.mismatches if m.startswith("false alarm")]
    assert sum(s.fp.values()) == 0, "\n".join(false_alarms)
    assert s.recall() >= REALCODE_HELDOUT11_RECALL_FLOOR, "\n".join(m for m in s.mismatches if m.startswith("missed"))


# Round 18, blind (docs/survey.md, "Round 18, blind: realcode_heldout12"): realcode_heldout12 (29 units, 31 expected
# findings, 22 repositories no other corpus or doc cites; 7 of the findings LG010/LG011; re-typed from the sources) was
# committed before the checker ran on it and scored once, on the engine of all of session 10's merges (01640c3): 26
# found, 1 false alarm, 5 missed (precision 0.963, recall 0.839). Opened in round 19 (branch recall17, docs/survey.md
# "Round 19: realcode_heldout12 opened"): its false alarm (SimpleView's `task == 'cls'` branch judged with the model
# made only for 'cls_trans') and three misses fixed by general mechanisms: 28 found, no false alarm (recall 0.903).
# No longer a blind figure.
REALCODE_HELDOUT12_RECALL_FLOOR = 0.903


def test_realcode_heldout12_precision_and_recall():
    s = score(ROOT / "tests" / "corpus" / "realcode_heldout12")
    assert not s.errors
    assert sum(s.tp.values()) + sum(s.fn.values()) >= 30, "the held-out corpus should hold real bugs"
    assert s.precision() == 1.0, "\n".join(m for m in s.mismatches if m.startswith("false alarm"))
    assert s.recall() >= REALCODE_HELDOUT12_RECALL_FLOOR, "\n".join(m for m in s.mismatches if m.startswith("missed"))


# Round 20, blind (docs/survey.md, "Round 20, blind: realcode_heldout13"): realcode_heldout13 (29 units, 32 expected
# findings, 24 repositories no other corpus or doc cited when it was built; 8 of the findings LG010/LG011; re-typed from
# the sources) was committed before the checker ran on it and scored once, on the engine of all of session 11's merges
# (4f974fb): 26 found, no false alarm, 6 missed (precision 1.000, recall 0.812). Opened in round 21 (branch recall18,
# docs/survey.md "Round 21: realcode_heldout13 opened"): its six misses stay out of static reach as the units are cut
# (the InfoGAN's other discriminator's module, the configuration and the driver, the data's shapes are not in them).
REALCODE_HELDOUT13_RECALL_FLOOR = 0.812


def test_realcode_heldout13_precision_and_recall():
    s = score(ROOT / "tests" / "corpus" / "realcode_heldout13")
    assert not s.errors
    assert sum(s.tp.values()) + sum(s.fn.values()) >= 30, "the held-out corpus should hold real bugs"
    assert s.precision() == 1.0, "\n".join(m for m in s.mismatches if m.startswith("false alarm"))
    assert s.recall() >= REALCODE_HELDOUT13_RECALL_FLOOR, "\n".join(m for m in s.mismatches if m.startswith("missed"))


# Round 22, blind (docs/survey.md, "Round 22, blind: realcode_heldout14"): realcode_heldout14 (30 units, 26 expected
# findings, 16 repositories no other corpus or doc cited when it was built, mostly fix commits mined from the history of
# multi-contributor libraries; 2 of the findings LG010/LG011) was committed before the checker ran on it and scored once,
# on the engine of all of session 12's merges (db28592): 13 found, 1 false alarm, 13 missed (precision 0.929, recall
# 0.500). Opened in round 23 (branch recall19, docs/survey.md "Round 23: realcode_heldout14 opened"): 16 found, no false
# alarm, 10 missed (the focal-loss duplicate is gone: one bug, one finding; a BCEWithLogitsLoss subclass's
# super().forward and a MetricCollection's NLL metric are followed). Gated at no false alarm and at that recall.
# Round 24 (branch recall20, docs/survey.md "Round 24: realcode_heldout15 opened"): 17 found, 9 missed (torch-em's
# HoVer-Net loss reads its default BCEWithLogitsLoss; its marker moved to the torch loss call inside the wrapper).
REALCODE_HELDOUT14_RECALL_FLOOR = 0.653


def test_realcode_heldout14_precision_and_recall():
    s = score(ROOT / "tests" / "corpus" / "realcode_heldout14")
    assert not s.errors
    assert sum(s.tp.values()) + sum(s.fn.values()) >= 25, "the held-out corpus should hold real bugs"
    assert s.precision() == 1.0, "\n".join(m for m in s.mismatches if m.startswith("false alarm"))
    assert s.recall() >= REALCODE_HELDOUT14_RECALL_FLOOR, "\n".join(m for m in s.mismatches if m.startswith("missed"))


# Round 23, blind (docs/survey.md, "Round 23, blind: realcode_heldout15"): realcode_heldout15 (29 units, 25 expected
# findings, 22 multi-contributor libraries no other corpus or doc cited when it was built; 6 of the findings
# LG010/LG011) was committed before the checker ran on it and scored once, on the engine of all of session 13's merges
# (7e37053): 14 found, no false alarm, 11 missed (precision 1.000, recall 0.560). Opened in round 24 (branch recall20,
# docs/survey.md "Round 24: realcode_heldout15 opened"): 21 found, no false alarm, 4 missed (recall 0.840). Gated at
# no false alarm and at that recall.
REALCODE_HELDOUT15_RECALL_FLOOR = 0.84


def test_realcode_heldout15_precision_and_recall():
    s = score(ROOT / "tests" / "corpus" / "realcode_heldout15")
    assert not s.errors
    assert sum(s.tp.values()) + sum(s.fn.values()) >= 25, "the held-out corpus should hold real bugs"
    assert s.precision() == 1.0, "\n".join(m for m in s.mismatches if m.startswith("false alarm"))
    assert s.recall() >= REALCODE_HELDOUT15_RECALL_FLOOR, "\n".join(m for m in s.mismatches if m.startswith("missed"))


# Round 24, blind (docs/survey.md, "Round 24, blind: realcode_heldout16"): realcode_heldout16 (26 units, 18 expected
# findings, 19 repositories no other corpus or doc cited when it was built, every unit read at the repository's newest
# commit) was committed before the checker ran on it and scored once, on the engine of all of session 14's merges
# (dc7e09d): 10 found, no false alarm, 8 missed (precision 1.000, recall 0.556). Opened in round 25 (branch recall21,
# docs/survey.md "Round 25: realcode_heldout16 opened"): 15 found, no false alarm, 3 missed (recall 0.833; FuxiCTR's
# DIEN and FinalNet are left: a loss unreduced on one configuration's path only, and a loss named in a YAML config).
# Gated at no false alarm and at that recall. Round 32 (branch survey23): EasyNLP's prompt head also marked LG008 (its
# (1 - p, p) target into KLDivLoss(log_target=True), LM-BFF#45; found since interp/probability_pairs.py): 16 of 19.
REALCODE_HELDOUT16_RECALL_FLOOR = 0.833


def test_realcode_heldout16_precision_and_recall():
    s = score(ROOT / "tests" / "corpus" / "realcode_heldout16")
    assert not s.errors
    assert sum(s.tp.values()) + sum(s.fn.values()) >= 18, "the held-out corpus should hold real bugs"
    assert s.precision() == 1.0, "\n".join(m for m in s.mismatches if m.startswith("false alarm"))
    assert s.recall() >= REALCODE_HELDOUT16_RECALL_FLOOR, "\n".join(m for m in s.mismatches if m.startswith("missed"))


# Round 25, blind (docs/survey.md, "Round 25, blind: realcode_heldout17"): realcode_heldout17 (21 units, 16 expected
# findings, 17 repositories no other corpus or doc cited when it was built, every unit read at the repository's newest
# commit) was committed before the checker ran on it and scored once, on the engine of all of session 15's static
# merges (b7e0a53): 13 found, no false alarm, 3 missed (precision 1.000, recall 0.812). Opened in round 26 (branch
# recall22, docs/survey.md "Round 26: realcode_heldout17 opened"): 16 found, no false alarm, none missed (a batch of
# one squeezed to 0-dim against its (1,) labels for BCE; the last batch's loss kept after the loop). Gated there.
REALCODE_HELDOUT17_RECALL_FLOOR = 1.0


def test_realcode_heldout17_precision_and_recall():
    s = score(ROOT / "tests" / "corpus" / "realcode_heldout17")
    assert not s.errors
    assert sum(s.tp.values()) + sum(s.fn.values()) >= 16, "the held-out corpus should hold real bugs"
    assert s.precision() == 1.0, "\n".join(m for m in s.mismatches if m.startswith("false alarm"))
    assert s.recall() >= REALCODE_HELDOUT17_RECALL_FLOOR, "\n".join(m for m in s.mismatches if m.startswith("missed"))


# Round 26, blind (docs/survey.md, "Round 26: realcode_heldout18, blind"): realcode_heldout18 (24 units, 20 expected
# findings as labelled, 21 repositories no other corpus or doc cited, every unit read at the repository's newest commit)
# was committed before the checker ran on it and scored once, on the engine of all of session 16's static merges
# (fbd53b0): 17 found, 2 false alarms, 3 missed (precision 0.895, recall 0.850). Opened at once: one false alarm was a
# validation call the labels left out (marked), the other LG006's A2C trajectory that a sibling method empties (fixed):
# 18 found, no false alarm, 3 missed (recall 0.857). Then two of the misses: a loss stored into a tensor's slot
# (interp/slot_stores.py) and PyG's VGAE.decode (interp/pyg_autoencoders.py): 20 found, none false, 1 missed; then the
# last, a hand-written network's torch.mm shapes: 21 found, none false, none missed. Gated there.
REALCODE_HELDOUT18_RECALL_FLOOR = 1.0


def test_realcode_heldout18_precision_and_recall():
    s = score(ROOT / "tests" / "corpus" / "realcode_heldout18")
    assert not s.errors
    assert sum(s.tp.values()) + sum(s.fn.values()) >= 21, "the held-out corpus should hold real bugs"
    assert s.precision() == 1.0, "\n".join(m for m in s.mismatches if m.startswith("false alarm"))
    assert s.recall() >= REALCODE_HELDOUT18_RECALL_FLOOR, "\n".join(m for m in s.mismatches if m.startswith("missed"))


# Round 27, blind (tests/corpus/realcode_heldout19/README.md): realcode_heldout19 (24 units, 26 expected findings as
# labelled, 17 repositories no other corpus or doc cited) was committed before the checker ran on it and scored once, on
# the engine of all of session 17's static merges (de892a4): 23 found, 2 false alarms, 3 missed (precision 0.920, recall
# 0.885). Opened at once: both false alarms were the per-epoch means appended to a history, which keep every epoch's
# graphs (a label omission: marked); then a convolution's output rank and torch.FloatTensor(n) as a size, with BCE
# losses reporting any rank difference: 27 found, none false, 1 missed (an ImageFolder batch's rank). Gated there.
# Round 28 (recall24, docs/survey.md): a torchvision pipeline ending in ToTensor() gives images of three axes, so the
# ImageFolder batch has four: 28 found, none false, none missed.
REALCODE_HELDOUT19_RECALL_FLOOR = 1.0


def test_realcode_heldout19_precision_and_recall():
    s = score(ROOT / "tests" / "corpus" / "realcode_heldout19")
    assert not s.errors
    assert sum(s.tp.values()) + sum(s.fn.values()) >= 28, "the held-out corpus should hold real bugs"
    assert s.precision() == 1.0, "\n".join(m for m in s.mismatches if m.startswith("false alarm"))
    assert s.recall() >= REALCODE_HELDOUT19_RECALL_FLOOR, "\n".join(m for m in s.mismatches if m.startswith("missed"))


# Round 28, blind (tests/corpus/realcode_heldout20/README.md): realcode_heldout20 (24 units, 31 expected findings, 21
# repositories no other corpus or doc cited; a third each from loss-bug fix commits' parents, issue threads and published
# scripts) was committed before the checker ran on it and scored once, on the engine of all of session 18's static
# merges (e8bd015): 22 found, no false alarm, 9 missed (precision 1.000, recall 0.710). Gated at that figure. The misses:
# a difference of two sigmoid outputs into BCEWithLogitsLoss (relativistic GAN, 4), loss tensors kept by an epoch meter
# fed from an actor's status dict (2) and by a client helper's sum returned through a server list (2), an (n, 1) critic
# output against a TD target whose rank comes from a replay buffer filled by code the unit does not hold (1). Opened: a
# difference of two sigmoid outputs is reported by LG003 (Act.SIGMOID_DIFFS): 26 found, none false, 5 missed.
REALCODE_HELDOUT20_RECALL_FLOOR = 0.83


def test_realcode_heldout20_precision_and_recall():
    s = score(ROOT / "tests" / "corpus" / "realcode_heldout20")
    assert not s.errors
    assert sum(s.tp.values()) + sum(s.fn.values()) >= 31, "the held-out corpus should hold real bugs"
    assert s.precision() == 1.0, "\n".join(m for m in s.mismatches if m.startswith("false alarm"))
    assert s.recall() >= REALCODE_HELDOUT20_RECALL_FLOOR, "\n".join(m for m in s.mismatches if m.startswith("missed"))


# Round 30, blind (tests/corpus/realcode_heldout21/README.md): realcode_heldout21 (24 units, 23 expected findings, 22
# repositories no other corpus or doc cited; loss-fix commits' parents, issue threads and published scripts) was committed
# by session 19's helper blind21 before the checker ran on it and scored once, at the start of session 20 on main
# 33128793: 20 found, 2 false alarms, 3 missed (precision 0.909, recall 0.870). The false alarms: LG006 on the per-agent
# critic and actor loss lists of xuehy/pytorch-maddpg's update_policy (lists made at each call, one optimizer step per
# agent), mended by rules/_per_network_loop.py: 20 / 0 / 3. The misses: a TD target whose rank comes from a replay
# sample, an outer product with a critic's (N, 1) output (LG005); a ReLU generator's output into BCELoss (LG002); an
# integer class-presence target into BCEWithLogitsLoss built from label maps (LG004). Gated at that figure. Round 30
# (recall27): raw scores through an activation that leaves [0, 1] into BCELoss are LG002 (the MuseGAN generator's ReLU):
# 21 / 0 / 2, recall 0.913.
REALCODE_HELDOUT21_RECALL_FLOOR = 0.91


def test_realcode_heldout21_precision_and_recall():
    s = score(ROOT / "tests" / "corpus" / "realcode_heldout21")
    assert not s.errors
    assert sum(s.tp.values()) + sum(s.fn.values()) >= 23, "the held-out corpus should hold real bugs"
    assert s.precision() == 1.0, "\n".join(m for m in s.mismatches if m.startswith("false alarm"))
    assert s.recall() >= REALCODE_HELDOUT21_RECALL_FLOOR, "\n".join(m for m in s.mismatches if m.startswith("missed"))


# Round 30, blind (tests/corpus/realcode_heldout22/README.md): realcode_heldout22 (24 units, 20 expected findings, 20
# repositories no other corpus or doc cited; loss-fix commits' parents, issue threads, published practice code) was
# committed by session 20's helper blind22 before the checker ran on it and scored once, at the end of session 20 on
# main 05284333: 16 found, 1 false alarm, 4 missed (precision 0.941, recall 0.800); the session's starting engine
# (4971b70) scores the same. The false alarm: LG006 on hanzhanggit/StackGAN-v2's per-discriminator total, started
# again for every batch and summed over a loop that hands each index to a method stepping that discriminator's
# optimizer; mended by rules/_per_network_loop.py: 16 / 0 / 4. The misses: log_softmax into CrossEntropyLoss through a
# trainer's criterion parameter (2), a probe's raw logits into binary_cross_entropy in a Lightning module (1), a float
# column target into CrossEntropyLoss (LG013, 1). Opened: a torchvision model loaded through torch.hub and a store into
# the whole `classifier` of VGG/AlexNet/MobileNet-like families are followed (interp/replaced_heads.py): 18 / 0 / 2.
# Round 31 (recall28): a float target certainly not of the input's shape is class indices to LG013, np.loadtxt reads
# float64, and pytest fixtures fill a test's parameters (a test module with a fixture drives its imports): 20 / 0 / 0.
REALCODE_HELDOUT22_RECALL_FLOOR = 1.0


def test_realcode_heldout22_precision_and_recall():
    s = score(ROOT / "tests" / "corpus" / "realcode_heldout22")
    assert not s.errors
    assert sum(s.tp.values()) + sum(s.fn.values()) >= 20, "the held-out corpus should hold real bugs"
    assert s.precision() == 1.0, "\n".join(m for m in s.mismatches if m.startswith("false alarm"))
    assert s.recall() >= REALCODE_HELDOUT22_RECALL_FLOOR, "\n".join(m for m in s.mismatches if m.startswith("missed"))


# Round 31, blind (tests/corpus/realcode_heldout23/README.md): realcode_heldout23 (25 units, 21 expected findings, 20
# repositories no other corpus or doc cited; loss-fix commits' parents and fixes, issue threads, published code: graph
# networks, RL, speech, recommendation, OCR, video, metric learning) was committed by session 21's helper blind23
# before the checker ran on it and scored once, at the end of session 21 on main 07dc1bdf: 13 found, 0 false alarms,
# 8 missed (precision 1.000, recall 0.619); the session's starting engine (155486f9) scores the same. Opened after the
# score: super().forward(x) of an nn.Sequential subclass and a module stored where a wrapper tests for a list
# (quic/sense's softmax head), which made its fix a false alarm until `del classifier[-1]` was read
# (interp/deleted_layers.py): 14 / 0 / 7. Misses left: two epoch sums of losses whose graph comes from a model or a
# metric object outside the unit (LG006), a KL penalty on stored probabilities (LG008), a PPO-KL branch a default skips
# and a policy's MSE on logits against an action column (LG005), a CTC head paired with its loss by a YAML config
# (LG012). Then LG010 for `size_average=self.<flag>` where every assignment of that attribute writes a flag literal
# (FDU-VTS/CVCode's crowd-counting LossFunction): 15 / 0 / 6. Round 32 (recall29): a name unpacked from a call's
# result and back-propagated under a NaN guard (GaNDLF's `loss, metrics, _ = step(...)`) holds its graph for LG006:
# 16 / 0 / 5 (0.762).
REALCODE_HELDOUT23_RECALL_FLOOR = 0.76


def test_realcode_heldout23_precision_and_recall():
    s = score(ROOT / "tests" / "corpus" / "realcode_heldout23")
    assert not s.errors
    assert sum(s.tp.values()) + sum(s.fn.values()) >= 21, "the held-out corpus should hold real bugs"
    assert s.precision() == 1.0, "\n".join(m for m in s.mismatches if m.startswith("false alarm"))
    assert s.recall() >= REALCODE_HELDOUT23_RECALL_FLOOR, "\n".join(m for m in s.mismatches if m.startswith("missed"))


# Round 33, blind (tests/corpus/realcode_heldout24/README.md): realcode_heldout24 (24 units, 31 expected findings, 21
# repositories no other corpus or doc cited; loss-fix commits' parents and fixes, issue threads, published scripts)
# was committed by session 22's helper blind24 before the checker ran on it and scored at the end of session 23 on
# main c079381a: 21 found, 0 false alarms, 10 missed (precision 1.000, recall 0.677); the session's starting engine
# (422a75d7) scores the same. Misses (four units): a model built by a config-chosen factory outside the unit whose
# 3-tuple output is unpacked (LG001 x4, an ASR trainer); a criterion and a sigmoid module chosen by one dataset test
# and used under another (LG016, LG002, LG004, LG005: a graph network's own loss); a sigmoid in forward reaching
# BCEWithLogitsLoss through a per-student gather helper (LG003); a CTC head of Linear scores (LG012).
REALCODE_HELDOUT24_RECALL_FLOOR = 0.67


def test_realcode_heldout24_precision_and_recall():
    s = score(ROOT / "tests" / "corpus" / "realcode_heldout24")
    assert not s.errors
    assert sum(s.tp.values()) + sum(s.fn.values()) >= 31, "the held-out corpus should hold real bugs"
    assert s.precision() == 1.0, "\n".join(m for m in s.mismatches if m.startswith("false alarm"))
    assert s.recall() >= REALCODE_HELDOUT24_RECALL_FLOOR, "\n".join(m for m in s.mismatches if m.startswith("missed"))


# Round 34, blind (tests/corpus/realcode_heldout25/README.md): realcode_heldout25 (24 units, 23 expected findings, 22
# repositories no other corpus or doc cited; loss-fix commits' parents and fixes, issue threads, published scripts)
# was committed by session 23's helper blind25 before the checker ran on it and scored twice in session 24, at its
# start (7d0a9149) and after every merge (78acdef9), with the same result: 19 found, 1 false alarm, 4 missed
# (precision 0.950, recall 0.826). The false alarm (LG006: a course's accelerate seq2seq whose running sum of the
# micro-batches' losses starts again in the branch that steps the optimizer, a gradient-accumulation window) is fixed
# in rules/_graph_evidence.LoopFacts.resets: 19 / 0 / 4; then a LightningModule handed its network by main() whose
# validation_step and test_step give it to cross_entropy (LG001 x2) found: fit runs validation_step, test runs
# test_step (interp/lightning_fit.py): 21 / 0 / 2. Misses: a segmentation criterion class's BCELoss given
# torch.sigmoid(...) in two branches chosen by flags from a **config mapping (LG016 x2: the subclass of BCELoss itself
# is found). Round 35 (recall33): that criterion, an nn.NLLLoss subclass with a forward of its own, is built and called
# like any module of the checked code (interp/loss_subclasses.py): both LG016 found, 23 / 0 / 0.
REALCODE_HELDOUT25_RECALL_FLOOR = 1.0


def test_realcode_heldout25_precision_and_recall():
    s = score(ROOT / "tests" / "corpus" / "realcode_heldout25")
    assert not s.errors
    assert sum(s.tp.values()) + sum(s.fn.values()) >= 23, "the held-out corpus should hold real bugs"
    assert s.precision() == 1.0, "\n".join(m for m in s.mismatches if m.startswith("false alarm"))
    assert s.recall() >= REALCODE_HELDOUT25_RECALL_FLOOR, "\n".join(m for m in s.mismatches if m.startswith("missed"))


# Round 35, blind (tests/corpus/realcode_heldout26/README.md): realcode_heldout26 (24 units, 27 expected findings, 21
# repositories no other corpus or doc cited; written by session 24's helper blind26 before the checker ran on it) was
# scored twice in session 25, at its start (83c079e6) and after every merge, with the same result: 25 found, 1 false
# alarm, 2 missed (precision 0.962, recall 0.926). The false alarm (LG001): zhuofupan/Pytorch-Deep-Neural-Networks'
# base class picks the loss its model's forward stored on self.loss before it reaches a cross-entropy branch under
# isinstance(self.L, ...), an attribute nothing binds; the engine does not carry the attribute forward() set into the
# next call's test, so it runs the branch with the model's softmax output. The misses: a GAN class whose step() clears
# only the generator while the discriminator's optimizer (an attribute of the network) steps on gradients that pile up
# (LG014), and a discriminator cleared after its step whose stale gradients the generator's backward fills (LG018).
# Gated at what it measured: no false alarm but the known one, recall at least 0.92. Round 36: recall34 found both
# misses (a network's own zero_grad() compared with the steps by the networks each optimizer was built over; the
# iteration read twice for the step of the next one); attrs34 (interp/self_effects.py) removed the false alarm (a call
# on self carries what it certainly stores on self into the caller, and the caller's bindings into the next call, so
# `self.loss is not None` after forward() stored the loss is decided and the cross-entropy branch is not run).
# Merged: 27 found, 0 false alarms, 0 missed; gated at no false alarm at all and recall 1.0.
REALCODE_HELDOUT26_KNOWN_FALSE_ALARMS: set[str] = set()
REALCODE_HELDOUT26_RECALL_FLOOR = 1.0


def test_realcode_heldout26_precision_and_recall():
    s = score(ROOT / "tests" / "corpus" / "realcode_heldout26")
    assert not s.errors
    assert sum(s.tp.values()) + sum(s.fn.values()) >= 27, "the held-out corpus should hold real bugs"
    false_alarms = [m for m in s.mismatches if m.startswith("false alarm")]
    unknown = [m for m in false_alarms if not any(k in m for k in REALCODE_HELDOUT26_KNOWN_FALSE_ALARMS)]
    assert unknown == [], "\n".join(unknown)
    assert s.recall() >= REALCODE_HELDOUT26_RECALL_FLOOR, "\n".join(m for m in s.mismatches if m.startswith("missed"))


# Round 36, blind (tests/corpus/realcode_heldout27/README.md): realcode_heldout27 (24 units, 21 expected findings, 23
# repositories no other corpus or doc cited; written by session 25's helper blind27 before the checker ran on it) was
# scored twice in session 26, at its start (7b7bde9a) and after every helper's merge (5cf1fc21), with the same result:
# 19 found, 0 false alarms, 2 missed (precision 1.000, recall 0.905). The misses: bare statements posted in an issue
# (`loss.backward()`, `optimizer.zero_grad()`, `optimizer.step()` with no loop around them: LG017, found since the
# lead's interp/top_level_steps.py read a file's top level as one step), and a DQN's (N, 1) gathered Q column against
# a TD target whose rewards' shape comes from a base class outside the unit (LG005: the target's last dimension is the
# batch whatever the rewards' rank, a fact the shape model does not keep). Gated at 20 found: no false alarm, recall
# at least 0.95. Round 37 (branch recall35): the DQN's LG005 found (the gathered column has the index's shape, the
# repeated hidden blocks keep theirs, and the TD target broadcast with rewards of unknown shape ends in the batch:
# partial_broadcast.py), 21 / 0 / 0, recall floor 1.0.
REALCODE_HELDOUT27_RECALL_FLOOR = 1.0


def test_realcode_heldout27_precision_and_recall():
    s = score(ROOT / "tests" / "corpus" / "realcode_heldout27")
    assert not s.errors
    assert sum(s.tp.values()) + sum(s.fn.values()) >= 21, "the held-out corpus should hold real bugs"
    assert s.precision() == 1.0, "\n".join(m for m in s.mismatches if m.startswith("false alarm"))
    assert s.recall() >= REALCODE_HELDOUT27_RECALL_FLOOR, "\n".join(m for m in s.mismatches if m.startswith("missed"))


# Round 37, blind (tests/corpus/realcode_heldout28/README.md): realcode_heldout28 (25 units, 18 expected findings, 22
# repositories no other corpus or doc cited; written by session 26's helper blind28 before the checker ran on it) was
# scored twice in session 27, at its start (d9bcb710) and after every helper's merge (ce7acc42), with the same result:
# 15 found, 1 false alarm, 3 missed (precision 0.938, recall 0.833). The false alarm: divelab/MoleculeX's validation
# loss of an output made under no_grad against the batch's field `batch.y`, appended to a list in a function the epoch
# loop calls after training (LG006): silenced at its cause by the lead (a field of the loop's batch is the batch's data,
# interp/torch_calls.py `_input_without_grad`; tests/static/test_batch_attribute_targets.py), 15 / 0 / 3. The misses:
# an attribute predictor's optimizer cleared right before its step while its gradients come from generator phases in
# other methods (LG017 across methods), and two loss tensors of a recommender whose class the unit does not hold
# (`model.cal_loss(...)`'s main term kept in a list, a sampler-scored mask loss summed into a log dict across batches:
# LG006, the values of an unknown model's methods are unknown). Gated at 15 found: no false
# alarm, recall at least 0.83. Round 38 (branch recall36): the predictor's clear right before its only step
# (rules/_cleared_steps.py) and the mask loss, a term the loop adds into the loss it back-propagates
# (rules/_added_terms.py), found: 17 / 0 / 1; the main term kept in a list (a sibling of the back-propagated loss in an
# unknown method's tuple) stays missed. Gated at 17 found.
REALCODE_HELDOUT28_RECALL_FLOOR = 0.94


def test_realcode_heldout28_precision_and_recall():
    s = score(ROOT / "tests" / "corpus" / "realcode_heldout28")
    assert not s.errors
    assert sum(s.tp.values()) + sum(s.fn.values()) >= 18, "the held-out corpus should hold real bugs"
    assert s.precision() == 1.0, "\n".join(m for m in s.mismatches if m.startswith("false alarm"))
    assert s.recall() >= REALCODE_HELDOUT28_RECALL_FLOOR, "\n".join(m for m in s.mismatches if m.startswith("missed"))


# Round 38, blind (tests/corpus/realcode_heldout29/README.md): realcode_heldout29 (24 units, 23 expected findings, 20
# repositories and a forum thread no other corpus or doc cited; written by session 27's blind29 without running the
# checker) scored once by the lead in session 28: 18 found, 0 false alarms, 5 missed (precision 1.000, recall 0.783) at
# the session's start (23104284) and after every merge (30b91605). Then opened and gated: no false alarm, recall at
# least that figure. The misses: LG009 with the reduction an `__init__` parameter its callers pass as "mean"; LG003 x2
# through a static loss method stored on a model of a class chosen by a command-line name; LG007 with the model and `F`
# through two levels of star imports; LG016 with the criterion chosen by a YAML setting (not in the code). Round 39
# (recall39, docs/survey.md): 19 of 23, the LG009 found (the reduction a parameter its caller sets to "mean",
# rules/_passed_reduction.py); read again, the LG003 pair turns on pykg2vec's Importer (cut: found when the script
# builds ConvE itself) and the LG007 on `self.network`, stored by `build_model`, a setter no checked code calls (the
# worker's script is cut), not on the star imports, which resolve.
REALCODE_HELDOUT29_RECALL_FLOOR = 0.82


def test_realcode_heldout29_precision_and_recall():
    s = score(ROOT / "tests" / "corpus" / "realcode_heldout29")
    assert not s.errors
    assert sum(s.tp.values()) + sum(s.fn.values()) >= 23, "the held-out corpus should hold real bugs"
    assert s.precision() == 1.0, "\n".join(m for m in s.mismatches if m.startswith("false alarm"))
    assert s.recall() >= REALCODE_HELDOUT29_RECALL_FLOOR, "\n".join(m for m in s.mismatches if m.startswith("missed"))


# Round 39, blind (tests/corpus/realcode_heldout30/README.md): realcode_heldout30 (25 units, 24 expected findings, 22
# repositories and a forum thread no other corpus or doc cited; written by session 28's blind30 without running the
# checker) scored once by the lead in session 29: 23 found, 0 false alarms, 1 missed (precision 1.000, recall 0.958) at
# the session's start (882e642a) and after every merge. Then opened and gated: no false alarm, recall at least that
# figure. The miss: LG001 on the student's hard head, which reaches the loss as `torch.stack((soft, hard))[1]` of the
# model's output (a constant index into a stack of two activations is not followed).
REALCODE_HELDOUT30_RECALL_FLOOR = 0.95


def test_realcode_heldout30_precision_and_recall():
    s = score(ROOT / "tests" / "corpus" / "realcode_heldout30")
    assert not s.errors
    assert sum(s.tp.values()) + sum(s.fn.values()) >= 24, "the held-out corpus should hold real bugs"
    assert s.precision() == 1.0, "\n".join(m for m in s.mismatches if m.startswith("false alarm"))
    assert s.recall() >= REALCODE_HELDOUT30_RECALL_FLOOR, "\n".join(m for m in s.mismatches if m.startswith("missed"))


# Round 13 (docs/survey.md): realcode_dev3 (11 units, 14 expected findings, repositories no other corpus or doc cited;
# tunable) was committed before the checker ran on it: 8 of 13 found at first (0.615; its 14th marker, the e2e
# evaluation's NLLLoss on softmax outputs, was added when the checker found it), 12 of 14 after round 13's mechanisms.
# Gated like realcode_dev2: no false alarm, recall at today's figure. Round 38 (misses28): 13 of 14, the e2e evaluation's
# running sum found through its thin wrapper `get_cost_nll` (interp/result_sites.py).
REALCODE_DEV3_RECALL_FLOOR = 0.928
# Round 15 (docs/survey.md): realcode_dev4 (20 units, 19 expected findings, code as posted in issue threads and answers;
# tunable) was committed before the checker ran on it: 11 of 19 found at first (0.579), 16 of 19 after round 15's
# mechanisms, 19 of 19 after round 21's (docs/survey.md, "Round 21: realcode_heldout13 opened": devnag's GAN, numbers
# and sizes read off tensors). Gated the same way. Round 34 (threads24) marks question 53628622's log-probabilities into
# BCELoss (the call of the unbound `net` is the pasted `forward`): 20 of 20.
REALCODE_DEV4_RECALL_FLOOR = 1.0
# Round 17 (docs/survey.md, "Round 17: whole repositories before a fix"): realcode_dev5 (units cut from whole repositories
# checked at the commit before a loss-bug fix; tunable): 2 of 4 found before round 17's mechanisms, 3 of 4 after (nequip's
# statistics table is left). Gated the same way.
REALCODE_DEV5_RECALL_FLOOR = 0.75
# Round 19 (docs/survey.md, "Round 19: whole repositories before a fix"): realcode_dev6 (units cut from whole repositories
# checked at the commit before a loss-bug fix, and two of those fixes as look-alikes; tunable): 6 of 10 expected findings
# before round 19's mechanisms, 9 of 10 after (mi-prometheus's loss comes from a problem class built by name). Gated the
# same way.
REALCODE_DEV6_RECALL_FLOOR = 0.9
# Round 21 (docs/survey.md, "Round 21: code from issue threads (branch forum8)"): realcode_dev8 (code posted in issue
# threads and pull requests, and the repository lines they point at; tunable) was committed before the checker ran on it:
# 14 of 20 expected findings on the branch point, 19 of 20 after round 21's mechanisms (Ray's TrainingOperator computes
# the loss itself and is left). Gated the same way.
REALCODE_DEV8_RECALL_FLOOR = 0.95
# Round 21 (docs/survey.md, "Round 21: whole repositories before a fix"): realcode_dev7 (units cut from whole repositories
# checked at the commit before a loss-bug fix, a fix as a look-alike and the look-alike that was a whole repository's false
# alarm; tunable): 16 of 17 expected findings and 4 false alarms before round 21's mechanisms, 17 of 17 and none after.
REALCODE_DEV7_RECALL_FLOOR = 1.0
# Round 23 (docs/survey.md, "Round 23: whole repositories before a fix (branch dev9)"): realcode_dev9 (units cut from whole
# repositories checked at the commit before a loss-bug fix, and two of the fixes as look-alikes; tunable): 7 of 9 expected
# findings on the branch point, 9 of 9 after round 23's mechanism. Gated the same way.
REALCODE_DEV9_RECALL_FLOOR = 1.0
# Round 24 (docs/survey.md, "Round 24: whole repositories before a fix (branch dev10)"): realcode_dev10 (units cut from
# whole repositories checked at the commit before a loss-bug fix, and the three fixes as look-alikes; tunable): 1 of 5
# expected findings on the branch point, 5 of 5 after round 24's mechanisms. Gated the same way.
REALCODE_DEV10_RECALL_FLOOR = 1.0
# Round 24 (docs/survey.md, "Round 24: mutations of real code (branch mut14)"): realcode_mut14 (a bug put into a real
# repository, cut to the constructs between the value and the loss, with the unmutated code as look-alikes; tunable):
# 0 of 6 expected findings on the branch point, 6 of 6 after round 24's mechanisms. Gated the same way.
REALCODE_MUT14_RECALL_FLOOR = 1.0
# Round 25 (docs/survey.md, "Round 25: whole repositories before a fix (branch dev11)"): realcode_dev11 (units cut from
# whole repositories checked at the commit before a loss-bug fix, each fix as a look-alike; tunable): 7 of 7 expected
# findings on the branch point as after (the whole repositories' misses are not single-file cuts). Gated the same way.
REALCODE_DEV11_RECALL_FLOOR = 1.0
# Round 25 (docs/survey.md, "Round 25: mutations of real code (branch mut15)"): realcode_mut15 (the same kind of set, from
# new repositories; tunable): 2 of 6 expected findings on the branch point (two LG011 the real code has), 6 of 6 after
# round 25's mechanisms; 7 of 7 since round 34 (recall32) marked the mutation's sigmoid reaching the CrossEntropyLoss path
# (LG001 now follows sigmoid output into cross-entropy).
REALCODE_MUT15_RECALL_FLOOR = 1.0
# Round 26 (docs/survey.md, "Round 26: a survey of 50 new repositories (branch survey16)"): realcode_dev12s (the survey's
# two false alarms cut from their repositories: a criterion chosen by a setting and called under a test of a setting of the
# same name, and a sum of one step's micro-batches whose optimizer is cleared after its step; tunable): 1 of 1 expected
# finding and 2 false alarms on the branch point, 1 of 1 and none after.
REALCODE_DEV12S_RECALL_FLOOR = 1.0
# Round 26 (docs/survey.md, "Round 26: the lead"): realcode_lead16 (a torchvision segmentation model's "out" into BCELoss,
# mutated from a real repository, and its unmutated look-alike; tunable): 0 of 1 on the branch point, 1 of 1 after.
REALCODE_LEAD16_RECALL_FLOOR = 1.0
# Round 26 (docs/survey.md, "Round 26: mutations of real code (branch mut16)"): realcode_mut16 (the same kind of set, from
# new repositories; tunable): 0 of 6 expected findings on the branch point, 6 of 6 after round 26's mechanisms.
REALCODE_MUT16_RECALL_FLOOR = 1.0
# Round 26 (docs/survey.md, "Round 26: code posted in issue threads (branch issues16)"): realcode_dev13i (training code
# posted in twelve issue threads, or the file a thread points at; tunable): 9 of 10 expected findings on the branch point (a
# Keras 3 torch-backend train_step that never clears .grad missed), 10 of 10 after.
REALCODE_DEV13I_RECALL_FLOOR = 1.0
# Round 27 (docs/survey.md, "Round 27: code posted in issue threads (branch issues17)"): realcode_dev15i (training code
# posted in twenty-two issue and pull-request threads, or the file a thread points at; tunable): 18 of 21 expected findings
# on the branch point (an integer target made by torch.LongTensor(3).random_(2), and a dict of running loss sums rebuilt
# every step, twice, missed), 20 of 21 after (the auxiliary sums over a list of dicts left).
REALCODE_DEV15I_RECALL_FLOOR = 0.952
# Round 27 (docs/survey.md, "Round 27: a survey of 51 new repositories (branch survey17)"): realcode_dev14s (the survey's
# three false alarms cut from their repositories, as look-alikes: a REINFORCE agent's episode loop read as training through
# `env.step(action)` and the agent's own `self.step(...)`, a loss appended to MONAI's CumulativeAverage, a trainer template
# that leaves its step's logic out with `...`; and two of its true findings as positives; tunable): 4 of 4 expected
# findings and 3 false alarms on the branch point, 4 of 4 and none after.
REALCODE_DEV14S_RECALL_FLOOR = 1.0
# Round 27 (docs/survey.md, "Round 27: the old held-out misses (branch recall23)"): realcode_dev14 (a SpareNet fork's
# runner that hands its meter one loss tensor among numbers, through a base class's loop, and the same repository's runner
# that converts both; tunable): 0 of 1 expected finding on the branch point, 1 of 1 after.
REALCODE_DEV14_RECALL_FLOOR = 1.0
# Round 27 (docs/survey.md, "Round 27: loss-bug fix commits from git history (branch fixhist17)"): realcode_fix17 (units
# cut from the parents of loss-bug fix commits found in the git history of uncited repositories, each fix as a look-alike
# where the fix commit is silent; tunable): 38 of 45 expected findings on the branch point (a discriminator the script may
# resume from its own whole-model checkpoint, twice, and an LBFGS closure that never clears the gradients missed), 45 of 45
# after.
REALCODE_FIX17_RECALL_FLOOR = 1.0
# Round 27 (docs/survey.md, "Round 27: mutations of real code (branch mut17)"): realcode_mut17 (the same kind of set, from
# new repositories, with one real bug found unmutated, knoxAI's task-chosen F.binary_cross_entropy; tunable): 3 of 10
# expected findings on the branch point, 10 of 10 after round 27's mechanisms.
REALCODE_MUT17_RECALL_FLOOR = 1.0
# Round 28 (docs/survey.md, "Round 28: mutations of real code (branch mut18)"): realcode_mut18 (the same kind of set, from
# new repositories, with one real bug found unmutated, GTA's train_epoch summing loss tensors; tunable): 3 of 7 expected
# findings on the branch point, 7 of 7 after round 28's mechanisms.
REALCODE_MUT18_RECALL_FLOOR = 1.0
# Round 27 (docs/survey.md, "Round 27: a survey of 44 new repositories (branch survey18)"): realcode_dev16s (four of the
# survey's true findings as positives: a softmax built and applied in a network's return statement before
# CrossEntropyLoss, nn.Softmax() without dim in a conditional expression, reduce= fed from a flag parameter, a
# randint target for BCEWithLogitsLoss; and two look-alikes: an agent's train_step returning loss.item() or None,
# a project's own smooth_l1_loss with a size_average parameter; tunable): 5 of 5 expected findings and no false
# alarm on the branch point and after.
REALCODE_DEV16S_RECALL_FLOOR = 1.0
# Round 28 (lead; tests/corpus/realcode_dev18p/README.md): realcode_dev18p, Python 2.7 files as their repositories wrote
# them (print statements), found in the lead's sweep of every fetched repository: each was "not checked" before
# lossguard/static/python2.py (0/0/3, with errors), and an RPC trainer on distributed autograd an LG014 false alarm; 3 of 3
# and no false alarm after.
REALCODE_DEV18P_RECALL_FLOOR = 1.0
# Round 28 (docs/survey.md, "Round 28: the remaining misses (branch recall24)"): realcode_dev17 (r1Way/DCGAN-PyTorch's
# faces DCGAN with its discriminator's flattening removed, a mutation: the (N, 1, 1, 1) map against (N,) labels in three
# BCELoss calls, the first on ImageFolder images; the unmutated project and AlexiaJM/Deep-learning-with-cats' DCGAN as
# look-alikes; tunable): 0 of 3 expected findings on the branch point, 3 of 3 after round 28's mechanisms.
REALCODE_DEV17_RECALL_FLOOR = 1.0
# Round 28 (docs/survey.md, "Round 28: a survey of 50 new repositories (branch survey19)"): realcode_dev17s (the survey's
# two false alarms as look-alikes: a validation loss taken after a `torch.no_grad()` block from the prediction made in
# it, a back-propagated loss rebound to its `.data[0]` before it is summed; and two of its true findings as positives:
# NLLLoss of a federated client given the raw logits of the model chosen by --dataset, F.sigmoid flattened into
# BCELoss; tunable): 2 of 2 expected findings and 2 false alarms on the branch point, 2 of 2 and none after.
REALCODE_DEV17S_RECALL_FLOOR = 1.0
# Round 28 (docs/survey.md, "Round 28: loss-bug fix commits from git history (branch fixhist18)"): realcode_fix18 (units
# cut from the parents of loss-bug fix commits found in the git history of eleven more uncited repositories, each fix as
# a look-alike where the fix commit is silent; tunable): 27 of 29 expected findings on the branch point (a softmax a
# layer loop applies on its last index only, before CrossEntropyLoss, and reduce='sum' written for the legacy flag,
# missed), 29 of 29 after.
REALCODE_FIX18_RECALL_FLOOR = 1.0
# Round 29 (docs/survey.md, "Round 29: recall on the remaining misses (branch recall25)"): realcode_dev19
# (jasonrichdarmawan/learn-pytorch's copy of the transfer-learning tutorial, its loaders built by dict comprehensions over
# ['train', 'val'], mutated to BCEWithLogitsLoss on the resnet's (N, 2) scores; the unmutated cells as look-alike;
# tunable): 0 of 2 expected findings on the branch point, the LG005 after (the LG004 needs the notebook's
# `torch.accelerator` device read as a string). Round 31 (recall28): `torch.accelerator.current_accelerator()` is a
# device and its `.type` names one, so `.to()` keeps the labels' int64: 2 of 2.
REALCODE_DEV19_RECALL_FLOOR = 1.0
# Round 29 (docs/survey.md, "Round 29: a survey of 50 new repositories (branch survey20)"): realcode_dev19s (the survey's
# two false alarms as look-alikes: a loss dict's "loss" item summed after a loop replaced every item by its .item(), an
# input buffer resized in place through `.data` to the batch's axes before a BCELoss against it; and one true finding as
# a positive: `size_average` set as an attribute of a BCELoss already made; tunable): 1 of 1 expected finding and 2 false
# alarms on the branch point, 1 of 1 and none after.
REALCODE_DEV19S_RECALL_FLOOR = 1.0
# Round 30 (docs/survey.md, "Round 30: a survey of new repositories (branch survey21)"): realcode_dev20s (the survey's
# three false alarms, one mechanism, as a look-alike: a loop that clears on the first batch of each cycle of `k` batches
# under a test on its counter and steps on the last under another; and three true findings as positives: a classifier's
# nn.Softmax head into CrossEntropyLoss through a trainer class, a network's f.softmax output into f.cross_entropy, two
# F.kl_div with reduction="elementwise_mean"; tunable): 6 of 6 expected findings and 1 false alarm on the branch point,
# 6 of 6 and none after.
REALCODE_DEV20S_RECALL_FLOOR = 1.0
# Round 31 (docs/survey.md, "Round 31: a survey of new repositories (branch survey22)"): realcode_dev21s (the survey's
# false alarm as a look-alike: an evaluation loop with no backward summing a decoder's steps over the positions of the
# batch's target, the sum restarted at every batch; and six true findings as positives: running sums of loss tensors in
# a speaker-verification loop, a recommender's own fit method and a helper whose caller only logs the sum, an explicit
# KLDivLoss(reduction='mean'), reduction='elementwise_mean', two nn.Softmax() without dim; and the survey's miss, a
# classification head closed by a softmax under a constructor flag left at its default, into CrossEntropyLoss;
# tunable): 8 of 9 expected findings and 1 false alarm on the branch point, 8 of 9 and none after; 9 of 9 once a
# constructor's literal default left in place decides its branch (lead, round 31).
REALCODE_DEV21S_RECALL_FLOOR = 1.0
# Round 32 (docs/survey.md, "Round 32: a survey of new repositories (branch survey23)"): realcode_dev22s (the survey's
# miss as a positive: a regression label written as the pair torch.stack([1 - p, p]) into KLDivLoss(log_target=True);
# true findings as positives: a pose trainer's AverageMeter summing loss tensors, an integer mask into
# BCEWithLogitsLoss, size_average= and reduce= in detection, density-model and focal losses, softmax and LogSoftmax
# without dim in an attention seq2seq and a VQA trainer; two correct loss paths as look-alikes; tunable): 12 of 13
# expected findings and no false alarm on the branch point, 13 of 13 after.
REALCODE_DEV22S_RECALL_FLOOR = 1.0
# Round 33 (docs/survey.md, "Round 33: 44 unseen repositories, every finding read (branch survey24)"):
# realcode_survey24 (the survey's miss as a positive: a training step's loss kept in a list, in a package whose folder
# holds a setup.py; true findings as positives: zero_grad once per epoch in a time-series pretrainer, validation and
# training sums of loss tensors, size_average= beside reduction='none', reduction='elementwise_mean', LogSoftmax and
# Softmax without dim, log_softmax into cross_entropy; the survey's false alarm, a list of per-head losses
# back-propagated by a later loop, and four correct loss paths as look-alikes; tunable): 13 of 14 expected findings and
# 1 false alarm on the branch point, 14 of 14 and none after.
REALCODE_SURVEY24_RECALL_FLOOR = 1.0
# Round 34 (docs/survey.md, "Round 34: 67 unseen repositories, every finding read (branch survey25)"):
# realcode_survey25 (the survey's miss as a positive: loss terms returned in a list beside their total and summed by
# an epoch meter; true findings as positives: size_average passed positionally with reduce=False to a
# CrossEntropyLoss subclass's constructor, MSELoss(reduce=False), F.softmax without dim in a benchmark and a tutorial
# seq2seq; the survey's false alarm, a learning-rate scheduler named model_optimizer_scheduler, and nine correct loss
# paths as look-alikes; tunable): 4 of 5 expected findings and 1 false alarm on the branch point, 5 of 5 and none after.
REALCODE_SURVEY25_RECALL_FLOOR = 1.0
# Round 35 (docs/survey.md, "Round 35: 78 unseen repositories, every finding read (branch survey26)"):
# realcode_survey26 (true findings as positives: softmax probabilities into cross-entropy in co-teaching+ and PENCIL,
# F.kl_div and KLDivLoss with reduction='mean', reduce=False and size_average=False, softmax without dim, epoch sums of
# loss tensors in two recommenders; the survey's false alarm, deep mutual learning whose KL module detaches the other
# network's outputs, and six correct loss paths as look-alikes; tunable): 24 of 24 expected findings and 1 false alarm
# on the branch point, 24 of 24 and none after.
REALCODE_SURVEY26_RECALL_FLOOR = 1.0
# Round 36 (docs/survey.md, "Round 36: 38 unseen repositories, every finding read (branch survey27)"):
# realcode_survey27 (true findings as positives: reduce=False by keyword after a positional size_average in a vendored
# top-k cross-entropy, CrossEntropyLoss(reduce=False) in a temperature search, F.softmax without dim in a per-class
# test; six correct loss paths as look-alikes, one the crystal graph network made with a flag a setting picks; tunable):
# 3 of 3 expected findings and no false alarm on the branch point and after.
REALCODE_SURVEY27_RECALL_FLOOR = 1.0
# Round 35 (docs/survey.md, "Round 35: real cases of the rarely seen rules (branch rare25)"): realcode_rare25 (real
# cases of the rules the blind sets rarely see, found by pattern scans over the fetched mirrors and read by hand: a
# Fast R-CNN course loop with no zero_grad beside a LogSoftmax without dim, fairseq's emotion-conversion duration
# predictor stepping without zero_grad beside mse_loss(reduce=False); correct loss paths as look-alikes for
# LG002, LG003, LG007, LG008, LG012, LG013, LG014 (clearing in an optimizer wrapper in another file), LG015 and LG018;
# the whole-tree runs' false alarm, a distillation term summed under `if isinstance(kd_loss, float):`, as a look-alike;
# tunable): 4 of 4 expected findings and 1 false alarm on the branch point, 4 of 4 and none after.
REALCODE_RARE25_RECALL_FLOOR = 1.0
# Round 30 (docs/survey.md, "Round 30: a new rule, LG017 (branch rule17)"): realcode_rule17 (a zero_grad() between a
# backward() and the step() of the same optimizer: CycleGAN's one optimizer over both discriminators cleared between
# their backward() calls, and the same loop cleared once as a look-alike; tunable): 1 of 1 expected finding, none false.
REALCODE_RULE17_RECALL_FLOOR = 1.0
# Round 29 (docs/survey.md, "Round 29: mutations of real code (branch mut19)"): realcode_mut19 (the same kind of set, from
# new repositories: a rectifier's output into nll_loss, a step with a back-propagating closure and no clearing, integer
# labels moved to a device chosen by a test under a progress bar, softmax into a CTC wrapper, a configuration's models all
# ending in a sigmoid before BCEWithLogitsLoss, a float action through a tensor helper; tunable): 4 of 7 expected findings
# on the branch point, 7 of 7 after round 29's mechanisms.
REALCODE_MUT19_RECALL_FLOOR = 1.0
# Round 29 (docs/survey.md, "Round 29: loss-bug fix commits from git history (branch fixhist19)"): realcode_fix19 (units
# cut from the parents of loss-bug fix commits found in the git history of thirteen more uncited repositories, each fix
# as a look-alike, and a false alarm of the branch point on a kept repository; tunable): 13 of 18 expected findings and 5
# false alarms on the branch point (NLLLoss of the 2-tuple a setting-dependent forward returns, a boolean BCE target,
# missed; losses of argmax positions and of numbers made a tensor taken as holding a graph), 17 of 18 and none after (a
# softmax written position by position into the scores in place is not followed).
REALCODE_FIX19_RECALL_FLOOR = 0.93
# Round 29 (docs/survey.md, "Round 29: Hugging Face models and Trainer (branch hf20)"): realcode_hf20 (Hugging Face
# sequence classifiers: a Trainer subclass's compute_loss giving BCELoss the logits of the model a reward trainer hands
# it, outputs[0] with labels passed summed into a total, NLLLoss and BCELoss on outputs.logits; each with a look-alike;
# tunable): 0 of 4 expected findings on the branch point, 4 of 4 after.
REALCODE_HF20_RECALL_FLOOR = 1.0
# Round 30 (docs/survey.md, "Round 30: mutations of real code (branch mut20)"): realcode_mut20 (the same kind of set, from
# 21 new repositories: an all-convolutional net's average-pooled ReLU output into a Lightning module's NLLLoss, alone and
# as one of the networks picked by name (the others ending in a Linear layer), float labels made a tensor only when the
# batch has them into NLLLoss, a loss factory's reduction='none' back-propagated by a subclass trainer, a Lightning
# module's BCELoss on a net without its sigmoid, a running total passed into and returned by a train loop; each with its
# look-alike; tunable): 3 of 8 expected findings on the branch point, 8 of 8 after.
REALCODE_MUT20_RECALL_FLOOR = 1.0
# Round 30 (docs/survey.md, "Round 30: loss-bug fix commits from git history (branch fixhist20)"): realcode_fix20 (units
# cut from the parents of loss-bug fix commits in the git history of thirteen more uncited repositories, each fix as a
# look-alike, and a false alarm of the branch point at a fix commit; tunable): 15 of 17 expected findings and 3 false
# alarms on the branch point (a model class picked from a dict numbered by integers, a vendored RAdam stepped without
# clearing, missed; string keys of a loss tensor taken for graph-holding losses), 17 of 17 and none after.
REALCODE_FIX20_RECALL_FLOOR = 1.0
# Round 30 (docs/survey.md, "Round 30: code posted in issue threads (branch threads20)"): realcode_threads20 (code as
# posted in forum threads and issues, kept incomplete: a CIFAR net ending in a dim-less softmax into a default
# KLDivLoss in a loop that never clears the gradients, a posted model without its loss; look-alikes: raw logits into
# CrossEntropyLoss, a loss summed with .item(), CTC on torch.log of probabilities, a Sequential of logits into
# CrossEntropyLoss in a loop that clears every step; tunable): 5 of 5 expected findings
# and no false alarm on the branch point.
REALCODE_THREADS20_RECALL_FLOOR = 1.0
# Round 31 (docs/survey.md, "Round 31: loss-bug fix commits from git history (branch fixhist21)"): realcode_fix21 (units
# cut from the parents of loss-bug fix commits in the git history of sixteen more uncited repositories, each fix as a
# look-alike; tunable): 25 of 26 expected findings and no false alarm on the branch point (an optimizer rebuilt for every
# pair of batches over networks made before the loop, beside a gradient-reversal layer whose name mentions a gradient,
# missed), 26 of 26 after.
REALCODE_FIX21_RECALL_FLOOR = 1.0
# Round 32 (docs/survey.md, "Round 32: code posted in issue threads (branch threads22)"): realcode_threads22 (code as
# posted or quoted in GitHub issue and pull-request threads, kept incomplete: a DiscoGAN discriminator picked by a setting
# whose (N, 1) output meets a label vector, a default-reduction KLDivLoss in a born-again distillation step, a
# pretraining loop in a skill document that never clears the gradients; look-alikes: zero_grad fragments in four
# orders, raw scores into CrossEntropyLoss, the log of normalised probabilities into cross_entropy, per-token logits
# into BCE with logits; tunable): 2 of 4 expected findings and no false alarm on the branch point (the discriminator's
# two options joined as an unknown shape), 4 of 4 after.
REALCODE_THREADS22_RECALL_FLOOR = 1.0
# Round 31 (docs/survey.md, "Round 31: mutations of real code (branch mut21)"): realcode_mut21 (the same kind of set, from
# 21 new repositories: an integer multi-hot target from datasets built by a dict comprehension over a module-level list
# of split names, from a LightningDataModule's setup() into a fitted Lightning module, and a uint8 mask read by
# torchvision.io.read_image, into BCEWithLogitsLoss; a training epoch calling the model's predict() (sigmoid or softmax)
# into BCEWithLogitsLoss; a trainer clearing the gradients between the scaled backward() and the scaler's step; each
# with its look-alike; tunable): 2 of 6 expected findings on the branch point, 6 of 6 after.
REALCODE_MUT21_RECALL_FLOOR = 1.0
# Round 32 (docs/survey.md, "Round 32: loss-bug fix commits from git history (branch fixhist22)"): realcode_fix22 (units
# cut from the parents of loss-bug fix commits in the git history of thirteen more uncited repositories, each fix as a
# look-alike; tunable): 14 of 15 expected findings and no false alarm on the branch point (a regression head's (batch, 1)
# scores against (batch,) float targets built from a list of (src, float(label), seg) tuples, sliced by a generator and
# passed through a training step of another module, missed), 15 of 15 after (interp.generators, tensor_ops.numbers_of).
REALCODE_FIX22_RECALL_FLOOR = 1.0
# Round 33 (docs/survey.md, "Round 33: loss-bug fix commits from git history (branch fixhist23)"): realcode_fix23 (units
# cut from the parents of twelve loss-bug fix commits in the git history of eleven more uncited repositories, each fix as a
# look-alike, and a knowledge-graph training job whose epoch loop calls a method its class leaves to subclasses, each
# override clearing first; tunable): 13 of 14 expected findings and one false alarm on the branch point (a KLDivLoss
# subclass built by super().__init__() at the default reduction, missed; that job's LG014), 14 of 14 and none after
# (interp.loss_subclasses.parent_loss_init, rules._abstract_calls).
REALCODE_FIX23_RECALL_FLOOR = 1.0
# Round 34 (docs/survey.md, "Round 34: loss-bug fix commits from git history (branch fixhist24)"): realcode_fix24 (units
# cut from the parents of seven loss-bug fix commits in the git history of six more uncited repositories, each fix as a
# look-alike, and a graph trainer's epoch error summed under no_grad; tunable): 5 of 7 expected findings and one false
# alarm on the branch point (an accumulation undone by a clear under the step's own test, and a VQGAN trainer asserting
# its wrapper's class, missed; the no_grad sum's LG006), 7 of 7 and none after (rules._guarded_clears,
# interp.asserted_classes, arithmetic under no_grad in interp.expressions).
REALCODE_FIX24_RECALL_FLOOR = 1.0
# Round 35 (docs/survey.md, "Round 35: loss-bug fix commits from git history (branch fixhist25)"): realcode_fix25 (units
# cut from the parents of loss-bug fix commits in the git history of uncited repositories, course exercises' student
# commits among them, each fix as a look-alike; tunable): every expected finding but the accumulation thrown away by a
# clear at every iteration found on the branch point, all after (rules._every_iteration_clears), no false alarm.
REALCODE_FIX25_RECALL_FLOOR = 1.0
# Round 36 (docs/survey.md, "Round 36: loss-bug fix commits from git history (branch fixhist26)"): realcode_fix26 (units
# cut from the parents of eight loss-bug fixes in uncited repositories, each fix as a look-alike, and two false
# alarms read in mined histories as look-alikes; tunable): 9 of 9 expected findings and two false alarms on the branch
# point (a criterion called under a test of its class it fails, an optimizer dict cleared through its values and
# stepped by key), 9 of 9 and none after (interp.class_tests, rules._container_clears, _per_network_loop.picked_by_loop).
REALCODE_FIX26_RECALL_FLOOR = 1.0
# Round 37 (docs/survey.md, "Round 37: loss-bug fix commits from git history (branch fixhist27)"): realcode_fix27 (units
# cut from the parents of loss-bug fixes in uncited repositories, each fix as a look-alike, and false alarms read in the
# mined histories and HEAD trees as look-alikes; tunable): on the branch point two of the fixes missed (a loss stored at
# a counter's key, a script's caller that only prints) and two false alarms (an ema_pytorch copy's outputs, a loop
# over one-item lists); all found and none after (interp.keyed_stores, rules._module_callers, _caller_use,
# interp.ema_copies, rules._single_pass_loops).
REALCODE_FIX27_RECALL_FLOOR = 1.0
# Round 38 (docs/survey.md, "Round 38: loss-bug fix commits from git history (branch fixhist28)"): realcode_fix28 (units
# cut from the parents of loss-bug fixes in uncited repositories, each fix as a look-alike, and false alarms read in the
# mined histories and HEAD trees as look-alikes; tunable): on the branch point the three fixes found and two false alarms
# (an optimizer wrapper's own zero_grad beside a step of the optimizer it holds, one optimizer stored under two names by
# a base class and its subclass); all found and none after (rules._holder_clears, rules._aliased_optimizers,
# interp.self_classes).
REALCODE_FIX28_RECALL_FLOOR = 1.0
# Round 39 (docs/survey.md, "Round 39: loss-bug fix commits from git history (branch fixhist29)"): realcode_fix29 (units
# cut from the parents of loss-bug fixes in uncited repositories, each fix as a look-alike or, where a true finding
# stays, a positive of it; a false alarm read on a mined HEAD as a look-alike; tunable): on the branch point 11 of 15
# found and one false alarm (the four misses: a PATE-GAN's teacher critics indexed by a loop count, `teachers[i]` of
# `teachers = [critic for _ in range(n)]`; the false alarm: `torch.normal(0, 1, (n, 2))` read as three sizes); all
# found and none after (interp.list_items, tensor_ops._normal_shape).
REALCODE_FIX29_RECALL_FLOOR = 1.0
# Round 33 (docs/survey.md, "Round 33: code posted in Q&A threads (branch threads23)"): realcode_threads23 (code shown on
# Q&A pages, forum threads, guides and blog posts, kept incomplete: the PyTorch FAQ's `total_loss += loss[0]` with its
# criterion and model defined nowhere, a tutorial keeping each loss whose copy divided by a named constant it
# back-propagates, a guide's torch.randn scores into NLLLoss; look-alikes: loss code the threads found right, wrong
# calls left as comments, a loss class called with tensors; tunable): 4 of 7 expected findings and no false alarm on
# the branch point, 7 of 7 after.
REALCODE_THREADS23_RECALL_FLOOR = 1.0
# Round 34 (docs/survey.md, "Round 34: code posted in Q&A threads and pages (branch threads24)"): realcode_threads24 (code
# shown on Q&A pages, forum threads, a Chinese blog, a guide, an exercise and an issue's trainer, kept incomplete: a
# one-hot integer target into CrossEntropyLoss, nn.LogSoftmax() without dim; look-alikes: loops whose criterion and
# model the post never shows, argmax before the loss, targets outside [0, 1] or the classes, `...` arguments; tunable):
# 2 of 2 expected findings and no false alarm on the branch point and after.
REALCODE_THREADS24_RECALL_FLOOR = 1.0
# Round 39 (docs/survey.md, "Round 39: code posted in issue threads, as posted (branch threads29)"): realcode_threads29
# (code quoted in issue threads, a pull request's review and a repository's notebook page, kept as posted: one-line
# fragments under a UserWarning, inline code from prose, names bound nowhere, lines posted indented; F.softmax /
# log_softmax / nn.LogSoftmax() without dim, KLDivLoss and F.kl_div without reduction, size_average, integer labels
# into BCEWithLogitsLoss; look-alikes: a documented signature, criteria the lines never show, a fix line, a CRF loop;
# tunable): 9 of 10 expected findings and no false alarm on the branch point (4 files not checked: indented as
# posted), 10 of 10 after (pasted.parse_as_pasted).
REALCODE_THREADS29_RECALL_FLOOR = 1.0
# Round 32 (docs/survey.md, "Round 32: mutations of real code (branch mut22)"): realcode_mut22 (the same kind of set, from
# 23 new repositories: a trainer clearing the gradients after clipping them, before the step; int64 labels batched by a
# collate_fn of the checked code (zip(*batch) and torch.stack, or a loop and torch.tensor) into BCEWithLogitsLoss; a
# softmax network reached through `from models import *` of a package whose __all__ names its submodules; float class
# labels from a csv column's tolist() made a FloatTensor; an int64 target through index_select, split, a literal flag's
# branch and enumerate(zip(...)); each with its look-alike; tunable): 0 of 6 expected findings on the branch point, 6 of
# 6 after.
REALCODE_MUT22_RECALL_FLOOR = 1.0
# Round 33 (docs/survey.md, "Round 33: LG018, an optimizer stepping on another network's gradients (branch rule18)"):
# realcode_rule18 (the parents of four fix commits of an optimizer cleared only after its own step while another
# network's loss reached its parameters, and a Softmax GAN loop with the bug, as positives; the fixes and six correct
# GAN, VQGAN, CycleGAN, VAE-GAN and actor-critic updates as look-alikes; tunable): 4 of 5 expected findings, none false
# (MAGVIT-v2's trainer, whose model optimizer is built over an overridden parameters(), missed). Round 36 (recall34):
# FewRel's unit holds a second marker (the discriminator's step in the next iteration, on the encoder's flipped-label
# gradients left after its clear: the fix's second line), found with the iteration read twice: 5 of 6.
REALCODE_RULE18_RECALL_FLOOR = 0.83
# Round 34 (docs/survey.md, "Round 34: mutations of real code (branch mut24)"): realcode_mut24 (a metric-learning trainer
# clearing between backward() and the step with its optimizer a parameter defaulting to None; a segmentation head's list
# of maps made log-probabilities item by item before NLLLoss, one item left raw; a DeepFM whose forward ends in a
# sigmoid trained with BCEWithLogitsLoss (the repository's own bug); each with its look-alike; tunable): 2 of 3 expected
# findings and 3 false alarms on main 7d0a9149, 3 of 3 and none after.
REALCODE_MUT24_RECALL_FLOOR = 1.0
# Round 35 (docs/survey.md, "Round 35: mutations of real code (branch mut25)"): realcode_mut25 (a multi-task detector's
# epoch totals summed key by key from a loss dict whose "total" item is back-propagated, the repository's own bug; a
# LightningModule appending the loss it returns as the dict's "loss" item; a pix2pix step clearing
# self.optimizers()[GEN] between backward() and its step(); an SSD head's softmax into a MultiBox loss; a CRNN's
# softmax into a CTC wrapper; each with its look-alike; tunable): 2 of 5 expected findings on main 83c079e6, 5 of 5 after.
REALCODE_MUT25_RECALL_FLOOR = 1.0
# Round 36 (docs/survey.md, "Round 36: mutations of real code (branch mut26)"): realcode_mut26 (a VQ-VAE's criterion
# picked from a dict of two unreduced losses by the configuration's string; a distillation trainer shared by several
# scripts whose branch for one experiment's name is not another script's call, main's false alarm on the unmutated
# tree; a metric tracker's pandas total and an AverageMeter outside no_grad keeping the loss; a DQN module's
# zero_grad() between backward() and step(); int64 labels from a tensor helper's default into BCELoss; a probabilistic
# U-Net's combiner sigmoid into BCEWithLogitsLoss; each with its look-alike; tunable): 6 of 7 expected findings and 2
# false alarms on main 7b7bde9a, 7 of 7 and none after.
REALCODE_MUT26_RECALL_FLOOR = 1.0
# Round 38 (docs/survey.md, "Round 38: mutations of real code (branch mut28)"): realcode_mut28 (a segmentation loop's
# AverageMeter given the loss and reset only when printing; a two-phase loop summing the loss into a total whose average
# reuses the loss's name; the same segmentation loop clearing before the step under its
# accumulation test, a scheduler stepped between; an AnoGAN loop clearing after a helper that ends in backward(); a PPO
# network clearing before a method that logs the gradient norm; a self-training GCN gathering its rows from its softmax
# forward; a Trainer.compute_loss casting labels to float; a conditional GAN's discriminator never cleared; each with
# its look-alike; tunable): 3 of 8 expected findings on main 23104284, 8 of 8 after.
REALCODE_MUT28_RECALL_FLOOR = 1.0
# Round 39 (docs/survey.md, "Round 39: mutations of real code (branch mut29)"): realcode_mut29 (a CenterNet loss head's
# dict of criteria filled in __init__ and read by the loop's key under `if head == "hm":`, a clamped sigmoid into a focal
# loss built on BCEWithLogitsLoss, unmutated; a DQN update clearing before its gradient-clamping loop; a multi-task BERT
# loop's sigmoid into the logits loss and per-task totals of tensors; a CRNN distillation's softmax into NLLLoss; a CRNN's
# raw output into CTCLoss; a StarGAN generator cleared after its backward; each with its look-alike; tunable): 5 of 7
# expected findings on main 882e642a, 7 of 7 after.
REALCODE_MUT29_RECALL_FLOOR = 1.0
# Round 34 (docs/survey.md, "Round 34: ... (branch recall32)"): realcode_recall32 (opendataval's classifier mixin, a
# module class with no forward whose fit and grad call self.__call__(x) and pick F.binary_cross_entropy or
# F.cross_entropy by a conditional expression, inherited by a logistic regression ending in a sigmoid; the regression
# mixin and MLP as a look-alike; an InfoGAN discriminator whose categorical head ends in a sigmoid, into
# CrossEntropyLoss; tunable): 0 of 5 expected findings on the branch point, 5 of 5 after.
REALCODE_RECALL32_RECALL_FLOOR = 1.0
# Round 35 (docs/survey.md, "Round 35: ... (branch recall33)"): realcode_recall33 (super-gradients' ShelfNet loss, a
# CrossEntropyLoss subclass whose own forward gives torch.sigmoid(...) to the BCELoss its __init__ keeps; d2l-zh's masked
# cross-entropy subclass called by its seq2seq loop as a look-alike; tunable): 0 of 1 expected finding on main 83c079e6,
# 1 of 1 after (interp/loss_subclasses.py).
REALCODE_RECALL33_RECALL_FLOOR = 1.0
# Round 37 (docs/survey.md, "Round 37: a TD target's shape where the rewards' is not known (branch recall35)"):
# realcode_recall35 (a double-DQN agent built from **vars(opt), its buffer's (B, 1) columns sampled by rows, the
# gathered Q-values squeezed against a TD target times a discount of unknown kind; the repository's own column as the
# look-alike; tunable): 0 of 1 expected findings on main d9bcb710, 1 of 1 after.
REALCODE_RECALL35_RECALL_FLOOR = 1.0
# Round 39 (docs/survey.md, "Round 39: a helper's own optimizer, a held-out prediction remade under no_grad, 37 fresh repositories (branch prec29)"): realcode_prec29 (a unittest that builds a model per
# checkpoint and hands it to a helper whose local optimizer steps once, CarperAI/trlx; a script's held-out loss of a
# prediction remade under no_grad, stored into a tensor's slot, dtgfdgfgf/Pytorch_Practice; each with a positive from the
# same code; tunable): 2 of 2 expected findings and 3 false alarms on main 882e642a, 2 of 2 and none after.
REALCODE_PREC29_RECALL_FLOOR = 1.0


@pytest.mark.parametrize(
    ("folder", "floor"),
    [
        ("realcode_dev2", REALCODE_DEV2_RECALL_FLOOR),
        ("realcode_dev3", REALCODE_DEV3_RECALL_FLOOR),
        ("realcode_dev4", REALCODE_DEV4_RECALL_FLOOR),
        ("realcode_dev5", REALCODE_DEV5_RECALL_FLOOR),
        ("realcode_dev6", REALCODE_DEV6_RECALL_FLOOR),
        ("realcode_dev8", REALCODE_DEV8_RECALL_FLOOR),
        ("realcode_dev7", REALCODE_DEV7_RECALL_FLOOR),
        ("realcode_dev9", REALCODE_DEV9_RECALL_FLOOR),
        ("realcode_dev10", REALCODE_DEV10_RECALL_FLOOR),
        ("realcode_mut14", REALCODE_MUT14_RECALL_FLOOR),
        ("realcode_dev11", REALCODE_DEV11_RECALL_FLOOR),
        ("realcode_mut15", REALCODE_MUT15_RECALL_FLOOR),
        ("realcode_dev12s", REALCODE_DEV12S_RECALL_FLOOR),
        ("realcode_lead16", REALCODE_LEAD16_RECALL_FLOOR),
        ("realcode_mut16", REALCODE_MUT16_RECALL_FLOOR),
        ("realcode_dev13i", REALCODE_DEV13I_RECALL_FLOOR),
        ("realcode_dev15i", REALCODE_DEV15I_RECALL_FLOOR),
        ("realcode_dev14s", REALCODE_DEV14S_RECALL_FLOOR),
        ("realcode_dev14", REALCODE_DEV14_RECALL_FLOOR),
        ("realcode_fix17", REALCODE_FIX17_RECALL_FLOOR),
        ("realcode_mut17", REALCODE_MUT17_RECALL_FLOOR),
        ("realcode_mut18", REALCODE_MUT18_RECALL_FLOOR),
        ("realcode_dev16s", REALCODE_DEV16S_RECALL_FLOOR),
        ("realcode_dev18p", REALCODE_DEV18P_RECALL_FLOOR),
        ("realcode_dev17", REALCODE_DEV17_RECALL_FLOOR),
        ("realcode_dev17s", REALCODE_DEV17S_RECALL_FLOOR),
        ("realcode_fix18", REALCODE_FIX18_RECALL_FLOOR),
        ("realcode_dev19", REALCODE_DEV19_RECALL_FLOOR),
        ("realcode_dev19s", REALCODE_DEV19S_RECALL_FLOOR),
        ("realcode_dev20s", REALCODE_DEV20S_RECALL_FLOOR),
        ("realcode_dev21s", REALCODE_DEV21S_RECALL_FLOOR),
        ("realcode_dev22s", REALCODE_DEV22S_RECALL_FLOOR),
        ("realcode_survey24", REALCODE_SURVEY24_RECALL_FLOOR),
        ("realcode_survey25", REALCODE_SURVEY25_RECALL_FLOOR),
        ("realcode_survey26", REALCODE_SURVEY26_RECALL_FLOOR),
        ("realcode_survey27", REALCODE_SURVEY27_RECALL_FLOOR),
        ("realcode_rare25", REALCODE_RARE25_RECALL_FLOOR),
        ("realcode_rule17", REALCODE_RULE17_RECALL_FLOOR),
        ("realcode_mut19", REALCODE_MUT19_RECALL_FLOOR),
        ("realcode_fix19", REALCODE_FIX19_RECALL_FLOOR),
        ("realcode_hf20", REALCODE_HF20_RECALL_FLOOR),
        ("realcode_mut20", REALCODE_MUT20_RECALL_FLOOR),
        ("realcode_fix20", REALCODE_FIX20_RECALL_FLOOR),
        ("realcode_threads20", REALCODE_THREADS20_RECALL_FLOOR),
        ("realcode_fix21", REALCODE_FIX21_RECALL_FLOOR),
        ("realcode_threads22", REALCODE_THREADS22_RECALL_FLOOR),
        ("realcode_mut21", REALCODE_MUT21_RECALL_FLOOR),
        ("realcode_fix22", REALCODE_FIX22_RECALL_FLOOR),
        ("realcode_fix23", REALCODE_FIX23_RECALL_FLOOR),
        ("realcode_fix24", REALCODE_FIX24_RECALL_FLOOR),
        ("realcode_fix25", REALCODE_FIX25_RECALL_FLOOR),
        ("realcode_fix26", REALCODE_FIX26_RECALL_FLOOR),
        ("realcode_fix27", REALCODE_FIX27_RECALL_FLOOR),
        ("realcode_fix28", REALCODE_FIX28_RECALL_FLOOR),
        ("realcode_fix29", REALCODE_FIX29_RECALL_FLOOR),
        ("realcode_mut22", REALCODE_MUT22_RECALL_FLOOR),
        ("realcode_threads23", REALCODE_THREADS23_RECALL_FLOOR),
        ("realcode_threads24", REALCODE_THREADS24_RECALL_FLOOR),
        ("realcode_threads29", REALCODE_THREADS29_RECALL_FLOOR),
        ("realcode_rule18", REALCODE_RULE18_RECALL_FLOOR),
        ("realcode_mut24", REALCODE_MUT24_RECALL_FLOOR),
        ("realcode_mut25", REALCODE_MUT25_RECALL_FLOOR),
        ("realcode_mut26", REALCODE_MUT26_RECALL_FLOOR),
        ("realcode_mut28", REALCODE_MUT28_RECALL_FLOOR),
        ("realcode_mut29", REALCODE_MUT29_RECALL_FLOOR),
        ("realcode_recall32", REALCODE_RECALL32_RECALL_FLOOR),
        ("realcode_recall33", REALCODE_RECALL33_RECALL_FLOOR),
        ("realcode_recall35", REALCODE_RECALL35_RECALL_FLOOR),
        ("realcode_prec29", REALCODE_PREC29_RECALL_FLOOR),
    ],
)
def test_realcode_dev_sets_precision_and_recall_floor(folder, floor):
    s = score(ROOT / "tests" / "corpus" / folder)
    assert not s.errors
    assert s.precision() == 1.0, "\n".join(s.mismatches)
    assert s.recall() >= floor, "\n".join(s.mismatches)


@pytest.mark.parametrize("folder", sorted(p.name for p in (ROOT / "examples").iterdir() if p.name.startswith("lg")))
def test_example_buggy_and_fixed(folder):
    s = score(ROOT / "examples" / folder)
    assert s.mismatches == []
    assert sum(s.tp.values()) >= 1, "buggy.py must show its finding"
