"""The text behind each finding: what fingerprints, baselines and code frames read.

Findings name files by their display path; this maps a display path back to the file on disk
and to the text the engine checked (for a notebook, its virtual module of code cells).
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from lossguard.static.finding import Finding
from lossguard.static.notebook import Notebook


@dataclass
class SourceSet:
    """Display path -> file and text, filled as the run reads files."""

    root: Path  # paths in SARIF and baselines are relative to this folder
    paths: dict[str, Path] = field(default_factory=dict)
    notebooks: dict[str, Notebook] = field(default_factory=dict)
    _lines: dict[str, list[str]] = field(default_factory=dict)

    def add(self, display: str, path: Path, notebook: Notebook | None = None) -> None:
        self.paths[display] = path
        if notebook is not None:
            self.notebooks[display] = notebook

    def lines(self, display: str) -> list[str]:
        """The checked text of a file, split in lines (empty when it cannot be read)."""
        cached = self._lines.get(display)
        if cached is None:
            book = self.notebooks.get(display)
            if book is not None:
                text = book.source
            else:
                try:
                    text = self.paths.get(display, Path(display)).read_text(encoding="utf-8")
                except (OSError, UnicodeDecodeError):
                    text = ""
            cached = self._lines[display] = text.splitlines()
        return cached

    def flagged_text(self, finding: Finding) -> str:
        """The flagged line(s) with all whitespace collapsed: stable when code moves or is re-indented."""
        lines = self.lines(finding.path)
        picked = lines[finding.line - 1 : finding.end_line]
        return " ".join(" ".join(picked).split())

    def relative(self, display: str) -> str:
        """The file's path relative to the root, in POSIX form (absolute when outside it)."""
        path = self.paths.get(display, Path(display)).resolve()
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return PurePosixPath(path.as_posix()).as_posix()


def project_root(start: Path) -> Path:
    """The top of the git work tree holding ``start``, or ``start`` itself outside git."""
    try:
        proc = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"], check=False, cwd=start, capture_output=True, text=True, timeout=30
        )
    except (OSError, subprocess.TimeoutExpired):
        return start.resolve()
    if proc.returncode != 0 or not proc.stdout.strip():
        return start.resolve()
    return Path(proc.stdout.strip()).resolve()
