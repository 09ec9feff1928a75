"""The files of one check run: parsing on demand, imports, and finding modules across files."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lossguard.static.lazy_bodies import LazyBody, defer_bodies
from lossguard.static.prefilter import needs_analysis  # noqa: F401 - re-exported
from lossguard.static.sources import LineTable, SourceError, split_lines
from lossguard.static.sources import decode as _decode
from lossguard.static.sources import parse as _parse
from lossguard.static.values import Value

MAX_FILE_BYTES = 2_000_000
#: files or folders that mark a project's root, where the search of import bases (and of conftest.py) ends
PROJECT_ROOT_MARKERS = (".git", "pyproject.toml", "setup.py")
LAZY_BODIES = True  # parse the function bodies of imported modules on first use (lossguard.static.lazy_bodies)


@dataclass
class ModuleInfo:
    path: Path
    source: str
    module: ast.Module
    dotted: str  # best-guess dotted name, for relative imports
    is_package: bool
    star_imports: list[str] = field(default_factory=list)
    globals: dict[str, Value] | None = None  # filled by the interpreter
    #: id of a call of a function or module of the checked code -> the positions of the arguments it cuts from the
    #: graph (interp.detached_args); filled by the interpreter
    detached_args: dict[int, frozenset[int]] = field(default_factory=dict)
    #: id of a function of this module -> the names of its parameters that hand on no gradient (interp.detached_args)
    detached_params: dict[int, frozenset[str]] = field(default_factory=dict)
    analyzing: bool = False
    _lines: list[str] | None = None
    _offsets: list[int] | None = None
    _facts: Any = None
    _top_names: frozenset[str] | None = None

    def binds_at_top(self, name: str) -> bool:
        """Whether the module binds ``name`` at its top level (an import, an assignment, a def or
        class, a ``global`` statement anywhere), at any point of the file."""
        if self._top_names is None:
            self._top_names = frozenset(_top_level_names(self.module))
        return name in self._top_names

    @property
    def facts(self) -> Any:
        """Syntactic facts about the module's functions and classes (see lossguard.static.facts)."""
        if self._facts is None:
            from lossguard.static.facts import ModuleFacts

            self._facts = ModuleFacts()
        return self._facts

    def position(self, node: Any) -> CodeRange | None:
        """Where ``node`` (an ast node, or anything with ast's four position attributes) is,
        with 1-based lines and 0-based *character* columns (ast counts UTF-8 bytes)."""
        line = getattr(node, "lineno", None)
        end_line = getattr(node, "end_lineno", None)
        if line is None or end_line is None:
            return None
        return CodeRange(
            CodePosition(line, self._char_col(line, node.col_offset)),
            CodePosition(end_line, self._char_col(end_line, node.end_col_offset)),
        )

    def lines(self) -> list[str]:
        """The source's lines as ast counts them (breaks at \\r\\n, \\r and \\n; see lossguard.static.sources)."""
        if self._lines is None:
            self._lines = split_lines(self.source)  # the shared line table (lossguard.static.sources)
        return self._lines

    def line_offsets(self) -> list[int]:
        """Character offset of the start of each line (line N starts at ``line_offsets()[N - 1]``)."""
        if self._offsets is None:
            self._offsets = LineTable(self.source).offsets
        return self._offsets

    def _char_col(self, line: int, byte_col: int) -> int:
        lines = self.lines()
        if not 1 <= line <= len(lines):
            return byte_col
        text = lines[line - 1]
        if line == 1 and text.startswith("\ufeff"):
            return 1 + len(text[1:].encode("utf-8")[:byte_col].decode("utf-8", errors="replace"))
        if text.isascii():
            return byte_col
        return len(text.encode("utf-8")[:byte_col].decode("utf-8", errors="replace"))

    def segment(self, node: Any) -> str:
        """The source text of ``node``, as written."""
        pos = self.position(node)
        if pos is None:
            return ""
        lines = self.lines()
        if pos.start.line == pos.end.line:
            return lines[pos.start.line - 1][pos.start.column : pos.end.column]
        parts = [lines[pos.start.line - 1][pos.start.column :]]
        parts.extend(lines[pos.start.line : pos.end.line - 1])
        parts.append(lines[pos.end.line - 1][: pos.end.column])
        return "\n".join(parts)


@dataclass(frozen=True)
class CodePosition:
    line: int  # 1-based
    column: int  # 0-based, in characters


@dataclass(frozen=True)
class CodeRange:
    start: CodePosition
    end: CodePosition


class ParseFailure(Exception):
    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(reason)
        self.path = path
        self.reason = reason


def parse(source: str) -> ast.Module:
    """Parse with Python's own parser (raises ValueError with a readable reason); see
    lossguard.static.sources.parse, which guards recursion and libcst's native parser."""
    return _parse(source)


def resolve_relative(info: ModuleInfo, level: int, module: str) -> str:
    """The absolute dotted name of ``from <level dots><module> import ...`` inside ``info``."""
    pkg = info.dotted.split(".") if info.dotted else []
    if not info.is_package and pkg:
        pkg = pkg[:-1]
    if level - 1 > len(pkg):
        return module
    parts = pkg[: len(pkg) - (level - 1)]
    return ".".join([*parts, module] if module else parts)


