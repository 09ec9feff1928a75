"""Git, run so that a checked repository cannot make it execute anything; and ``--diff REF``.

A repository's own configuration can name programs that git runs: ``core.fsmonitor`` (run by
``ls-files`` and ``status``), hooks, pagers, external diff drivers, textconv and clean/smudge
filters (run by ``git diff`` on the work tree), and, in a partial clone, the promisor remote
that a read of a missing object fetches from (an ``ext::`` URL is a command). lossguard checks repositories it does not trust
(a reviewer's clone, a CI job on a pull request), so every git call goes through :func:`git`,
which turns the executing settings off on the command line (where they override the
repository's) and uses only plumbing commands that run no filter: ``rev-parse``, ``ls-files``,
``ls-tree``, ``cat-file blob`` / ``commit`` / ``--batch``, ``merge-base`` and ``check-ignore``.

REF is compared from where HEAD's history meets it (:func:`_merge_base`, ``REF...HEAD``).
Changed lines therefore come from comparing each file's text at REF (``git cat-file blob``)
with the text checked now, line by line (:mod:`lossguard.static.line_diff`), instead of from ``git diff`` (which
would run the repository's clean filters). Files that are not in REF's tree but are in the
work tree (new, staged or untracked and not ignored, or outside the work tree) count as
changed throughout; a file in a submodule is compared with the submodule's commit in REF. A
notebook is compared by its code cells. Findings on unchanged lines are then matched with
REF's own findings (lossguard.static.run: REF's files are written with :meth:`Changes.snapshot`).
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from lossguard.errors import UsageError
from lossguard.static import line_diff, notebook, renames, sources

# Settings that make git run a program, turned off. Command-line `-c` wins over every config file.
SAFE_CONFIG = (
    "core.fsmonitor=false",
    "core.untrackedCache=false",
    "core.hooksPath=/dev/null",
    "core.pager=cat",
    "core.quotepath=off",
    "diff.external=",
    "protocol.allow=never",
)
_UNSAFE_ENV = ("GIT_EXTERNAL_DIFF", "GIT_PAGER", "GIT_SSH", "GIT_SSH_COMMAND", "GIT_ASKPASS", "GIT_EDITOR", "GIT_CONFIG_PARAMETERS")
# --diff without a git program: found missing before the first call, or when a call cannot start it
_NO_GIT = "--diff needs git, and no `git` command was found on PATH"


def git_program() -> str | None:
    """The ``git`` that PATH names, looked for only in absolute folders: an empty or relative
    PATH entry (a trailing ``:``) means the current folder, the checked repository, whose own
    ``git`` file must never run."""
    folders = [d for d in os.environ.get("PATH", os.defpath).split(os.pathsep) if d and os.path.isabs(d)]
    return shutil.which("git", path=os.pathsep.join(folders)) if folders else None


def git(args: list[str], cwd: Path, timeout: float = 120, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run ``git`` with every setting that could execute a program disabled. Raises OSError when
    git is missing and subprocess.TimeoutExpired when it hangs."""
    program = git_program()
    if program is None:
        raise FileNotFoundError("git")
    env = {k: v for k, v in os.environ.items() if k not in _UNSAFE_ENV}
    env.update(GIT_CONFIG_NOSYSTEM="1", GIT_OPTIONAL_LOCKS="0", GIT_TERMINAL_PROMPT="0", GIT_PAGER="cat", PAGER="cat")
    # A partial clone fetches a missing object from its promisor remote on first read; the
    # remote's URL and its transport's permission (`protocol.ext.allow`, `core.sshCommand`)
    # are the repository's own settings. An empty allow list refuses every transport whatever
    # the configuration says (git >= 2.12); GIT_NO_LAZY_FETCH stops the fetch itself (>= 2.44).
    env.update(GIT_ALLOW_PROTOCOL="", GIT_NO_LAZY_FETCH="1")
    config = [a for c in SAFE_CONFIG for a in ("-c", c)]
    return subprocess.run(
        [program, "--no-pager", *config, *args],
        check=False,
        cwd=cwd,
        capture_output=True,
        timeout=timeout,
        env=env,
        input=stdin if stdin is not None else b"",
    )


def _text(data: bytes) -> str:
    return data.decode("utf-8", "surrogateescape")


