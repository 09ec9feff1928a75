"""lossguard.static.renames: which of REF's files a file moved with an edit came from."""

from __future__ import annotations

from lossguard.static.renames import MAX_PAIRS, similar_pairs
from tests.cli_support import FIXED, TRAIN


def test_a_moved_file_with_an_edited_import_is_paired_with_its_origin():
    moved = "import logging\n" + TRAIN
    assert similar_pairs({"pkg2/train.py": moved}, {"pkg/train.py": TRAIN, "pkg/model.py": "import torch\n"}) == {"pkg2/train.py": "pkg/train.py"}


def test_each_origin_is_paired_once_best_first_and_only_above_half():
    """Two edited copies of one file: the closer one (then the same file name) takes it; a file
    sharing fewer than half the lines of the longer one is not a move."""
    copies = {"a/train.py": "import os\n" + TRAIN, "b/other.py": "import os\nimport sys\n" + TRAIN}
    assert similar_pairs(copies, {"train.py": TRAIN}) == {"a/train.py": "train.py"}
    rewritten = "".join(f"import m{i}\n" for i in range(20)) + TRAIN
    assert similar_pairs({"new.py": rewritten}, {"train.py": TRAIN}) == {}
    assert similar_pairs({"train.ipynb": TRAIN}, {"train.py": TRAIN}) == {}  # (the same suffix only)


def test_the_closest_of_two_origins_is_taken():
    assert similar_pairs({"x.py": FIXED + "\n# done\n"}, {"fixed.py": FIXED, "train.py": TRAIN}) == {"x.py": "fixed.py"}


def test_too_many_files_to_compare_are_not_paired():
    many = {f"n{i}.py": TRAIN for i in range(MAX_PAIRS + 1)}
    assert similar_pairs(many, {"train.py": TRAIN}) == {}
