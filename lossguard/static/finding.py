"""A finding: one problem at one place in one file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from lossguard.static.fix import ResolvedFix


# The keys of a finding in the JSON report, in order (then ``cell`` for a notebook, then ``autofix``);
# a file that could not be checked has the same keys (lossguard.static.report.machine).
REPORT_KEYS = ("code", "name", "severity", "path", "line", "col", "end_line", "end_col", "message", "fix")


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
    cell: int | None = None  # notebooks: the 1-based cell; line/end_line are then within the cell
    autofix: ResolvedFix | None = field(default=None, compare=False)  # see lossguard.static.fix
    # a finding in a file that was not checked, raised by a call in one that was: that file's display path
    via: str | None = field(default=None, compare=False)
    # `check --diff`: the line of a suppression comment that the checked change adds and that
    # would silence this finding (reported all the same: lossguard.static.ref_trust.new_suppressions)
    new_suppression: int | None = field(default=None, compare=False)
    # ... and the comment was there at REF, where it did not silence this finding (lossguard.static.ref_trust)
    suppression_at_ref: bool = field(default=False, compare=False)

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {key: getattr(self, key) for key in REPORT_KEYS}
        if self.cell is not None:
            data["cell"] = self.cell
        if self.new_suppression is not None:
            data["new_suppression"] = self.new_suppression
        data["autofix"] = self.autofix.to_dict() if self.autofix is not None else None
        return data


@dataclass(frozen=True)
class FileError:
    """A file that could not be checked, and why."""

    path: str
    reason: str
    cell: int | None = None  # a notebook cell left out (the other cells were checked)
    line: int | None = None  # where the reason points (within the cell), when it points somewhere