class Project:
    """Every file the run may read: the checked ones and the project modules they import."""

    def __init__(self, lazy_bodies: bool | None = None) -> None:
        self.lazy_bodies = LAZY_BODIES if lazy_bodies is None else lazy_bodies
        self._by_path: dict[Path, ModuleInfo | None] = {}
        self._by_dotted: dict[str, ModuleInfo | None] = {}

    def load(self, path: Path, source: str | None = None, tree: ast.Module | None = None) -> ModuleInfo:
        """Parse a file (raises ParseFailure with a readable reason); ``tree``: already parsed."""
        path = path.resolve()
        cached = self._by_path.get(path)
        if cached is not None:
            return cached
        if source is None:
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise ParseFailure(path, f"cannot read file: {exc.strerror or exc}") from exc
            try:
                source = _decode(data)
            except SourceError as exc:
                raise ParseFailure(path, str(exc)) from exc
        try:
            module = tree if tree is not None else parse(source)
        except ValueError as exc:
            raise ParseFailure(path, str(exc)) from exc
        if tree is None and self.lazy_bodies:
            defer_bodies(module, source)  # an imported module: most of its functions are never entered
        dotted, is_pkg = self._dotted_name(path)
        info = ModuleInfo(path=path, source=source, module=module, dotted=dotted, is_package=is_pkg)
        self._by_path[path] = info
        return info

    def loaded(self) -> list[ModuleInfo]:
        """Every file read so far."""
        return [info for info in self._by_path.values() if info is not None]

    def _dotted_name(self, path: Path) -> tuple[str, bool]:
        is_pkg = path.name == "__init__.py"
        parts = [] if is_pkg else [path.stem]
        d = path.parent
        while (d / "__init__.py").exists() and d.parent != d:
            parts.insert(0, d.name)
            d = d.parent
        return ".".join(parts), is_pkg

    def find_module(self, dotted: str, importer: ModuleInfo) -> ModuleInfo | None:
        """Find the project file that `import <dotted>` from `importer` would load, if any."""
        key = f"{importer.path.parent}\0{dotted}"
        if key in self._by_dotted:
            return self._by_dotted[key]
        found: ModuleInfo | None = None
        rel = Path(*dotted.split(".")) if dotted else None
        if rel is not None:
            for base in self._search_bases(importer.path):
                # a package folder beside a module of the same name wins, as in Python's import system
                for candidate in (base / rel / "__init__.py", base / rel.with_suffix(".py")):
                    if candidate.is_file():
                        try:
                            if candidate.stat().st_size > MAX_FILE_BYTES:
                                continue
                            found = self.load(candidate)
                        except ParseFailure:
                            found = None
                        break
                if found is not None:
                    break
        self._by_dotted[key] = found
        return found

    def _search_bases(self, path: Path) -> list[Path]:
        """Folders an absolute import may start from: the file's folder and a few ancestors,
        up to the project's root (a folder with .git, pyproject.toml or setup.py). A folder that
        holds ``__init__.py`` is a package, imported by its name from the folder above, whatever
        else it holds: GraphSAINT's ``graphsaint/setup.py`` (a Cython build script beside
        ``graphsaint/__init__.py``) does not make ``graphsaint/`` the root that
        ``from graphsaint.pytorch_version.models import GraphSAINT`` starts from."""
        bases: list[Path] = []
        d = path.parent
        for _ in range(6):
            bases.append(d)
            if (d / "src").is_dir():
                bases.append(d / "src")
            if d.parent == d:
                break
            if any((d / marker).exists() for marker in PROJECT_ROOT_MARKERS) and not (d / "__init__.py").exists():
                break
            d = d.parent
        return bases


def canonical(qualname: str) -> str:
    """Map internal torch paths to their public names (``torch.nn.modules.loss.MSELoss`` -> ``torch.nn.MSELoss``)."""
    if qualname.startswith("torch.nn.modules."):
        return "torch.nn." + qualname.rsplit(".", 1)[-1]
    if (
        qualname.startswith("torch.optim.")
        and qualname.count(".") == 3
        and not qualname.startswith(("torch.optim.lr_scheduler.", "torch.optim.swa_utils."))
    ):
        return "torch.optim." + qualname.rsplit(".", 1)[-1]  # torch.optim.adam.Adam
    return qualname


def _top_level_names(tree: ast.Module) -> set[str]:
    """Names a module binds at its top level (not inside function or class bodies, whose names are
    their own), and the names any ``global`` statement declares."""
    names: set[str] = set()
    todo: list[ast.AST] = list(tree.body)
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
            names.update(declared_global(node))
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            names.add(node.id)
        elif isinstance(node, ast.Global):
            names.update(node.names)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            names.add(node.name)
        elif isinstance(node, ast.Lambda):
            continue
        todo.extend(ast.iter_child_nodes(node))
    return names


#: where a ``global`` statement can be: first in a line or after ``;`` or ``:``, then a blank or a
#: line continuation (a docstring's line that starts "global or local" matches too: it only costs the walk)
_GLOBAL_WORD = re.compile(r"(?:^|[;:])[ \t]*global[ \t\\]", re.MULTILINE)


def declared_global(node: ast.AST) -> set[str]:
    """Names the ``global`` statements inside a function or class declare. A function body not
    parsed yet (lossguard.static.lazy_bodies) is looked into only when its text holds the word: the
    walk would parse every function of every imported module, a fifth of the CPU time of checking
    a training script that imports a large package (kohya-ss/sd-scripts' ``flux_train_network.py``)."""
    names: set[str] = set()
    todo: list[ast.AST] = [node]
    while todo:
        sub = todo.pop()
        if isinstance(sub, ast.Global):
            names.update(sub.names)
        elif isinstance(sub, (ast.FunctionDef, ast.AsyncFunctionDef)) and isinstance(sub.body, LazyBody) and not sub.body.may_hold(_GLOBAL_WORD):
            continue  # its arguments, decorators and annotations are expressions: no statement there
        todo.extend(ast.iter_child_nodes(sub))
    return names
