"""What ``check --diff REF`` takes from REF instead of from the change it checks.

A gate that reads its rules from the change it gates can be told to look away: a pull request
that adds a bug can add, with it, a ``# noqa`` on the line, a ``# lossguard: skip-file``, an
``ignore`` or ``exclude`` in ``[tool.lossguard]``, or the bug's entry in the baseline file, and
``--diff`` would pass it. Under ``--diff REF`` the three are therefore REF's:

- **the configuration**: the pyproject.toml that REF's tree has where the search from the
  current folder would find one (:func:`settings`); a file outside the repository (the CI
  job's own) is read as it is;
- **the baseline**: REF's text of the ``--baseline`` file when it is in the repository
  (:func:`baseline`); none when REF has no such file;
- **suppression comments**: a comment on a line the change edits silences a finding only
  when REF's text had that finding silenced too (:func:`new_suppressions`).

What the change adds this way is reported (a warning naming the edited file; each finding a
new comment would silence carries the comment's line), and fails the gate as any finding does.
``--allow-new-suppressions`` trusts the change: a maintainer's way to accept it.
"""

from __future__ import annotations

import dataclasses
import os
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from lossguard import config
from lossguard.config import Settings
from lossguard.static import noqa
from lossguard.static.baseline import Recorded
from lossguard.static.baseline import load as load_baseline
from lossguard.static.finding import Finding
from lossguard.static.gitdiff import Changes
from lossguard.static.sources import SourceSet

ACCEPT = "--allow-new-suppressions"


def _where(changes: Changes) -> str:
    return f"REF ({changes.ref[:12]})"


def _shown(path: Path, changes: Changes) -> str:
    name = changes.ref_name(path)
    return name if name is not None else str(path)


def settings(current: Settings, named: Path | None, cwd: Path, changes: Changes) -> tuple[Settings, str | None]:
    """The configuration ``--diff`` checks with, and a warning when it is not the work tree's.
    ``named``: the file ``--config`` names (None: searched for from ``cwd``, as without --diff)."""
    at_ref = _at_ref(named, cwd, changes)
    if _same(at_ref, current):
        return current, None
    edited = current.source or at_ref.source or Path("pyproject.toml")
    return at_ref, (
        f"this change edits the lossguard configuration in {_shown(edited, changes)}: --diff checks with the configuration at "
        f"{_where(changes)}, since a change cannot loosen the gate that checks it; the edit applies once merged. A maintainer "
        f"who accepts it passes {ACCEPT}"
    )


def _at_ref(named: Path | None, cwd: Path, changes: Changes) -> Settings:
    """The settings REF's tree gives: the named file's or the first pyproject.toml found from
    ``cwd`` upwards, as REF has it inside the repository (a file REF does not have is not
    there), as it is outside. Inside, a file is REF's file of the same name: a symbolic link the
    change makes is not followed (it would pick another configuration REF has)."""
    if named is not None:
        if not _inside(named, changes):
            return config.load(named)
        text = changes.text_at_ref(named)
        return _parsed(named, text, changes) if text is not None else Settings(root=Path(os.path.abspath(named)).parent)
    start = cwd.resolve()
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if _inside(candidate, changes):
            text = changes.text_at_ref(candidate)
            if text is not None:
                return _parsed(candidate, text, changes)
        elif candidate.is_file():  # above the repository: not the change's to edit
            return config.load(candidate)
    return Settings()


def _parsed(path: Path, text: str, changes: Changes) -> Settings:
    return config.parse(text, Path(os.path.abspath(path)), f"{_shown(path, changes)} at {_where(changes)}")


def _inside(path: Path, changes: Changes) -> bool:
    """Whether REF's tree is where ``path`` is read from: it is in the work tree by its name
    (a link the change makes that points outside does not take it out)."""
    return changes.ref_name(path) is not None


def _same(a: Settings, b: Settings) -> bool:
    return (a.select, a.exclude, a.per_file_ignores, a.root.resolve()) == (b.select, b.exclude, b.per_file_ignores, b.root.resolve())


def baseline(path: Path, changes: Changes) -> tuple[Recorded, str | None]:
    """The recorded findings ``--diff`` hides, and a warning when the change edited the file."""
    if not _inside(path, changes):
        return load_baseline(path), None
    current = path.read_text(encoding="utf-8") if path.is_file() else None
    old = changes.text_at_ref(path)
    if old is not None and old == current:
        return load_baseline(path, current), None
    recorded = load_baseline(path, old) if old is not None else Recorded()
    what = "edits" if old is not None else "adds"
    return recorded, (
        f"this change {what} the baseline {_shown(path, changes)}: --diff hides only what it recorded at {_where(changes)}. "
        f"A maintainer who accepts the new entries passes {ACCEPT}"
    )


def changed_under_default_exclusions(left_out: list[tuple[Path, Path]], settings: Settings, changes: Changes) -> list[tuple[Path, str]]:
    """The files ``left_out`` of a folder given (with that folder) that the change adds or
    edits (:meth:`Changes.edited`), left out only by a folder name excluded by default
    (``dist``, ``build``, ``venv``: ruff's list) and not by a pattern the configuration names,
    each with that folder name. A change that adds (or moves) training code into ``src/dist/``,
    or writes a bug into a ``build/train.py`` REF has, must not pass as "All checks passed": the
    gate checks these files like any other the change touches (REF's findings of an edited file
    stay hidden, as in any file)."""
    candidates = [(path, name) for path, base in left_out if (name := settings.default_exclusion(path, base)) is not None]
    kept = [(path, name) for path, name in candidates if path.resolve() in changes.at_ref]
    edited = changes.edited([path for path, _ in kept]) if kept else set()
    return [(path, name) for path, name in candidates if path.resolve() not in changes.at_ref or path in edited]


