"""lossguard.static.testing: ``# expect:`` markers are read on the lines the checker reports."""

from __future__ import annotations

from pathlib import Path

from lossguard.static.testing import expected_findings, project_findings

# A form feed and a line separator inside comments: Python's parser (and the checker) does not
# break lines there, str.splitlines() does.
TRAIN = (
    "import torch.nn as nn\n"
    "import torch.nn.functional as F\n"
    "\n"
    "# \x0c section: the loss\n"
    "criterion = nn.CrossEntropyLoss()  # \u2028 note\n"
    "loss = criterion(F.softmax(model(x), dim=1), y)  # expect: LG001\n"
)


def test_markers_are_counted_on_the_lines_python_counts():
    assert expected_findings(TRAIN) == {(6, "LG001")}


def test_a_marked_file_with_a_form_feed_scores_its_finding_as_found(tmp_path: Path):
    expected, actual = project_findings(tmp_path, {"train.py": TRAIN})
    assert expected == actual == {("train.py", 6, "LG001")}
