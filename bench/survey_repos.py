"""List every repository of docs/survey.md's judged findings with the commit its round checked.

    python bench/survey_repos.py [--survey docs/survey.md] > bench/survey_repos.txt
    python bench/survey_repos.py --check      # exit 1 when bench/survey_repos.txt is not what it would write

A repository is judged when a row ``| owner+name | path:line | LGxxx | verdict | reason |`` (the rows
``bench/survey.py`` reads) names it; rows written ``owner/name@commit`` (round 27) count as ``owner+name``. Its
commit is the round's repository table (``| owner+name | commit | files | ...``, or a whole-tree check's
``| owner/name | `HEAD` commit (...) |``) in the section of its first judged row, else any such table row, else an
``owner/name@commit`` written in the text. A commit written any other way is not taken: the fix-history rounds name
fix commits and their parents in prose, while their judged rows are the snapshot's ``HEAD``. A repository whose
commit no table or ``@`` names (most of those ``HEAD`` trees) is listed with ``-``: ``bench/survey_extract.py``
skips it and says so.

Each output line: ``owner/name COMMIT ROUND``, ROUND the round of the section of the first judged row (``4`` for
"Real-code corpora", the corpora round 4 built). The file has one source, docs/survey.md: regenerate it after a
round adds judged rows (``tests/bench/test_survey_repos.py`` fails until then).
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from survey import ROW, folder_name  # noqa: E402  (bench/ is a folder of scripts, not a package)

LIST = ROOT / "bench" / "survey_repos.txt"
NAME = r"[A-Za-z0-9_.-]+"
# a repository table's row: the commit alone in the second cell, or a whole-tree check's "`HEAD` <commit> (...)"
TABLE = re.compile(rf"^\|\s*`?({NAME})[+/]({NAME})`?\s*\|\s*(?:`?([0-9a-f]{{7,40}})`?\s*\||`HEAD`\s+([0-9a-f]{{7,40}})\b)")
WRITTEN = re.compile(rf"\b({NAME})/({NAME}?)@([0-9a-f]{{7,40}})\b")
ROUND = re.compile(r"\b[Rr]ound (\d+)")
UNROUNDED = {"Real-code corpora": "4"}  # the one section whose heading names no round


@dataclass(frozen=True)
class Judged:
    repo: str  # owner+name
    commit: str  # as written (7 to 40 hex digits), or "-" when the text names none
    round: str


def judged_repositories(survey_md: Path) -> list[Judged]:
    sections: dict[str, str] = {}  # repository -> heading of its first judged row
    tables: dict[str, list[tuple[str, str]]] = {}  # repository -> [(heading, commit)] from repository tables
    written: dict[str, list[tuple[str, str]]] = {}  # repository -> [(heading, commit)] from the text
    heading = ""
    for line in survey_md.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            heading = line[3:].strip()
            continue
        m = ROW.match(line)
        if m:
            repo = folder_name(m.group(1))
            sections.setdefault(repo, heading)
            if "@" in m.group(1):
                written.setdefault(repo, []).append((heading, m.group(1).split("@", 1)[1].strip()))
            continue
        m = TABLE.match(line)
        if m:
            tables.setdefault(f"{m.group(1)}+{m.group(2)}", []).append((heading, m.group(3) or m.group(4)))
        for owner, name, commit in WRITTEN.findall(line):
            written.setdefault(f"{owner}+{name}", []).append((heading, commit))
    out = []
    for repo, heading in sections.items():
        found = tables.get(repo, []) or written.get(repo, [])
        same = [c for h, c in found if h == heading] or [c for _, c in found]
        m = ROUND.search(heading)
        rnd = m.group(1) if m else UNROUNDED.get(heading, "-")
        out.append(Judged(repo, same[0] if same else "-", rnd))
    return sorted(out, key=lambda j: j.repo.lower())


def render(judged: list[Judged]) -> str:
    return "".join(f"{j.repo.replace('+', '/', 1)} {j.commit} {j.round}\n" for j in judged)


def read_list(path: Path = LIST) -> list[Judged]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 3 and not line.startswith("#"):
            out.append(Judged(parts[0].replace("/", "+", 1), parts[1], parts[2]))
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--survey", type=Path, default=ROOT / "docs" / "survey.md")
    ap.add_argument("--check", action="store_true", help=f"compare with {LIST.relative_to(ROOT)}")
    args = ap.parse_args(argv)
    text = render(judged_repositories(args.survey))
    if args.check:
        if LIST.read_text(encoding="utf-8") != text:
            print(f"{LIST.relative_to(ROOT)} is stale: python bench/survey_repos.py > {LIST.relative_to(ROOT)}")
            return 1
        return 0
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