def changed_scripts(others: list[tuple[Path, Path]], settings: Settings, changes: Changes) -> list[Path]:
    """The files found under a folder given without a Python suffix (``others``, each with that
    folder) that the change adds or edits and that are Python programs (``bin/train`` with a
    Python shebang, ``train.pyw``: :func:`lossguard.static.files.python_script`), unless the
    configuration excludes them by a pattern it names. A folder's run checks ``.py`` files only
    (as ruff does), so a pull request that renames ``train.py`` to ``train.pyw``, or moves its
    loop into ``bin/train``, with a bug, passed as "No Python files or notebooks to check." Only
    the change's files are opened (their first line), never the tree's other files."""
    from lossguard.static.files import python_script

    candidates = [p for p, base in others if not settings.is_excluded(p, base) or settings.default_exclusion(p, base) is not None]
    kept = [p for p in candidates if p.resolve() in changes.at_ref]
    edited = changes.edited(kept) if kept else set()
    return [p for p in candidates if (p.resolve() not in changes.at_ref or p in edited) and python_script(p)]


SilenceKey = tuple[str, str, str, str]


def silence_keys(findings: list[Finding], path: Callable[[Finding], str], sources: SourceSet) -> list[SilenceKey]:
    """What identifies each silenced finding across REF and the change: its code, file (``path``,
    relative to the top), scope, and its lines' code without their comments (an edited comment on a
    silenced line is the same finding, silenced). Each file's comments are read once."""
    cuts: dict[str, dict[int, int]] = {}
    keys = []
    for f in findings:
        lines = sources.lines(f.path)
        if f.path not in cuts:
            cuts[f.path] = {line: col for line, col, _ in noqa.comments("\n".join(lines))}
        cut = cuts[f.path]
        code = [text[: cut.get(n, len(text))] for n, text in enumerate(lines[f.line - 1 : f.end_line], start=f.line)]
        keys.append((f.code, path(f), sources.scope(f.path, f.line), " ".join(" ".join(code).split())))
    return keys


def new_suppressions(
    silenced: list[tuple[Finding, int]],
    changes: Changes,
    sources: SourceSet,
    silenced_at_ref: Callable[[], Counter[SilenceKey]],
) -> list[Finding]:
    """The silenced findings that REF's text did not have silenced (same code, file, scope and
    code text), each marked with its comment's line: those whose comment is on a line the change
    edits (a skip-file comment's too; an edit of an already silenced line keeps its suppression),
    and those that a suppression comment REF already has on a line left alone silences while REF
    had no such finding there (a blanket ``# noqa`` kept for flake8 on a loss line, or one left
    over from a fixed bug, over a bug the change makes elsewhere: a softmax added to the model).
    Those come back with ``suppression_at_ref``. A skip-file comment REF has is REF's choice
    for the whole file and is obeyed.

    REF's silenced findings are a multiset: each stands for one finding silenced now, and those
    whose comment the change left alone take theirs first, so a second copy of a silenced line
    written in the same function with its own new comment is new."""

    def edited(f: Finding, line: int) -> bool:
        book = sources.notebooks.get(f.path)
        return changes.touches(sources.paths[f.path], line, line, book.source if book is not None else None)

    skip_lines: dict[str, int | None] = {}

    def skips_file(f: Finding, line: int) -> bool:
        if f.path not in skip_lines:
            marks = noqa.suppressions("\n".join(sources.lines(f.path)))
            skip_lines[f.path] = marks.skip_line if marks.skip_file else None
        return skip_lines[f.path] == line

    known = [(f, line) for f, line in silenced if f.path in sources.paths]
    touched = [edited(f, line) for f, line in known]
    kept_skip = [not t and skips_file(f, line) for (f, line), t in zip(known, touched)]
    if all(kept_skip):  # (nothing silenced, or only by skip-file comments REF has)
        return []
    left = Counter(silenced_at_ref())
    # a comment REF has, on a line left alone, is matched without the scope: renaming the function
    # around an accepted line does not make its comment silence something else
    left_loose: Counter[tuple[str, str, str]] = Counter()
    for key, n in left.items():
        left_loose[_loose(key)] += n
    keys = silence_keys([f for f, _ in known], lambda f: changes.origin(sources.paths[f.path]) or _shown(sources.paths[f.path], changes), sources)
    out = []
    for (f, line), key, is_edited, skip in zip(known, keys, touched, kept_skip):
        if is_edited:
            continue
        if left_loose[_loose(key)] > 0:
            left_loose[_loose(key)] -= 1
            left[key] -= 1 if left[key] > 0 else 0
        elif not skip:
            out.append(dataclasses.replace(f, new_suppression=line, suppression_at_ref=True))
    for (f, line), key, is_edited in zip(known, keys, touched):
        if not is_edited:
            continue
        if left[key] > 0 and left_loose[_loose(key)] > 0:
            left[key] -= 1
            left_loose[_loose(key)] -= 1
        else:
            out.append(dataclasses.replace(f, new_suppression=line))
    return out


def _loose(key: SilenceKey) -> tuple[str, str, str]:
    """A silenced finding's key without its scope: code, file, code text."""
    return key[0], key[1], key[3]


def noted(f: Finding) -> Finding:
    """A finding a new comment would silence, its message saying so (every report shows it)."""
    if f.new_suppression is None:
        return f
    if f.suppression_at_ref:
        note = f"silenced by a suppression comment (line {f.new_suppression}) that did not silence this finding at REF, which --diff does not trust"
    else:
        note = f"silenced by a suppression comment this change adds (line {f.new_suppression}), which --diff does not trust"
    return dataclasses.replace(f, message=f"{f.message.rstrip('.')}; {note}")
