"""Which files a check covers: the paths given, Python files under folders, minus exclusions.

Inside a git work tree, folders are listed through git so that .gitignore is honoured exactly
as git reads it; elsewhere the folder is walked.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from lossguard.config import Settings
from lossguard.errors import UsageError

PY_SUFFIXES = (".py", ".pyi", ".ipynb")  # notebooks are read by lossguard.static.notebook


def discover(paths: list[Path], settings: Settings) -> list[Path]:
    """Files to check, in a stable order. A missing path is a usage error."""
    out: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        if not path.exists():
            raise UsageError(f"{path}: no such file or directory")
        if path.is_file():
            candidates = [path]  # a file named explicitly is always checked
        else:
            candidates = [p for p in _list_dir(path) if not settings.is_excluded(p, base=path)]
        for p in candidates:
            key = p.resolve()
            if key not in seen:
                seen.add(key)
                out.append(p)
    return out


def _list_dir(folder: Path) -> list[Path]:
    listed = _git_files(folder)
    if not listed:  # not in a git work tree, or a folder git ignores entirely but was named explicitly
        listed = _walk(folder)
    return sorted(p for p in listed if p.suffix in PY_SUFFIXES and p.is_file())


def _git_files(folder: Path) -> list[Path] | None:
    try:
        proc = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "."],
            cwd=folder,
            capture_output=True,
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if proc.returncode != 0:
        return None
    names = [n for n in proc.stdout.decode("utf-8", "surrogateescape").split("\0") if n]
    return [folder / n for n in names]


def _walk(folder: Path) -> list[Path]:
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        found.extend(Path(dirpath) / f for f in filenames)
    return found
