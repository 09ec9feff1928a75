"""Look-ups over a whole syntax tree, built once per tree instead of once per question.

A rule that asks "which class holds this method?" or "which loop has this body?" by walking the
whole module does work in proportion to the file for each site it examines, so a file with N
training functions costs N times N (Round 37, docs/performance.md: 5,000 copies of a training
function did not finish in 500 s). Each look-up here walks the tree once, in ``ast.walk``'s
order, and keeps the first answer for every key, which is the answer the walk would have
stopped at: the results are those of the walks they replace.

The trees are never changed after parsing (a deferred function body, lossguard.static.lazy_bodies,
is filled in place and keeps its identity), so an index stays true for the tree's life; it is
held weakly, by the tree.
"""

from __future__ import annotations

import ast
import weakref
from collections.abc import Callable, Sequence

_LOOPS = (ast.For, ast.AsyncFor, ast.While)

#: how many whole-tree walks the indexes below made (tests count them: one per tree and kind, whatever the sites)
walks = 0


class _Index:
    __slots__ = ("member_class", "loop_by_body", "call_assigns", "parents", "scope")

    def __init__(self) -> None:
        self.parents: dict[int, ast.AST] | None = None
        self.scope: list[ast.AST] | None = None
        self.member_class: dict[int, ast.ClassDef] | None = None
        self.loop_by_body: dict[int, ast.AST] | None = None
        self.call_assigns: dict[str, list[ast.Assign]] | None = None


_INDEXES: weakref.WeakKeyDictionary[ast.AST, _Index] = weakref.WeakKeyDictionary()


def _index(tree: ast.AST) -> _Index:
    found = _INDEXES.get(tree)
    if found is None:
        found = _INDEXES[tree] = _Index()
    return found


def _walk(tree: ast.AST) -> list[ast.AST]:
    global walks
    walks += 1
    return list(ast.walk(tree))


def class_of_member(tree: ast.AST, node: ast.AST) -> ast.ClassDef | None:
    """The first class of ``tree`` (in ``ast.walk`` order) with ``node`` among the statements of its body."""
    index = _index(tree)
    if index.member_class is None:
        table: dict[int, ast.ClassDef] = {}
        for c in _walk(tree):
            if isinstance(c, ast.ClassDef):
                for item in c.body:
                    table.setdefault(id(item), c)
        index.member_class = table
    return index.member_class.get(id(node))


def loop_with_body(tree: ast.AST, stmts: Sequence[ast.stmt]) -> ast.AST | None:
    """The first ``for`` or ``while`` loop of ``tree`` (in ``ast.walk`` order) whose body is the list ``stmts``."""
    index = _index(tree)
    if index.loop_by_body is None:
        table: dict[int, ast.AST] = {}
        for n in _walk(tree):
            if isinstance(n, _LOOPS):
                table.setdefault(id(n.body), n)
        index.loop_by_body = table
    return index.loop_by_body.get(id(stmts))


def call_assignments(tree: ast.Module, text: str, segment: Callable[[ast.AST], str]) -> list[ast.Assign]:
    """The assignments ``... = <call>`` of ``tree``, in ``ast.walk`` order, with a target written ``text``
    (``segment`` gives a node's source text: ModuleInfo.segment of the module whose tree this is)."""
    index = _index(tree)
    if index.call_assigns is None:
        table: dict[str, list[ast.Assign]] = {}
        for node in _walk(tree):
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
                for written in dict.fromkeys(segment(t) for t in node.targets):
                    table.setdefault(written, []).append(node)
        index.call_assigns = table
    return index.call_assigns.get(text, [])


def parent_map(root: ast.AST) -> dict[int, ast.AST]:
    """The parent of every node under ``root`` (by the node's id; ``root`` itself has none), built once per root (the
    same dict each time: not to be changed by the caller). The walk reads every body, so a deferred one is filled
    before the map is made."""
    index = _index(root)
    if index.parents is None:
        table: dict[int, ast.AST] = {}
        for parent in _walk(root):
            for child in ast.iter_child_nodes(parent):
                table.setdefault(id(child), parent)
        index.parents = table
    return index.parents


def ancestors(root: ast.AST, node: ast.AST) -> list[ast.AST]:
    """The nodes of ``root`` (``root`` itself included) that hold ``node`` below them, outermost first; [] when
    ``node`` is not under ``root``."""
    parents = parent_map(root)
    out: list[ast.AST] = []
    up: ast.AST | None = parents.get(id(node))
    while up is not None:
        out.append(up)
        up = parents.get(id(up))
    return out[::-1]


def own_scope_nodes(scope: ast.AST) -> list[ast.AST]:
    """``scope_nodes.scope_nodes(scope)``, computed once per scope: the same list object each time (not to be
    changed by the caller)."""
    from lossguard.static.scope_nodes import scope_nodes

    index = _index(scope)
    if index.scope is None:
        global walks
        walks += 1
        index.scope = scope_nodes(scope)
    return index.scope
