"""The gradient calls of one training iteration, in the order they run (LG018).

A loop's body (or the body of a step function the loop calls), read as straight-line code: the statements of inner
loops (gradient accumulation over ``range(n)``), ``with`` blocks and ``try`` bodies count in place, those of an
``if`` are kept with the branch they are on, so that two calls on the two branches of one ``if`` are never read as
running in the same iteration. Nested functions and classes are not part of the iteration. Text and AST facts only;
which optimizer a call steps or clears is the interpreter's reading, passed in by the rule.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from lossguard.static.scope_nodes import SCOPES, own_nodes

#: where a call sits among the ``if`` statements of the iteration: (id of the ``if``, branch: 0 body, 1 else), and
#: (id of the ``try``, handler number) for an ``except`` handler
Path = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Placed:
    """A node of the iteration with its position in running order and its branch path."""

    node: ast.AST
    order: int
    path: Path


def compatible(*paths: Path) -> bool:
    """Whether calls on these paths can all run in one iteration: none on the other branch of an ``if`` that another
    is on."""
    seen: dict[int, int] = {}
    for path in paths:
        for test, branch in path:
            if seen.setdefault(test, branch) != branch:
                return False
    return True


def iteration_nodes(body: list[ast.stmt]) -> list[Placed]:
    """Every call and every assignment target of ``body``, in running order (a statement's own nodes by position),
    each with its branch path."""
    out: list[Placed] = []

    def own(node: ast.AST, path: Path) -> None:
        found = [n for n in own_nodes([node]) if isinstance(n, (ast.Call, ast.Attribute))]
        found.sort(key=lambda n: (getattr(n, "end_lineno", 0) or 0, getattr(n, "end_col_offset", 0) or 0))
        out.extend(Placed(n, len(out) + i, path) for i, n in enumerate(found))

    def walk(stmts: list[ast.stmt], path: Path) -> None:
        for stmt in stmts:
            if isinstance(stmt, SCOPES):
                continue
            if isinstance(stmt, ast.If):
                own(stmt.test, path)
                walk(stmt.body, (*path, (id(stmt), 0)))
                walk(stmt.orelse, (*path, (id(stmt), 1)))
            elif isinstance(stmt, (ast.For, ast.AsyncFor)):
                own(stmt.iter, path)
                walk(stmt.body, path)
                walk(stmt.orelse, path)
            elif isinstance(stmt, ast.While):
                own(stmt.test, path)
                walk(stmt.body, path)
                walk(stmt.orelse, path)
            elif isinstance(stmt, (ast.With, ast.AsyncWith)):
                for item in stmt.items:
                    own(item.context_expr, path)
                walk(stmt.body, path)
            elif isinstance(stmt, ast.Try) or type(stmt).__name__ == "TryStar":
                walk(stmt.body, path)  # type: ignore[attr-defined]
                for i, handler in enumerate(stmt.handlers):  # type: ignore[attr-defined]
                    walk(handler.body, (*path, (id(stmt), i + 1)))
                walk(stmt.orelse, path)  # type: ignore[attr-defined]
                walk(stmt.finalbody, path)  # type: ignore[attr-defined]
            elif isinstance(stmt, ast.Match):
                own(stmt.subject, path)
                for i, case in enumerate(stmt.cases):
                    walk(case.body, (*path, (id(stmt), i)))
            else:
                own(stmt, path)

    walk(body, ())
    return out
