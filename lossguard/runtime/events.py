"""Events: what the watcher reports, built from catalog entries so the words exist once."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from lossguard import catalog

SEVERITY_RANK = {severity: rank for rank, severity in enumerate(catalog.SEVERITIES, 1)}  # info 1 ... error 3


@dataclass(frozen=True)
class Event:
    """One finding at one step: a catalog problem plus what was measured."""

    code: str
    name: str
    step: int
    severity: str
    message: str
    fix: str
    data: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        return cls(**{k: d[k] for k in ("code", "name", "step", "severity", "message", "fix")}, data=dict(d.get("data", {})))

    def __str__(self) -> str:
        return f"{self.code} {self.name} (step {self.step}, {self.severity}): {self.message}"


def make_event(code: str, step: int, message: str, data: dict[str, Any] | None = None, severity: str | None = None) -> Event:
    problem = catalog.get(code)
    clean = {k: _plain(v) for k, v in (data or {}).items()}
    return Event(problem.code, problem.name, step, severity or problem.severity, message, problem.fix, clean)


def _plain(value: Any) -> Any:
    if isinstance(value, float) and value != value:
        return "nan"
    if isinstance(value, float) and value in (float("inf"), float("-inf")):
        return "inf" if value > 0 else "-inf"
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return str(value)
