"""Extract the judged repositories' Python files at their rounds' commits, for ``bench/survey.py``.

    python bench/survey_extract.py MIRRORS OUT [--list bench/survey_repos.txt] [--rounds 2-27]

MIRRORS holds one git directory per repository, ``MIRRORS/owner+name/repo`` (a bare repository, or a clone whose
git directory is ``repo/.git``), as the ``fetch`` tool or ``git clone --mirror URL MIRRORS/owner+name/repo`` leaves
them. For each line ``owner/name COMMIT ROUND`` of the list (``bench/survey_repos.py`` writes it) whose round is in
``--rounds``, every ``.py`` and ``.ipynb`` blob of the commit's tree is written to ``OUT/owner+name/<path>`` (paths
with spaces and non-ASCII names kept as git stores them; a symbolic link made a link when it stays in the tree). A blob the snapshot lacks (a large notebook left out of
it) is skipped and named in ``OUT/missing.txt``; a repository without a mirror, or whose mirror lacks the commit,
is skipped and named there too. ``OUT/commits.txt`` gets ``owner+name FULL_COMMIT ROUND FILES`` per tree
extracted, the file ``bench/survey.py`` reads. An existing ``OUT/owner+name`` is replaced.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from survey_repos import LIST, Judged, read_list  # noqa: E402

SUFFIXES = (".py", ".ipynb")
CHUNK = 400  # blobs per `git cat-file --batch`, to bound the memory one read holds


def git_dir(mirrors: Path, repo: str) -> Path | None:
    for d in (mirrors / repo / "repo", mirrors / repo / "repo" / ".git", mirrors / repo):
        if (d / "HEAD").is_file() and (d / "objects").is_dir():
            return d
    return None


def git(gd: Path, *args: str, data: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, GIT_NO_LAZY_FETCH="1")  # a partial clone's missing blob is missing, not fetched
    return subprocess.run(["git", "--git-dir", str(gd), *args], input=data, capture_output=True, env=env)


def blobs(gd: Path, commit: str) -> list[tuple[str, str, bool]]:
    """(object id, path, is a symbolic link) of every .py/.ipynb blob of the commit's tree."""
    out = git(gd, "ls-tree", "-r", "-z", "--full-tree", commit).stdout
    found = []
    for entry in out.split(b"\0"):
        if not entry:
            continue
        meta, _, path = entry.partition(b"\t")
        mode, kind, oid = meta.split()
        name = path.decode("utf-8", "surrogateescape")
        if kind == b"blob" and name.endswith(SUFFIXES):
            found.append((oid.decode(), name, mode == b"120000"))
    return found


def extract(gd: Path, commit: str, dest: Path) -> tuple[int, list[str]]:
    """Write the commit's Python files under dest; return the count written and the paths not written, with why.

    A symbolic link is made a link, as a checkout makes it (speechbrain's recipes link shared files), when its
    target stays inside dest; one that leaves the tree is not written."""
    wanted = blobs(gd, commit)
    written, missing = 0, []
    for start in range(0, len(wanted), CHUNK):
        n, lacking = _write(gd, wanted[start : start + CHUNK], dest)
        written += n
        missing += lacking
    return written, missing


def _write(gd: Path, wanted: list[tuple[str, str, bool]], dest: Path) -> tuple[int, list[str]]:
    batch = git(gd, "cat-file", "--batch", data="".join(f"{oid}\n" for oid, _, _ in wanted).encode())
    stream, pos, written, missing = batch.stdout, 0, 0, []
    for _oid, path, link in wanted:
        nl = stream.index(b"\n", pos)
        header = stream[pos:nl].split()
        pos = nl + 1
        if header[-1] == b"missing":
            missing.append(f"{path} (blob not in the snapshot)")
            continue
        size = int(header[2])
        data, pos = stream[pos : pos + size], pos + size + 1  # the blob, then its newline
        target = dest / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if not link:
            target.write_bytes(data)
        elif (target.parent / os.fsdecode(data)).resolve().is_relative_to(dest.resolve()):
            target.symlink_to(os.fsdecode(data))
        else:
            missing.append(f"{path} (a link out of the tree)")
            continue
        written += 1
    return written, missing


def in_rounds(j: Judged, rounds: str | None) -> bool:
    if not rounds:
        return True
    lo, _, hi = rounds.partition("-")
    return j.round.isdigit() and int(lo) <= int(j.round) <= int(hi or lo)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mirrors", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--list", type=Path, default=LIST)
    ap.add_argument("--rounds", help="LO-HI: only the repositories first judged in these rounds")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    commits, missing = [], []
    for j in read_list(args.list):
        if not in_rounds(j, args.rounds):
            continue
        if j.commit == "-":
            missing.append(f"{j.repo}: no commit written in docs/survey.md")
            continue
        gd = git_dir(args.mirrors, j.repo)
        full = git(gd, "rev-parse", "--verify", "--quiet", f"{j.commit}^{{commit}}").stdout.decode().strip() if gd else ""
        if not full:
            missing.append(f"{j.repo}: {'commit ' + j.commit + ' not in the mirror' if gd else 'no mirror'}")
            continue
        dest = args.out / j.repo
        shutil.rmtree(dest, ignore_errors=True)
        dest.mkdir()
        n, lacking = extract(gd, full, dest)
        missing.extend(f"{j.repo}: {p}" for p in lacking)
        commits.append(f"{j.repo} {full} {j.round} {n}")
        print(f"{j.repo} {full[:10]} {n} files{f', {len(lacking)} missing' if lacking else ''}", flush=True)
    (args.out / "commits.txt").write_text("".join(f"{c}\n" for c in commits), encoding="utf-8")
    (args.out / "missing.txt").write_text("".join(f"{m}\n" for m in missing), encoding="utf-8")
    print(f"{len(commits)} trees in {args.out}; {len(missing)} lines in {args.out / 'missing.txt'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
