"""``[tool.lossguard]`` in pyproject.toml: which rules run on which files."""

from __future__ import annotations

import fnmatch
import sys
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from lossguard import catalog
from lossguard.errors import UsageError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

DEFAULT_EXCLUDE = (
    ".bzr",
    ".direnv",
    ".eggs",
    ".git",
    ".hg",
    ".mypy_cache",
    ".nox",
    ".pants.d",
    ".pytype",
    ".ruff_cache",
    ".svn",
    ".tox",
    ".venv",
    "__pypackages__",
    "_build",
    "buck-out",
    "build",
    "dist",
    "node_modules",
    "site-packages",
    "venv",
    ".ipynb_checkpoints",
)

_KEYS = {"select", "extend-select", "ignore", "exclude", "extend-exclude", "per-file-ignores"}


@dataclass
class Settings:
    select: set[str] = field(default_factory=lambda: static_codes())
    exclude: list[str] = field(default_factory=lambda: list(DEFAULT_EXCLUDE))
    per_file_ignores: dict[str, set[str]] = field(default_factory=dict)
    root: Path = field(default_factory=Path.cwd)  # patterns are relative to this folder
    source: Path | None = None  # the pyproject.toml the settings came from
    named_exclude: set[str] = field(default_factory=set)  # the patterns the configuration's exclude and extend-exclude name

    def is_excluded(self, path: Path, base: Path | None = None, patterns: list[str] | None = None, follow: bool = True) -> bool:
        """Whether a file found under the folder ``base`` (named on the command line) is excluded
        (by ``patterns``: by default every pattern of the settings). ``follow=False``: a symbolic
        link is matched by its own name, not its target's.

        Patterns with a ``/`` match the path relative to the configuration's folder; bare names
        match any folder or file name below ``base``, so naming a folder inside a `.venv` or
        `build` folder still checks it."""
        if not follow:
            path = path.parent.resolve() / path.name
        rel = _relative(path, self.root, follow)
        parts = _relative(path, base, follow).parts if base is not None else rel.parts
        for pattern in self.exclude if patterns is None else patterns:
            pat = pattern.rstrip("/")
            if "/" in pat:
                if fnmatch.fnmatch(str(rel), pat) or fnmatch.fnmatch(str(rel), pat + "/*"):
                    return True
            elif any(fnmatch.fnmatch(p, pat) for p in parts):
                return True
        return False

    def default_exclusion(self, path: Path, base: Path | None = None) -> str | None:
        """The name from DEFAULT_EXCLUDE (``dist``, ``build``, ...) that alone leaves ``path`` out,
        when no pattern the configuration names does; else None."""
        by_default = [p for p in self.exclude if p in DEFAULT_EXCLUDE and p not in self.named_exclude]
        if not by_default or self.is_excluded(path, base, [p for p in self.exclude if p not in by_default]):
            return None
        return next((p for p in by_default if self.is_excluded(path, base, [p])), None)

    def ignored_codes(self, path: Path) -> set[str]:
        rel = str(_relative(path, self.root))
        out: set[str] = set()
        for pattern, codes in self.per_file_ignores.items():
            if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(Path(rel).name, pattern):
                out |= codes
        return out


def static_codes() -> set[str]:
    return {p.code for p in catalog.of_kind("static")}


def _relative(path: Path, root: Path, follow: bool = True) -> PurePosixPath:
    where = path.resolve() if follow else path
    try:
        return PurePosixPath(where.relative_to(root.resolve()).as_posix())
    except ValueError:
        return PurePosixPath(where.as_posix())


def expand_codes(items: list[str], where: str, allow_runtime: bool = False) -> set[str]:
    """``LG0`` selects every code starting with it; ``ALL`` selects everything; names work too.
    A runtime-only code (LG1xx) is a usage error unless ``allow_runtime`` (to ignore it is harmless)."""
    out: set[str] = set()
    all_codes = static_codes()
    for raw in items:
        item = raw.strip()
        if not item:
            continue
        if item.upper() == "ALL":
            out |= all_codes
            continue
        try:
            problem = catalog.get(item)
        except KeyError:
            pass
        else:
            if problem.kind != "static" and allow_runtime:
                continue
            if problem.kind != "static":
                raise UsageError(
                    f"{where}: {problem.code} ({problem.name}) is checked at runtime by lossguard.watch(), "
                    "not by `lossguard check` (see `lossguard rules`)"
                )
            out.add(problem.code)
            continue
        matched = {c for c in all_codes if c.startswith(item.upper())}
        if not matched or not item.upper().startswith("LG"):
            raise UsageError(f"{where}: unknown rule code {item!r} (see `lossguard rules`)")
        out |= matched
    return out


def find_pyproject(start: Path) -> Path | None:
    d = start.resolve()
    if d.is_file():
        d = d.parent
    for candidate in (d, *d.parents):
        p = candidate / "pyproject.toml"
        if p.is_file():
            return p
    return None


def load(pyproject: Path | None) -> Settings:
    """Read settings from a pyproject.toml (or defaults when there is none or no [tool.lossguard])."""
    if pyproject is None:
        return Settings()
    try:
        text = pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read {pyproject}: {exc}") from exc
    return parse(text, pyproject)


def parse(text: str, pyproject: Path, name: str | None = None) -> Settings:
    """The settings of a pyproject.toml's text; ``pyproject`` is where it lives (patterns are
    relative to its folder), ``name`` how messages call it (by default its path)."""
    shown = name if name is not None else str(pyproject)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{shown} is not valid TOML: {exc}") from exc
    except RecursionError as exc:
        raise UsageError(f"{shown} is nested too deeply to read (arrays or tables inside one another); fix it, or pass --isolated") from exc
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise UsageError(f"{shown}: `tool` must be a table ([tool.lossguard]), got {type(tool).__name__}")
    section = tool.get("lossguard")
    settings = Settings(root=pyproject.parent, source=pyproject)
    if section is None:
        return settings
    if not isinstance(section, dict):
        raise UsageError(f"{shown}: [tool.lossguard] must be a table")
    unknown = set(section) - _KEYS
    if unknown:
        raise UsageError(f"{shown}: unknown key(s) in [tool.lossguard]: {', '.join(sorted(unknown))} (allowed: {', '.join(sorted(_KEYS))})")
    where = f"{shown} [tool.lossguard]"
    if "select" in section:
        settings.select = expand_codes(_str_list(section["select"], f"{where} select"), f"{where} select")
    if "extend-select" in section:
        settings.select |= expand_codes(_str_list(section["extend-select"], f"{where} extend-select"), f"{where} extend-select")
    if "ignore" in section:
        settings.select -= expand_codes(_str_list(section["ignore"], f"{where} ignore"), f"{where} ignore", allow_runtime=True)
    if "exclude" in section:
        settings.exclude = _str_list(section["exclude"], f"{where} exclude")
        settings.named_exclude.update(settings.exclude)
    if "extend-exclude" in section:
        extra = _str_list(section["extend-exclude"], f"{where} extend-exclude")
        settings.exclude += extra
        settings.named_exclude.update(extra)
    if "per-file-ignores" in section:
        pfi = section["per-file-ignores"]
        if not isinstance(pfi, dict):
            raise UsageError(f"{where} per-file-ignores must be a table of pattern = [codes]")
        for pattern, codes in pfi.items():
            settings.per_file_ignores[pattern] = expand_codes(
                _str_list(codes, f"{where} per-file-ignores"), f"{where} per-file-ignores", allow_runtime=True
            )
    return settings


def _str_list(value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise UsageError(f"{where} must be a list of strings, got {value!r}")
