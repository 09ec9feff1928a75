"""A finding: one problem at one place in one file."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Finding:
    path: str  # as given on the command line (relative where possible)
    line: int  # 1-based
    col: int  # 1-based
    end_line: int
    end_col: int
    code: str
    name: str
    severity: str
    message: str
    fix: str

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "end_line": self.end_line,
            "end_col": self.end_col,
            "message": self.message,
            "fix": self.fix,
        }


@dataclass(frozen=True)
class FileError:
    """A file that could not be checked, and why."""

    path: str
    reason: str
