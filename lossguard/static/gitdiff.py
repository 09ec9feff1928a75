"""Lines changed since a git ref: what ``--diff REF`` reports on.

Changed lines come from ``git diff -U0 REF`` (the working tree against REF, staged or not);
files git does not track yet count as changed throughout. A notebook's diff is JSON, so its
old and new code cells are compared instead (``git show REF:path``).
"""

from __future__ import annotations

import difflib
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from lossguard.errors import UsageError
from lossguard.static import notebook

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


@dataclass
class Changes:
    """What changed since ``ref`` in the work tree at ``toplevel``."""

    ref: str
    toplevel: Path
    lines: dict[Path, set[int]] = field(default_factory=dict)  # resolved path -> changed lines
    whole: set[Path] = field(default_factory=set)  # untracked files: every line is new
    _notebooks: dict[Path, set[int]] = field(default_factory=dict)

    def touches(self, path: Path, start: int, end: int, virtual_source: str | None = None) -> bool:
        """Whether any of lines ``start..end`` of ``path`` changed. Notebooks pass their virtual module."""
        path = path.resolve()
        if path in self.whole:
            return True
        if path not in self.lines:
            return False
        if virtual_source is not None:
            changed = self._notebooks.get(path)
            if changed is None:
                changed = self._notebooks[path] = self._notebook_lines(path, virtual_source)
        else:
            changed = self.lines[path]
        return any(n in changed for n in range(start, end + 1))

    def _notebook_lines(self, path: Path, new_source: str) -> set[int]:
        rel = path.relative_to(self.toplevel).as_posix()
        old = _git(["show", f"{self.ref}:{rel}"], self.toplevel)
        if old.returncode != 0:
            return set(range(1, new_source.count("\n") + 2))
        try:
            old_source = notebook.parse(old.stdout).source
        except notebook.NotebookError:
            return set(range(1, new_source.count("\n") + 2))
        changed: set[int] = set()
        matcher = difflib.SequenceMatcher(a=old_source.splitlines(), b=new_source.splitlines(), autojunk=False)
        for tag, _i1, _i2, j1, j2 in matcher.get_opcodes():
            if tag in ("replace", "insert"):
                changed.update(range(j1 + 1, j2 + 1))
        return changed


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            check=False,
            cwd=cwd, capture_output=True, text=True, encoding="utf-8", errors="surrogateescape", timeout=120,
        )
    except FileNotFoundError as exc:
        raise UsageError("--diff needs git, and no `git` command was found on PATH") from exc
    except subprocess.TimeoutExpired as exc:
        raise UsageError(f"--diff: `git {' '.join(args)}` took too long") from exc


def changes_since(ref: str, cwd: Path) -> Changes:
    """The changed lines of every file since ``ref``. Raises UsageError for a bad repository or ref."""
    top = _git(["rev-parse", "--show-toplevel"], cwd)
    if top.returncode != 0:
        raise UsageError(f"--diff {ref}: {cwd.resolve()} is not inside a git repository; run lossguard from the repository, or drop --diff")
    toplevel = Path(top.stdout.strip()).resolve()
    if ref.startswith("-"):
        raise UsageError(f"--diff {ref}: a git ref cannot start with '-'")
    verify = _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"], toplevel)
    if verify.returncode != 0:
        raise UsageError(
            f"--diff {ref}: not a commit in this repository. Give a branch, tag or commit "
            "(e.g. origin/main or HEAD~1); in CI, fetch it first (actions/checkout with fetch-depth: 0)"
        )
    diff = _git(["diff", "-U0", "--no-color", "--no-ext-diff", verify.stdout.strip(), "--"], toplevel)
    if diff.returncode != 0:
        raise UsageError(f"--diff {ref}: git diff failed: {diff.stderr.strip()}")
    changes = Changes(ref=verify.stdout.strip(), toplevel=toplevel)
    current: set[int] | None = None
    for line in diff.stdout.splitlines():
        if line.startswith("+++ "):
            name = _unquote(line[4:])
            if name == "/dev/null":
                current = None
                continue
            current = changes.lines.setdefault((toplevel / name.removeprefix("b/")).resolve(), set())
        elif line.startswith("@@") and current is not None:
            m = _HUNK.match(line)
            if m:
                start, count = int(m.group(1)), int(m.group(2) or "1")
                current.update(range(start, start + count))
    untracked = _git(["ls-files", "-z", "--others", "--exclude-standard"], toplevel)
    for name in untracked.stdout.split("\0"):
        if name:
            changes.whole.add((toplevel / name).resolve())
    return changes


def _unquote(name: str) -> str:
    name = name.rstrip("\t")
    if len(name) >= 2 and name[0] == '"' and name[-1] == '"':
        raw = name[1:-1].encode("latin-1", "backslashreplace").decode("unicode_escape")
        return raw.encode("latin-1", "ignore").decode("utf-8", "replace")
    return name
