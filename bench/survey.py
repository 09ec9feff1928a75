"""Re-run the checker over a folder of extracted real repositories and print the survey table.

    python bench/survey.py FOLDER [--judged docs/survey.md] [--json-dir DIR]

FOLDER holds one sub-folder per repository (``owner+name``); an optional ``FOLDER/commits.txt``
has lines ``owner+name COMMIT ...`` naming the snapshot each sub-folder was extracted from.
Each repository is checked on its own, as its user would check it:
``python -m lossguard check --isolated --format json owner+name`` started in FOLDER, so no
configuration file of the repository (or of ours) changes what is checked.

Every finding is looked up in the judged findings of ``docs/survey.md`` (the table "Every
finding", rows ``| repository | path:line | code | verdict | reason |``). A finding that is not
there is printed as NEW: the engine changed and someone must read the code and judge it before
the precision figure means anything. A judged row of a repository in FOLDER that no finding matches is printed as
LOST when its verdict is true (a recall regression, or a tree that is not the judged one: a file missing, another
commit) and counted as gone when it is a false alarm (a fix). Rows written ``owner/name@commit`` count as
``owner+name``. Exit 2 and crashes (``internal error`` on stderr) are
counted per repository. The raw JSON goes to ``--json-dir`` when given (keep it out of git).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ROW = re.compile(r"^\|\s*`?([^|`]+?)`?\s*\|\s*`?([^|`]+?):(\d+)`?\s*\|\s*(LG\d{3})\s*\|\s*\**([^|*]+?)\**\s*\|")


def folder_name(repo: str) -> str:
    """``owner/name@commit`` or ``owner+name`` -> ``owner+name``, the folder a repository is extracted to."""
    return repo.split("@", 1)[0].strip().replace("/", "+")


def judged_findings(survey_md: Path) -> dict[tuple[str, str, int, str], str]:
    """(repository, path, line, code) -> verdict ("true" or "false alarm"), from the survey's table."""
    judged: dict[tuple[str, str, int, str], str] = {}
    if not survey_md.is_file():
        return judged
    for line in survey_md.read_text(encoding="utf-8").splitlines():
        m = ROW.match(line)
        if m:
            repo, path, lineno, code, verdict = m.groups()
            key = (folder_name(repo), path.strip(), int(lineno), code)
            judged[key] = "false alarm" if "false" in verdict else "true"
    return judged


def size_of(repo: Path) -> tuple[int, int]:
    """Number of .py/.ipynb files and their lines (a notebook's lines are its code cells' lines)."""
    files = lines = 0
    for p in repo.rglob("*"):
        if p.suffix == ".py" and p.is_file():
            files += 1
            lines += p.read_bytes().count(b"\n")
        elif p.suffix == ".ipynb" and p.is_file():
            files += 1
            try:
                nb = json.loads(p.read_text(encoding="utf-8"))
                for cell in nb.get("cells", []):
                    if cell.get("cell_type") == "code":
                        src = cell.get("source", "")
                        lines += len(src) if isinstance(src, list) else src.count("\n") + 1
            except (ValueError, UnicodeDecodeError, AttributeError):
                pass
    return files, lines


def check(folder: Path, name: str) -> tuple[int, list[dict], str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        [sys.executable, "-m", "lossguard", "check", "--isolated", "--format", "json", name],
        cwd=folder,
        capture_output=True,
        text=True,
        env=env,
    )
    try:
        entries = json.loads(proc.stdout) if proc.stdout.strip() else []
        findings = [e for e in entries if e.get("kind", "finding") == "finding"]  # (the files not checked are in stderr too)
    except ValueError:
        findings = []
    return proc.returncode, findings, proc.stderr


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--judged", type=Path, default=ROOT / "docs" / "survey.md")
    ap.add_argument("--json-dir", type=Path)
    args = ap.parse_args(argv)
    folder: Path = args.folder.resolve()
    if not folder.is_dir():
        print(f"survey: {folder} is not a folder", file=sys.stderr)
        return 2
    commits = {}
    if (folder / "commits.txt").is_file():
        for line in (folder / "commits.txt").read_text().splitlines():
            parts = line.split()
            if len(parts) >= 2:
                commits[parts[0]] = parts[1]
    judged = judged_findings(args.judged)
    total = Counter()
    new: list[str] = []
    lost: list[str] = []
    errors: list[str] = []
    print("| repository | commit | files | lines | exit | findings | true | false alarm | new |")
    print("|---|---|---:|---:|---:|---|---:|---:|---:|")
    for repo in sorted(p for p in folder.iterdir() if p.is_dir()):
        files, lines = size_of(repo)
        rc, findings, stderr = check(folder, repo.name)
        if args.json_dir:
            args.json_dir.mkdir(parents=True, exist_ok=True)
            (args.json_dir / f"{repo.name}.json").write_text(json.dumps(findings, indent=1))
        by_code = Counter(f["code"] for f in findings)
        verdicts = Counter()
        reported = set()
        for f in findings:
            rel = str(Path(f["path"]).relative_to(repo.name))
            reported.add((repo.name, rel, f["line"], f["code"]))
            v = judged.get((repo.name, rel, f["line"], f["code"]), "new")
            verdicts[v] += 1
            if v == "new":
                new.append(f"{repo.name} {rel}:{f['line']} {f['code']} {f['message']}")
        for key, v in sorted(judged.items()):
            if key[0] == repo.name and key not in reported:
                total["lost " + v] += 1
                if v == "true":
                    lost.append(f"{key[0]} {key[1]}:{key[2]} {key[3]}")
        crash = "internal error" in stderr
        skipped = sum(1 for line in stderr.splitlines() if line.startswith("lossguard: error:"))
        total.update(files=files, lines=lines, repos=1, crashes=int(crash), exit2=int(rc == 2), findings=len(findings), skipped=skipped)
        total.update(verdicts)
        codes = ", ".join(f"{c} x{n}" for c, n in sorted(by_code.items())) or "none"
        exit_s = f"{rc}{' CRASH' if crash else ''}{f' ({skipped} skipped)' if skipped else ''}"
        print(
            f"| {repo.name} | {commits.get(repo.name, '?')[:10]} | {files} | {lines:,} | {exit_s} | {codes} "
            f"| {verdicts['true']} | {verdicts['false alarm']} | {verdicts['new']} |"
        )
        if rc == 2:
            errors.extend(f"{repo.name}: {line}" for line in stderr.splitlines() if line.strip())
    judged_n = total["true"] + total["false alarm"]
    precision = total["true"] / judged_n if judged_n else 1.0
    print(
        f"\n{total['repos']} repositories, {total['files']:,} files, {total['lines']:,} lines; "
        f"{total['findings']} findings: {total['true']} true, {total['false alarm']} false alarms, "
        f"{total['new']} not yet judged; precision of judged findings {precision:.3f}; "
        f"exit 2 in {total['exit2']} repositories ({total['skipped']} files reported and skipped), "
        f"crashes {total['crashes']}; judged rows not reported: {total['lost true']} true (LOST below), "
        f"{total['lost false alarm']} false alarms (fixed)"
    )
    for e in errors:
        print("ERROR", e)
    for n in new:
        print("NEW", n)
    for n in lost:
        print("LOST", n)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