def toplevel(start: Path) -> Path | None:
    """The top of the git work tree holding ``start``, or None outside one (or without git)."""
    try:
        proc = git(["rev-parse", "--show-toplevel"], start, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    out = _text(proc.stdout).strip()
    if proc.returncode != 0 or not out:
        return None
    return Path(out).resolve()


def list_files(
    folder: Path, unreadable: list[str] | None = None, _seen: set[Path] | None = None, absent: list[str] | None = None
) -> list[Path] | None:
    """Files git would show under ``folder`` (tracked, and untracked but not ignored); None when
    ``folder`` is not in a work tree or git is missing. Folders git could not open are added to
    ``unreadable`` (git only warns about them). git shows a submodule, and a repository of its
    own inside the work tree, as one entry: their files are listed by their own git; a
    submodule that is not checked out (no ``.git`` in it) has no files to list, and is added to
    ``absent``."""
    seen = _seen if _seen is not None else {folder.resolve()}
    try:
        proc = git(["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "."], folder, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if proc.returncode != 0:
        return None
    if unreadable is not None:
        for line in _text(proc.stderr).splitlines():
            if "could not open directory" in line:
                name = line.split("'")[1] if line.count("'") >= 2 else line
                unreadable.append(str(folder / name.rstrip("/")))
    out: list[Path] = []
    for name in _text(proc.stdout).split("\0"):
        if not name:
            continue
        p = folder / name
        if name.endswith("/") or (p.is_dir() and not p.is_symlink()):
            key = p.resolve()
            if key not in seen:
                seen.add(key)
                if not (p / ".git").exists():  # (git lists a folder only for a submodule or a repository)
                    if absent is not None:
                        absent.append(str(p))
                    continue
                out.extend(list_files(p, unreadable, seen, absent) or [])
            continue
        out.append(p)
    return out


# What git's revision syntax appends to a ref name: HEAD~3, main^2, v1^{commit}, main@{u}
_REVISION_SUFFIX = re.compile(r"(?:~[0-9]*|\^[0-9]*|\^\{[^}]*\}|@\{[^}]*\})+$")
_REF_NAME_BAD = re.compile(r"[\x00-\x20\x7f~^:?*\[\\]|\.\.|@\{|//")


def may_name_a_revision(value: str) -> bool:
    """Whether ``value`` is a name that a ref could have (``git check-ref-format
    --allow-onelevel``), with or without revision syntax after it (``HEAD~1``, ``main@{u}``):
    what a ref not fetched yet can be called, so that a path of the same name must not be taken
    for what was meant. ``./x``, ``src/``, ``.`` are paths only."""
    name = _REVISION_SUFFIX.sub("", value) or ("HEAD" if value.startswith(("~", "^", "@{")) else "")
    if name == "@":
        return True
    if not name or name.startswith("/") or name.endswith(("/", ".")) or _REF_NAME_BAD.search(name):
        return False
    return all(part and not part.startswith(".") and not part.endswith(".lock") for part in name.split("/"))


def is_commit(ref: str, cwd: Path) -> bool:
    if ref.startswith("-"):
        return False
    try:
        proc = git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"], cwd, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return proc.returncode == 0


@dataclass
class Changes:
    """What changed since ``ref`` (a commit id) in the work tree at ``toplevel``."""

    ref: str  # the commit compared with: REF's merge base with HEAD
    toplevel: Path
    tip: str = ""  # REF's own commit (``ref`` too when REF is an ancestor of HEAD)
    blobs: dict[str, str] = field(default_factory=dict)  # the regular files in REF's tree (relative to the top) -> their object id
    links: dict[str, str] = field(default_factory=dict)  # the symbolic links in REF's tree -> the object id of their target's text
    gitlinks: dict[str, str] = field(default_factory=dict)  # submodule folder in REF's tree -> its commit there
    at_ref: set[Path] = field(default_factory=set)  # resolved paths of the files in REF's tree
    present: set[Path] = field(default_factory=set)  # resolved paths git shows in the work tree
    _changed: dict[Path, set[int] | None] = field(default_factory=dict)  # None: cannot compare, all changed
    _ignores: dict[Path, bool] = field(default_factory=dict)
    _origins: dict[Path, str | None] = field(default_factory=dict)
    _gone: dict[str, list[str]] | None = None  # object id -> REF's files of that content the work tree no longer has
    _renamed: dict[Path, str] | None = None  # a file moved with an edit -> REF's name of it (:meth:`origin`)

    def touches(self, path: Path, start: int, end: int, checked_text: str | None = None) -> bool:
        """Whether any of lines ``start..end`` of ``path`` changed since REF. ``checked_text``:
        the text that was checked (a notebook's virtual module); by default the file is read."""
        path = path.resolve()
        if path not in self.at_ref and self._submodule(path) is None:
            if self.moved_from(path) is not None:
                return False  # moved (`git mv`) without an edit: no line changed
            if self.origin(path) is None:
                return path in self.present or not self._ignored(path)  # new since REF; a file git ignores is not a change
            # moved with an edit: compared with the file it was moved from
        if path not in self._changed:
            self._changed[path] = self._changed_lines(path, checked_text)
        changed = self._changed[path]
        return changed is None or any(n in changed for n in range(start, end + 1))

    def moved_from(self, path: Path) -> str | None:
        """REF's name of the file that ``path`` was moved from unedited (``git mv`` of a file or a
        package): ``path`` is a file of the work tree (git shows it, outside a submodule) that
        REF's tree does not have, and its bytes are those of a file REF's tree has and the work
        tree no longer has (of that one file, or of the one with the same file name among
        several). None otherwise: an edited move is a new file, as before."""
        path = path.resolve()
        if path in self.at_ref or path not in self.present or self._submodule(path) is not None:
            return None
        if path not in self._origins:
            self._origins[path] = self._origin(path)
        return self._origins[path]

    def _origin(self, path: Path) -> str | None:
        if self._gone is None:
            self._gone = {}
            shown = {p.relative_to(self.toplevel).as_posix() for p in self.present if p.is_relative_to(self.toplevel)}
            for rel, oid in self.blobs.items():
                if rel not in shown:
                    self._gone.setdefault(oid, []).append(rel)
        if not self._gone:
            return None
        try:
            data = path.read_bytes()
        except OSError:
            return None
        algorithm = hashlib.sha256 if len(next(iter(self._gone))) == 64 else hashlib.sha1  # (a SHA-256 repository's ids)
        names = self._gone.get(algorithm(b"blob %d\0" % len(data) + data).hexdigest(), [])
        if len(names) > 1:
            names = [n for n in names if posixpath.basename(n) == path.name]
        return names[0] if len(names) == 1 else None

    def origin(self, path: Path) -> str | None:
        """REF's name of the file that ``path`` was moved from: unedited (:meth:`moved_from`), or
        edited (a ``.py`` file REF's tree does not have, paired with a ``.py`` file of REF's tree
        the work tree no longer has by the lines they share: :func:`renames.similar_pairs`). None
        for any other file."""
        exact = self.moved_from(path)
        if exact is not None:
            return exact
        path = path.resolve()
        if path in self.at_ref or path not in self.present or self._submodule(path) is not None:
            return None
        return self._edited_moves().get(path)

    def _edited_moves(self) -> dict[Path, str]:
        if self._renamed is None:
            self._renamed = {}
            added = [
                p for p in self.present if p.suffix == ".py" and p not in self.at_ref and self._submodule(p) is None and self.moved_from(p) is None
            ]
            moved = {origin for origin in self._origins.values() if origin is not None}
            gone = {rel: oid for oid, names in (self._gone or {}).items() for rel in names if rel.endswith(".py") and rel not in moved}
            if not added or not gone or len(added) * len(gone) > renames.MAX_PAIRS:
                return self._renamed
            texts: dict[str, str] = {}
            for p in added:
                try:
                    texts[p.relative_to(self.toplevel).as_posix()] = sources.read(p)
                except (OSError, ValueError):
                    continue
            blobs = self._read_many(list(gone.values()))
            old: dict[str, str] = {}
            for rel, oid in gone.items():
                try:
                    old[rel] = sources.decode(blobs[oid]) if oid in blobs else ""
                except ValueError:
                    continue
            for new, was in renames.similar_pairs(texts, {rel: text for rel, text in old.items() if text}).items():
                self._renamed[(self.toplevel / new).resolve()] = was
        return self._renamed

    def name_at_ref(self, path: Path) -> str:
        """The name relative to the top under which REF's tree has the file at ``path`` (resolved):
        its own, or the one it was moved from (:meth:`origin`)."""
        return self.origin(path) or path.resolve().relative_to(self.toplevel).as_posix()

    def _ignored(self, path: Path) -> bool:
        """Whether git ignores ``path`` (False outside the work tree, which no ref describes)."""
        if path not in self._ignores:
            try:
                rel = path.relative_to(self.toplevel).as_posix()
                proc = git(["check-ignore", "-q", "--no-index", "--", rel], self.toplevel, timeout=30)
                self._ignores[path] = proc.returncode == 0
            except (ValueError, OSError, subprocess.TimeoutExpired):
                self._ignores[path] = False
        return self._ignores[path]

    def _submodule(self, path: Path) -> tuple[Path, str, str] | None:
        """(its folder, its commit in REF, the path within it) when ``path`` is in a submodule
        that REF's tree has."""
        try:
            rel = path.relative_to(self.toplevel).as_posix()
        except ValueError:
            return None
        for folder, commit in self.gitlinks.items():
            if rel.startswith(folder + "/"):
                return self.toplevel / folder, commit, rel[len(folder) + 1 :]
        return None

    def _changed_lines(self, path: Path, new_text: str | None) -> set[int] | None:
        where = self._submodule(path) if path not in self.at_ref else None
        moved = self._edited_moves().get(path) if path not in self.at_ref else None
        try:
            # (a file REF has whose name the change made a link out of the work tree has no name in it: all changed)
            repo, commit, rel = where if where is not None else (self.toplevel, self.ref, moved or path.relative_to(self.toplevel).as_posix())
            proc = git(["cat-file", "blob", f"{commit}:{rel}"], repo)
            if proc.returncode != 0:
                raise OSError(_text(proc.stderr))
            if notebook.is_notebook(path):
                old_text = notebook.parse(proc.stdout.decode("utf-8")).source
            else:
                old_text = sources.decode(proc.stdout)
            if new_text is None:
                new_text = sources.read(path)
        except (OSError, subprocess.TimeoutExpired, ValueError):
            return None  # cannot compare: every line counts as changed
        return line_diff.changed_lines(sources.split_lines(old_text), sources.split_lines(new_text))

    def edited(self, paths: list[Path]) -> set[Path]:
        """Those of ``paths`` that REF's tree has as regular files and that the change edits:
        the index holds another object for the file than REF's tree (a committed or staged
        edit: what a pull request's commits are), or the file's size in the work tree is not
        the size of REF's object (an unstaged edit that changes it). Read from the index and the
        object store, never from the files (a committed virtual environment costs a stat per
        file); an unstaged edit that keeps the size is not seen. None is edited when git fails."""
        names = {rel: p for p in paths if (rel := self.ref_name(p)) is not None and rel in self.blobs}
        if not names:
            return set()
        staged = self._staged()
        try:
            sizes = git(
                ["cat-file", "--batch-check=%(objectname) %(objectsize)"],
                self.toplevel,
                stdin="".join(f"{self.blobs[rel]}\n" for rel in names).encode(),
            )
        except (OSError, subprocess.TimeoutExpired):
            return set()
        if staged is None or sizes.returncode != 0:
            return set()
        size_of = dict(line.split(" ", 1) for line in _text(sizes.stdout).splitlines() if line.count(" ") == 1)
        out = set()
        for rel, path in names.items():
            oid = self.blobs[rel]
            try:
                size = path.stat().st_size
            except OSError:
                continue
            if staged.get(rel, ("", oid))[1] != oid or size_of.get(oid, str(size)) != str(size):
                out.add(path)
        return out

    def moved_submodules(self, folders: list[Path]) -> dict[Path, tuple[str | None, str]]:
        """Those of ``folders`` (submodules) whose commit the change moves: the index records
        another commit for the folder than REF's tree (None at REF: a submodule the change adds),
        with REF's commit and the new one. Read from the index: the submodule need not be
        checked out."""
        staged = self._staged() if folders else None
        out: dict[Path, tuple[str | None, str]] = {}
        for folder in folders:
            rel = self.ref_name(folder)
            mode, commit = staged.get(rel, ("", "")) if staged is not None and rel is not None else ("", "")
            if mode == "160000" and commit != self.gitlinks.get(rel or ""):
                out[folder] = (self.gitlinks.get(rel or ""), commit)
        return out

    def _staged(self) -> dict[str, tuple[str, str]] | None:
        """The index's entries (stage 0): name relative to the top -> (mode, object id); None
        when git fails. (``ls-files --stage`` reads the index only: no file is read, no filter runs.)"""
        try:
            proc = git(["ls-files", "--stage", "-z"], self.toplevel)
        except (OSError, subprocess.TimeoutExpired):
            return None
        if proc.returncode != 0:
            return None
        staged: dict[str, tuple[str, str]] = {}
        for entry in _text(proc.stdout).split("\0"):
            meta, _, name = entry.partition("\t")
            parts = meta.split()
            if len(parts) == 3 and parts[2] == "0":
                staged[name] = (parts[0], parts[1])
        return staged

    def ref_name(self, path: Path) -> str | None:
        """The name ``path`` has relative to the top, as written: the work tree's symbolic links
        are not followed (they are the change's; REF's tree has its own), ``..`` is resolved by
        name. None outside the work tree. (A path that reaches the work tree through a link
        outside it, such as a checkout under a linked home folder, is taken resolved.)"""
        for candidate in (Path(os.path.abspath(path)), path.resolve()):
            try:
                return candidate.relative_to(self.toplevel).as_posix()
            except ValueError:
                continue
        return None

    def text_at_ref(self, path: Path) -> str | None:
        """REF's text of the file of that name (:meth:`ref_name`), as UTF-8 (what the
        configuration and baseline files it is read for are), or None when REF's tree has no
        such file (a file outside the work tree: None too) or it cannot be read. A symbolic
        link the change makes (``pyproject.toml`` pointed at another configuration REF has) is
        not followed; one REF has is, within REF's tree."""
        rel = self.ref_name(path)
        oid = self._blob_at_ref(rel) if rel is not None else None
        data = self._read(oid) if oid is not None else None
        try:
            return data.decode("utf-8") if data is not None else None
        except UnicodeDecodeError:
            return None

    def same_link(self, path: Path) -> bool:
        """Whether REF's tree has a symbolic link of the name ``path`` has (:meth:`ref_name`), to
        the target the work tree's link ``path`` names."""
        rel = self.ref_name(path)
        if rel is None or rel not in self.links:
            return False
        try:
            target = os.fsencode(os.readlink(path))
        except OSError:
            return False
        return self._read(self.links[rel]) == target

    def _blob_at_ref(self, rel: str) -> str | None:
        """The object id of the regular file REF's tree has at ``rel``, following REF's own
        symbolic links (in any folder on the way) while they stay inside the tree."""
        for _ in range(40):  # (as the kernel's limit on links followed)
            if rel in self.blobs:
                return self.blobs[rel]
            parts = rel.split("/")
            for i in range(1, len(parts) + 1):
                link = "/".join(parts[:i])
                if link in self.links:
                    data = self._read(self.links[link])
                    target = _text(data) if data is not None else "/"
                    if target.startswith("/"):
                        return None
                    rel = posixpath.normpath(posixpath.join(posixpath.dirname(link), target, *parts[i:]))
                    if rel == ".." or rel.startswith("../"):
                        return None
                    break
            else:
                return None
        return None

    def _read(self, oid: str) -> bytes | None:
        try:
            proc = git(["cat-file", "blob", oid], self.toplevel)
        except (OSError, subprocess.TimeoutExpired):
            return None
        return proc.stdout if proc.returncode == 0 else None

    def _read_many(self, oids: list[str]) -> dict[str, bytes]:
        """The contents of the blobs ``oids`` (read in one ``cat-file --batch``); those that cannot
        be read are left out."""
        try:
            batch = git(["cat-file", "--batch"], self.toplevel, stdin="".join(f"{oid}\n" for oid in oids).encode())
        except (OSError, subprocess.TimeoutExpired):
            return {}
        out: dict[str, bytes] = {}
        data, pos = batch.stdout, 0
        for oid in oids:
            end = data.find(b"\n", pos)
            if end < 0:
                break
            header = data[pos:end].split()
            if len(header) != 3 or header[1] != b"blob" or not header[2].isdigit():
                break
            size = int(header[2])
            out[oid] = data[end + 1 : end + 1 + size]
            pos = end + 1 + size + 1
        return out

    def snapshot(self, into: Path, suffixes: tuple[str, ...], also: set[str] | None = None) -> dict[str, Path]:
        """Write REF's files whose names end with ``suffixes`` (and those named in ``also``)
        under ``into``, as blobs (no filter runs), and return them by their name relative to
        the top. Names that could leave ``into`` are skipped; so is everything when git fails
        (nothing is then known about REF, and every finding counts as new)."""
        blobs = [(oid, n) for n, oid in self.blobs.items() if (n.endswith(suffixes) or n in (also or ())) and _safe_name(n)]
        if not blobs:
            return {}
        bodies = self._read_many([oid for oid, _ in blobs])
        out: dict[str, Path] = {}
        for oid, name in blobs:
            if oid not in bodies:
                break
            target = into.joinpath(*name.split("/"))
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(bodies[oid])
            out[name] = target
        return out


def _merge_base(ref: str, commit: str, top_dir: Path) -> str:
    """The commit ``--diff REF`` compares with: where HEAD's history and REF's last met (``git
    diff REF...HEAD``, as pre-commit's ``--from-ref`` and diff-cover compare), so that on a
    branch behind REF, what REF changed since the branch left it is not counted as the
    branch's change, nor does it hide the branch's. REF itself when it is an ancestor of HEAD,
    when it is a parent of HEAD (a shallow clone of a pull request's merge commit, where the
    merge base cannot be computed), and when there is no commit yet. Raises UsageError when the histories do not meet in this
    clone (a shallow clone, unrelated histories)."""
    head = git(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], top_dir)
    if head.returncode != 0:
        return commit  # no commit yet: all of the work tree is compared with REF
    head_id = _text(head.stdout).strip()
    base = git(["merge-base", commit, head_id], top_dir)
    found = _text(base.stdout).split()
    if base.returncode != 0 or not found:
        if commit in _parents(head_id, top_dir):  # a shallow clone of a merge commit: REF is a parent
            return commit
        raise UsageError(
            f"--diff {ref}: {ref} and HEAD have no common ancestor in this clone, so what the change introduces is not known. "
            "In CI, fetch the history (actions/checkout with fetch-depth: 0); else give the commit to compare with"
        )
    return found[0]


def _parents(commit: str, top_dir: Path) -> list[str]:
    """The parents a commit object names (also where a shallow clone does not have them)."""
    proc = git(["cat-file", "commit", commit], top_dir)
    header = _text(proc.stdout).split("\n\n", 1)[0] if proc.returncode == 0 else ""
    return [line.split()[1] for line in header.splitlines() if line.startswith("parent ") and len(line.split()) == 2]


def _safe_name(name: str) -> bool:
    parts = name.split("/")
    return not name.startswith("/") and all(p not in ("", ".", "..", ".git") for p in parts)


def changes_since(ref: str, cwd: Path) -> Changes:
    """The files changed since ``ref``. Raises UsageError for a bad repository or ref."""
    if ref.startswith("-"):
        raise UsageError(f"--diff {ref}: a git ref cannot start with '-'")
    if git_program() is None:  # (toplevel() reads a missing git as "not a repository")
        raise UsageError(_NO_GIT)
    try:
        top_dir = toplevel(cwd)
        if top_dir is None:
            raise UsageError(f"--diff {ref}: {cwd.resolve()} is not inside a git repository; run lossguard from the repository, or drop --diff")
        verify = git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"], top_dir)
        if verify.returncode != 0:
            raise UsageError(
                f"--diff {ref}: not a commit in this repository. Give a branch, tag or commit "
                "(e.g. origin/main or HEAD~1); in CI, fetch it first (actions/checkout with fetch-depth: 0)"
            )
        commit = _merge_base(ref, _text(verify.stdout).strip(), top_dir)
        tree = git(["ls-tree", "-r", "-z", "--full-tree", commit], top_dir)
        if tree.returncode != 0:
            raise UsageError(f"--diff {ref}: git ls-tree failed: {_text(tree.stderr).strip()}")
        present = list_files(top_dir) or []
    except FileNotFoundError as exc:
        raise UsageError(_NO_GIT) from exc
    except subprocess.TimeoutExpired as exc:
        raise UsageError(f"--diff {ref}: git took too long") from exc
    changes = Changes(ref=commit, toplevel=top_dir, tip=_text(verify.stdout).strip())
    names: list[str] = []  # the files in REF's tree, relative to the top
    for entry in _text(tree.stdout).split("\0"):
        meta, _, name = entry.partition("\t")
        parts = meta.split()
        if len(parts) != 3:
            continue
        if parts[1] == "commit":
            changes.gitlinks[name] = parts[2]
            continue
        names.append(name)
        if parts[0] in ("100644", "100755") and parts[1] == "blob":  # (not a symbolic link)
            changes.blobs[name] = parts[2]
        elif parts[0] == "120000" and parts[1] == "blob":
            changes.links[name] = parts[2]
    changes.at_ref = {(top_dir / n).resolve() for n in names}
    changes.present = {p.resolve() for p in present}
    return changes
