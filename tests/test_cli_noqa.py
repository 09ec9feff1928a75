"""`lossguard check --add-noqa` rewrites only the flagged lines, and the comments it writes work."""

from __future__ import annotations

from pathlib import Path

from tests.cli_support import TRAIN, cli

MULTILINE = '''import torch.nn.functional as F


def distill(student, teacher, x):
    loss = F.kl_div(F.log_softmax(student(x), dim=1), F.softmax(teacher(x), dim=1)
    )
    log = """kl divergence
    between student and teacher"""
    return loss, log
'''


def test_add_noqa_merges_keeps_bytes_and_silences(tmp_path: Path):
    # CRLF line endings, an existing noqa for another tool on a flagged line, trailing comment text.
    source = TRAIN.replace("total += loss\n", "total += loss  # noqa: E501\n").replace("\n", "\r\n")
    (tmp_path / "train.py").write_bytes(source.encode())
    (tmp_path / "distill.py").write_text(MULTILINE)
    before = cli("check", "--format", "json-lines", cwd=tmp_path)
    assert before.returncode == 1

    r = cli("check", "--add-noqa", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == f"Added {len(before.stdout.splitlines())} noqa comments to 2 files."

    after = (tmp_path / "train.py").read_bytes().decode()
    expected = source.replace("loss = criterion(model(x), y)\r\n", "loss = criterion(model(x), y)  # noqa: LG001\r\n").replace(
        "total += loss  # noqa: E501\r\n", "total += loss  # noqa: E501, LG006\r\n"
    )
    assert after == expected
    assert (tmp_path / "distill.py").read_text() == MULTILINE.replace(
        "F.softmax(teacher(x), dim=1)\n", "F.softmax(teacher(x), dim=1)  # noqa: LG009\n"
    )
    assert cli("check", cwd=tmp_path).returncode == 0, "the written comments silence every finding"
    r = cli("check", "--add-noqa", cwd=tmp_path)
    assert r.stdout.strip() == "Added 0 noqa comments to 0 files."
    assert (tmp_path / "train.py").read_bytes().decode() == expected
