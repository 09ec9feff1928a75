"""Which files a check covers: the paths given, Python files under folders, minus exclusions.

Inside a git work tree, folders are listed through git (run safely, see
lossguard.static.gitdiff) so that .gitignore is honoured exactly as git reads it, submodules
and nested repositories by their own git; elsewhere the folder is walked. Symbolic links found inside a folder are followed only when they point into
the folder being checked (ruff's behaviour): a link to another directory or to a file outside
is left out. A path named on the command line is checked wherever it points.

Nothing here stops the run: a path that does not exist, or a folder that cannot be read, is
reported (and makes the check exit 2) while the rest is checked.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lossguard.config import Settings
from lossguard.static.finding import FileError
from lossguard.static.gitdiff import list_files, toplevel
from lossguard.static.notebook import NOTEBOOK_SUFFIX
from lossguard.static.sources import NOT_REGULAR, as_python_reads

PY_SUFFIXES = (".py", ".pyi", NOTEBOOK_SUFFIX)  # notebooks are read by lossguard.static.notebook
# `lossguard check -` (ruff's and black's way to check standard input): lossguard checks files,
# so that a finding can name its file and --diff REF can compare it; the rest is still checked
STDIN = "lossguard does not read code from standard input (`-`); name the files or folders to check, or save the code to a file"


@dataclass
class Discovery:
    files: list[Path] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)  # paths that could not be listed
    warnings: list[str] = field(default_factory=list)  # what was left out without a choice
    absent: list[tuple[Path, Path]] = field(default_factory=list)  # submodules not checked out, each with the folder given it was found under
    excluded: int = 0  # files under the folders given that the configuration excludes
    left_out: list[tuple[Path, Path]] = field(default_factory=list)  # those files, each with the folder given it was found under
    others: list[tuple[Path, Path]] = field(default_factory=list)  # files under the folders given without a Python suffix (never read here)
    outside: list[tuple[Path, Path]] = field(default_factory=list)  # links with a Python suffix that point out of the folder given (not followed)


def discover(paths: list[Path], settings: Settings) -> Discovery:
    """Files to check, in a stable order, and the paths that could not be looked at."""
    found = Discovery()
    seen: set[Path] = set()
    for path in paths:
        if not path.exists() and not path.is_symlink():
            found.errors.append(FileError(str(path), STDIN if str(path) == "-" else "no such file or directory"))
            continue
        if path.is_dir():
            others: list[Path] = []
            outside: list[Path] = []
            listed = _list_dir(path, found.errors, found.absent, others, outside)
            found.others += [(p, path) for p in others]
            found.outside += [(p, path) for p in outside]
            candidates = [p for p in listed if not settings.is_excluded(p, base=path)]
            found.excluded += len(listed) - len(candidates)
            kept = set(candidates)
            found.left_out += [(p, path) for p in listed if p not in kept]
        elif path.is_file():
            candidates = [path]  # a file named explicitly is always checked
        elif path.exists():
            found.errors.append(FileError(str(path), NOT_REGULAR))
            continue
        else:
            found.errors.append(FileError(str(path), "a broken symbolic link"))
            continue
        for p in candidates:
            key = p.resolve()
            if key not in seen:
                seen.add(key)
                found.files.append(p)
    return found


IMPORT_DEPTH = 2  # importers of importers are followed this many imports away from a named file


def importers(paths: list[Path], files: list[Path], settings: Settings, cwd: Path) -> list[Path]:
    """The Python files and notebooks of the work tree that import a file named on its own,
    directly or through other files, up to ``IMPORT_DEPTH`` imports away (pre-commit names only
    the staged files: a staged helper must be analysed with its unchanged callers, and theirs).
    A file counts when an ``import`` or ``from`` line (of a notebook's code cells), its names read
    as Python reads them (NFKC: ``from ｍodel import Net``), names the
    module of a named file or of a file already counted; files that are checked anyway,
    excluded, or reached through a symbolic link are not listed. Empty outside a git work
    tree, or when only folders are named."""
    from lossguard.static import notebook
    from lossguard.static.project import MAX_FILE_BYTES  # (the analysis's own limit; imported when needed)

    named = [p for p in paths if p.suffix in (".py", ".pyi") and p.is_file()]
    top = toplevel(cwd) if named else None
    if top is None:
        return []
    checked = {f.resolve() for f in files}
    python: dict[Path, bytes] = {}
    books: list[tuple[Path, bytes]] = []
    # git lists paths under the resolved top and does not enter linked folders: a listed path is
    # already resolved, unless it is a link itself (left out)
    for p in list_files(top) or []:
        if p.suffix not in (".py", NOTEBOOK_SUFFIX) or p in checked or p.is_symlink():
            continue
        try:
            if p.stat().st_size > MAX_FILE_BYTES and p.suffix == ".py":
                continue
            data = p.read_bytes()
        except OSError:
            continue
        if p.suffix == NOTEBOOK_SUFFIX:
            books.append((p, data))
        else:
            python[p] = _as_python_reads(data)
    modules = module_keys(named)
    read: dict[Path, set[tuple[bytes, ...]]] = {}  # file -> the dotted names it imports, once read
    found: list[Path] = []
    for _ in range(IMPORT_DEPTH):
        mentioned = _Mentions(modules)
        new = []
        for p, data in python.items():
            if not mentioned(data):
                continue  # no import can name a module whose name it never writes
            names = read.get(p)
            if names is None:
                names = read[p] = import_words(data)
            if imports_any(names, modules):
                new.append(p)
        if not new:
            break
        for p in new:
            del python[p]
        found += new
        modules |= module_keys(new)
    mentioned = _Mentions(modules)
    for p, data in books:  # (a notebook cannot be imported: it only adds itself)
        if not mentioned(data, python=False):
            continue  # (no need to read the cells)
        try:
            cells = as_python_reads(notebook.code_text(data.decode("utf-8"))).encode("utf-8", "surrogateescape")
        except (ValueError, UnicodeDecodeError):
            continue
        if imports_any(import_words(cells), modules):
            found.append(p)
    return sorted(p for p in found if not settings.is_excluded(p, base=top))


def _as_python_reads(data: bytes) -> bytes:
    """A Python file's bytes with the names in its import lines as Python reads them (NFKC:
    ``from ｍodel import Net`` imports ``model``), for the byte searches below."""
    if data.isascii():
        return data
    return as_python_reads(data.decode("utf-8", "surrogateescape")).encode("utf-8", "surrogateescape")


class _Mentions:
    """Whether a file's bytes (in the form Python reads its names) may import one of ``modules``: they hold the last part of one of
    them as a word (in a notebook's JSON, where a cell's lines are escapes in one string) and,
    in a Python file, on an import line or inside a parenthesised ``from`` import. A file with
    none imports none of them (:func:`import_words` reads the others). A plain search for the
    words first, which most files fail."""

    def __init__(self, modules: set[tuple[bytes, ...]]) -> None:
        self.words = sorted({key[-1] for key in modules})
        word = rb"\b(?:" + b"|".join(re.escape(w) for w in self.words) + rb")\b"
        self.word = re.compile(word)
        self.line = re.compile(rb"^[ \t]*(?:import|from)[ \t][^\n]*" + word, re.MULTILINE)

    def __call__(self, data: bytes, python: bool = True) -> bool:
        if not any(w in data for w in self.words):
            return False
        if not python:
            return self.word.search(data) is not None
        if self.line.search(data) is not None:
            return True
        return any(names.startswith(b"(") and self.word.search(names) is not None for _, names in _from_imports(data))


_IMPORT = re.compile(rb"^[ \t]*import[ \t]+([^\n#;]*)", re.MULTILINE)
_FROM = re.compile(rb"^[ \t]*from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]*", re.MULTILINE)
_REST_OF_LINE = re.compile(rb"[^\n#;]*")


def _from_imports(data: bytes) -> Iterator[tuple[bytes, bytes]]:
    """Each ``from`` import's module and the text of its names: a parenthesised list up to its
    ``)``, else the rest of the line (a ``from`` line inside a list is part of it). In linear
    time: a regular expression that looked for the ``)`` of each ``(`` afresh took minutes on a
    file of many ``from a import (`` lines and no ``)`` (the search for the next ``)`` is kept
    while the lines read are before it)."""
    close = -2  # the ``)`` last found (-1: there is none after the place it was looked for from; -2: not looked for)
    pos = 0
    while (m := _FROM.search(data, pos)) is not None:
        start = m.end()
        if data[start : start + 1] == b"(":
            if close < start and close != -1:
                close = data.find(b")", start)
            if close >= start:
                yield m.group(1), data[start : close + 1]
                pos = close + 1
                continue
        rest = _REST_OF_LINE.match(data, start)
        pos = rest.end() if rest is not None else start
        yield m.group(1), data[start:pos]


_WORD = re.compile(rb"\w+")


def import_words(data: bytes) -> set[tuple[bytes, ...]]:
    """The dotted names a file's ``import`` and ``from`` statements may load, split at the
    dots, with every package on the way (``from a.b import c``: a, a.b and a.b.c; a relative
    ``from .m import c``: m and m.c). Read from the bytes, without parsing (UTF-8 names, as
    Python reads them: ``from ｍodel import Net`` loads ``model``)."""
    data = _as_python_reads(data)
    names: set[tuple[bytes, ...]] = set()
    for m in _IMPORT.finditer(data):
        for part in m.group(1).split(b","):
            words = part.split()
            if words:
                names.add(tuple(words[0].split(b".")))
    for module, imported in _from_imports(data):
        base = tuple(w for w in module.lstrip(b".").split(b".") if w)
        if base:
            names.add(base)
        for part in imported.strip(b"()").split(b","):
            words = part.split()
            if words and words[0] != b"*" and _WORD.fullmatch(words[0]):
                names.add((*base, words[0]))
    return {name[:i] for name in names for i in range(1, len(name) + 1) if all(name[:i])}


def imports_any(names: set[tuple[bytes, ...]], modules: set[tuple[bytes, ...]]) -> bool:
    """Whether one of the dotted ``names`` (:func:`import_words`) is one of ``modules``
    (:func:`module_keys`): the same last part, and the parts before it those of the file's
    folders (``import run`` and ``from lossguard.static import run`` load lossguard/static/run.py;
    ``from tests.cli_support import run`` does not)."""
    for name in names:
        for key in modules:
            if name[-1] == key[-1] and len(name) <= len(key) and key[len(key) - len(name) :] == name:
                return True
    return False


def module_keys(paths: list[Path]) -> set[tuple[bytes, ...]]:
    """Each file's dotted path, from the file system's root (``__init__.py``: its package's)."""
    keys = set()
    for p in paths:
        parts = p.resolve().with_suffix("").parts[1:]
        if parts and parts[-1] == "__init__":
            parts = parts[:-1]
        if parts:
            keys.add(tuple(part.encode("utf-8", "surrogateescape") for part in parts))
    return keys


def _list_dir(
    folder: Path, errors: list[FileError], absent_under: list[tuple[Path, Path]], others: list[Path] | None = None, outside: list[Path] | None = None
) -> list[Path]:
    """The Python files and notebooks under ``folder``; the other files go to ``others`` (their
    names only: a link out of the folder is left out of both, and one with a Python suffix goes to
    ``outside``)."""
    if not os.access(folder, os.R_OK | os.X_OK):
        errors.append(FileError(str(folder), "cannot read this folder (permission denied)"))
        return []
    unreadable: list[str] = []
    absent: list[str] = []
    listed = list_files(folder, unreadable, absent=absent)
    errors.extend(FileError(u, "cannot read this folder (permission denied)") for u in unreadable)
    absent_under.extend((Path(a), folder) for a in absent)
    if not listed:  # not in a git work tree, or a folder git ignores entirely but was named explicitly
        listed = _walk(folder, errors)
    root = folder.resolve()
    out = []
    for p in listed:
        if p.suffix not in PY_SUFFIXES and others is None:
            continue
        if p.is_symlink() or _has_linked_parent(p, folder):
            try:
                p.resolve().relative_to(root)
            except (ValueError, OSError):
                if outside is not None and p.suffix in PY_SUFFIXES and p.is_symlink():
                    outside.append(p)
                continue  # points outside the checked folder: not followed
        if p.suffix not in PY_SUFFIXES:
            others.append(p)  # type: ignore[union-attr]
        elif p.is_file():
            out.append(p)
    # a file reached by a link too (the link itself, or a linked folder above it: a recipe folder's
    # `kws -> ../../../kws`) is checked and reported by its own name
    return sorted(out, key=lambda p: (p.is_symlink() or _has_linked_parent(p, folder), p))


_PYTHON_PROGRAM = re.compile(r"(?:python|pypy)[0-9.]*")
SCRIPT_SUFFIX = ".pyw"  # Python on Windows without a console: found in folders only when a change adds or edits it


def python_script(path: Path) -> bool:
    """Whether ``path``, which has no Python suffix, is a Python program: a ``.pyw`` file, or one
    whose first line is a shebang naming ``python`` (``#!/usr/bin/env python3``, ``#!/usr/bin/env
    -S python3 -u``, ``#!/opt/conda/bin/python3.10``) or ``pypy``, as pre-commit's file types
    tell Python. Reads the first 512 bytes at most, of a regular file only."""
    if path.suffix == SCRIPT_SUFFIX:
        return path.is_file()
    try:
        if not path.is_file():
            return False
        with path.open("rb") as stream:
            head = stream.read(512)
    except OSError:
        return False
    if not head.startswith(b"#!"):
        return False
    line = head[2:].split(b"\n", 1)[0].decode("utf-8", "replace")
    return any(_PYTHON_PROGRAM.fullmatch(word.rsplit("/", 1)[-1]) for word in line.split())


NOT_CHECKED_OUT = (
    "a submodule that is not checked out; its files were not checked (git submodule update --init; in CI, actions/checkout with submodules: true)"
)


def shown(p: Path, cwd: Path | None = None) -> str:
    """How a file is named in reports, and as its key in a run's sources: relative to the folder
    the run started in (``cwd``, by default the current folder), with ``/``; as given outside it."""
    try:
        return p.resolve().relative_to(Path.cwd().resolve() if cwd is None else cwd).as_posix()
    except ValueError:
        return str(p)


def _has_linked_parent(p: Path, folder: Path) -> bool:
    for parent in p.parents:
        if parent == folder:
            return False
        if parent.is_symlink():
            return True
    return False


def _walk(folder: Path, errors: list[FileError]) -> list[Path]:
    found: list[Path] = []

    def onerror(exc: OSError) -> None:
        errors.append(FileError(str(exc.filename or folder), f"cannot read this folder ({exc.strerror or exc})"))

    root = folder.resolve()
    for dirpath, dirnames, filenames in os.walk(folder, onerror=onerror, followlinks=True):
        kept = []
        for d in dirnames:
            if d.startswith("."):
                continue
            sub = Path(dirpath) / d
            if sub.is_symlink():
                try:
                    sub.resolve().relative_to(root)
                except (ValueError, OSError):
                    continue
                if sub.resolve() in (Path(dirpath).resolve(), *Path(dirpath).resolve().parents):
                    continue  # a link back up: would loop
            kept.append(d)
        dirnames[:] = kept
        found.extend(Path(dirpath) / f for f in filenames)
    return found
