"""Cheap syntactic facts about functions and classes, read with Python's ``ast``.

Walking a libcst tree with a visitor costs far more than the C parser of ``ast``, so facts
that need a whole-subtree scan (does this function yield? call backward()? which ``self``
attributes does it assign?) are read from an ``ast`` parse of the same source and matched to
the libcst nodes by their order in the file.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import Iterator

import libcst as cst


@dataclass
class FunctionFacts:
    is_generator: bool = False
    calls_backward: bool = False
    self_assigned: set[str] = field(default_factory=set)


@dataclass
class ClassFacts:
    called_names: set[str] = field(default_factory=set)


class _FunctionScan(ast.NodeVisitor):
    def __init__(self, root: ast.AST) -> None:
        self.root = root
        self.facts = FunctionFacts()

    def visit_FunctionDef(self, node: ast.AST) -> None:
        if node is self.root:
            self.generic_visit(node)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Lambda(self, node: ast.Lambda) -> None:
        return None

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        return None

    def visit_Yield(self, node: ast.Yield) -> None:
        self.facts.is_generator = True
        self.generic_visit(node)

    def visit_YieldFrom(self, node: ast.YieldFrom) -> None:
        self.facts.is_generator = True
        self.generic_visit(node)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if node.attr in ("backward", "manual_backward"):
            self.facts.calls_backward = True
        self.generic_visit(node)

    def _target(self, t: ast.AST) -> None:
        if isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name) and t.value.id == "self":
            self.facts.self_assigned.add(t.attr)
        elif isinstance(t, (ast.Tuple, ast.List)):
            for el in t.elts:
                self._target(el)

    def visit_Assign(self, node: ast.Assign) -> None:
        for t in node.targets:
            self._target(t)
        self.generic_visit(node)

    def visit_AugAssign(self, node: ast.AugAssign) -> None:
        self._target(node.target)
        self.generic_visit(node)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        self._target(node.target)
        self.generic_visit(node)


def _ast_defs(stmts: list[ast.stmt]) -> Iterator[ast.AST]:
    """Function and class definitions in document order, at statement level."""
    for s in stmts:
        if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            yield s
            yield from _ast_defs(s.body)
        elif isinstance(s, (ast.If, ast.For, ast.AsyncFor, ast.While)):
            yield from _ast_defs(s.body)
            yield from _ast_defs(s.orelse)
        elif isinstance(s, (ast.With, ast.AsyncWith)):
            yield from _ast_defs(s.body)
        elif isinstance(s, ast.Try) or type(s).__name__ == "TryStar":
            yield from _ast_defs(s.body)  # type: ignore[attr-defined]
            for h in s.handlers:  # type: ignore[attr-defined]
                yield from _ast_defs(h.body)
            yield from _ast_defs(s.orelse)  # type: ignore[attr-defined]
            yield from _ast_defs(s.finalbody)  # type: ignore[attr-defined]
        elif type(s).__name__ == "Match":
            for case in s.cases:  # type: ignore[attr-defined]
                yield from _ast_defs(case.body)


def _body(block: cst.BaseSuite) -> list[cst.CSTNode]:
    return list(block.body) if isinstance(block, cst.IndentedBlock) else []


def _cst_defs(stmts: list[cst.CSTNode]) -> Iterator[cst.CSTNode]:
    for s in stmts:
        if isinstance(s, (cst.FunctionDef, cst.ClassDef)):
            yield s
            yield from _cst_defs(_body(s.body))
        elif isinstance(s, (cst.If,)):
            yield from _cst_defs(_body(s.body))
            orelse = s.orelse
            while orelse is not None:
                if isinstance(orelse, cst.If):
                    yield from _cst_defs(_body(orelse.body))
                    orelse = orelse.orelse
                else:
                    yield from _cst_defs(_body(orelse.body))
                    orelse = None
        elif isinstance(s, (cst.For, cst.While)):
            yield from _cst_defs(_body(s.body))
            if s.orelse is not None:
                yield from _cst_defs(_body(s.orelse.body))
        elif isinstance(s, cst.With):
            yield from _cst_defs(_body(s.body))
        elif isinstance(s, cst.Try) or type(s).__name__ == "TryStar":
            yield from _cst_defs(_body(s.body))  # type: ignore[attr-defined]
            for h in s.handlers:  # type: ignore[attr-defined]
                yield from _cst_defs(_body(h.body))
            if s.orelse is not None:  # type: ignore[attr-defined]
                yield from _cst_defs(_body(s.orelse.body))  # type: ignore[attr-defined]
            if s.finalbody is not None:  # type: ignore[attr-defined]
                yield from _cst_defs(_body(s.finalbody.body))  # type: ignore[attr-defined]
        elif type(s).__name__ == "Match":
            for case in s.cases:  # type: ignore[attr-defined]
                yield from _cst_defs(_body(case.body))


class ModuleFacts:
    """Facts about the functions and classes of one module, keyed by the libcst node's id and
    computed on first request (most functions of an imported module are never asked about)."""

    def __init__(self, source: str, module: cst.Module) -> None:
        self._ast: dict[int, ast.AST] = {}
        self._functions: dict[int, FunctionFacts] = {}
        self._classes: dict[int, ClassFacts] = {}
        try:
            tree = ast.parse(source)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return
        a_defs = list(_ast_defs(tree.body))
        c_defs = list(_cst_defs(list(module.body)))
        if len(a_defs) != len(c_defs):
            return  # the two parsers disagree on this file: leave the facts to the slow path
        for a, c in zip(a_defs, c_defs):
            if isinstance(c, cst.FunctionDef) and isinstance(a, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self._ast[id(c)] = a
            elif isinstance(c, cst.ClassDef) and isinstance(a, ast.ClassDef):
                self._ast[id(c)] = a

    def function(self, node: cst.FunctionDef) -> FunctionFacts | None:
        facts = self._functions.get(id(node))
        if facts is None:
            a = self._ast.get(id(node))
            if not isinstance(a, (ast.FunctionDef, ast.AsyncFunctionDef)):
                return None
            scan = _FunctionScan(a)
            scan.visit(a)
            facts = self._functions[id(node)] = scan.facts
        return facts

    def cls(self, node: cst.ClassDef) -> ClassFacts | None:
        facts = self._classes.get(id(node))
        if facts is None:
            a = self._ast.get(id(node))
            if not isinstance(a, ast.ClassDef):
                return None
            names = {n.func.id for n in ast.walk(a) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
            facts = self._classes[id(node)] = ClassFacts(names)
        return facts
