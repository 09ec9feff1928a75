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
from dataclasses import dataclass, field
from pathlib import Path

from lossguard.config import Settings
from lossguard.static.finding import FileError
from lossguard.static.gitdiff import list_files, toplevel
from lossguard.static.prefilter import module_names

PY_SUFFIXES = (".py", ".pyi", ".ipynb")  # notebooks are read by lossguard.static.notebook


@dataclass
class Discovery:
    files: list[Path] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)  # paths that could not be listed
    excluded: int = 0  # files under the folders given that the configuration excludes


def discover(paths: list[Path], settings: Settings) -> Discovery:
    """Files to check, in a stable order, and the paths that could not be looked at."""
    found = Discovery()
    seen: set[Path] = set()
    for path in paths:
        if not path.exists() and not path.is_symlink():
            found.errors.append(FileError(str(path), "no such file or directory"))
            continue
        if path.is_dir():
            listed = _list_dir(path, found.errors)
            candidates = [p for p in listed if not settings.is_excluded(p, base=path)]
            found.excluded += len(listed) - len(candidates)
        elif path.exists():
            candidates = [path]  # a file named explicitly is always checked
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
    A file counts when an ``import`` or ``from`` line (of a notebook's code cells) names the
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
    python: dict[Path, set[bytes]] = {}  # file -> the words of its import lines
    books: list[tuple[Path, bytes]] = []
    for p in list_files(top) or []:
        if p.suffix not in (".py", notebook.NOTEBOOK_SUFFIX) or p.is_symlink() or p.resolve() in checked:
            continue
        try:
            if p.stat().st_size > MAX_FILE_BYTES and p.suffix == ".py":
                continue
            data = p.read_bytes()
        except OSError:
            continue
        if p.suffix == notebook.NOTEBOOK_SUFFIX:
            books.append((p, data))
        else:
            python[p] = import_words(data)
    modules = module_keys(named)
    found: list[Path] = []
    for _ in range(IMPORT_DEPTH):
        new = [p for p, words in python.items() if not words.isdisjoint(modules)]
        if not new:
            break
        for p in new:
            del python[p]
        found += new
        modules |= module_keys(new)
    for p, data in books:  # (a notebook cannot be imported: it only adds itself)
        if modules.isdisjoint(_WORD.findall(data)):
            continue  # (no need to read the cells)
        try:
            cells = notebook.parse(data.decode("utf-8")).source.encode("utf-8", "surrogateescape")
        except (ValueError, UnicodeDecodeError):
            continue
        if not import_words(cells).isdisjoint(modules):
            found.append(p)
    return sorted(p for p in found if not settings.is_excluded(p, base=top))


_IMPORT_LINE = re.compile(rb"^[ \t]*(?:from|import)[ \t][^\n]*", re.MULTILINE)
_WORD = re.compile(rb"\w+")


def import_words(data: bytes) -> set[bytes]:
    """The words of a file's ``import`` and ``from`` lines (module names among them; UTF-8)."""
    return {w for m in _IMPORT_LINE.finditer(data) for w in _WORD.findall(m.group())}


def imports_any(data: bytes, modules: set[bytes]) -> bool:
    """Whether an ``import`` or ``from`` line of a file's bytes names one of ``modules``
    (UTF-8 encoded names; linear in the file, whatever the number of modules)."""
    return not import_words(data).isdisjoint(modules)


def module_keys(paths: list[Path]) -> set[bytes]:
    """The names under which ``paths`` can be imported, as :func:`imports_any` compares them."""
    return {n.encode("utf-8", "surrogateescape") for p in paths for n in module_names(p)}


def _list_dir(folder: Path, errors: list[FileError]) -> list[Path]:
    if not os.access(folder, os.R_OK | os.X_OK):
        errors.append(FileError(str(folder), "cannot read this folder (permission denied)"))
        return []
    unreadable: list[str] = []
    listed = list_files(folder, unreadable)
    errors.extend(FileError(u, "cannot read this folder (permission denied)") for u in unreadable)
    if not listed:  # not in a git work tree, or a folder git ignores entirely but was named explicitly
        listed = _walk(folder, errors)
    root = folder.resolve()
    out = []
    for p in listed:
        if p.suffix not in PY_SUFFIXES:
            continue
        if p.is_symlink() or _has_linked_parent(p, folder):
            try:
                p.resolve().relative_to(root)
            except (ValueError, OSError):
                continue  # points outside the checked folder: not followed
        if p.is_file():
            out.append(p)
    return sorted(out, key=lambda p: (p.is_symlink(), p))  # a file reached by a link too: checked by its own name


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
