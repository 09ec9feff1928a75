"""What every handler of a torch call is given (:class:`TorchCallArgs`), the handlers' types, and
the tables they are listed in, by name."""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable
from typing import Any

from lossguard.static.interp.frame import Frame
from lossguard.static.values import UNKNOWN, Site, Tensor, Value


class TorchCallArgs:
    """One call of a torch function: its qualified name, argument values and where it is."""

    __slots__ = ("qname", "node", "pos", "kw", "starred", "frame")

    def __init__(self, qname: str, node: ast.Call, pos: list[Value], kw: dict[str, Value], starred: bool, frame: Frame) -> None:
        self.qname, self.node, self.pos, self.kw, self.starred, self.frame = qname, node, pos, kw, starred, frame

    @property
    def x(self) -> Value:
        """The tensor the function works on: first positional argument or ``input=``."""
        return self.pos[0] if self.pos else self.kw.get("input", UNKNOWN)

    def site(self, what: str, explicit: bool = True) -> Site:
        return Site(self.node, self.frame.scope, what, self.frame.module, explicit=explicit)


Handler = Callable[[Any, TorchCallArgs], Value]
MethodHandler = Callable[[Tensor, TorchCallArgs], Value]


def table(*rows: tuple[Iterable[str], Any]) -> dict[str, Any]:
    """Rows in priority order: a name listed in two rows takes the first row's handler."""
    out: dict[str, Any] = {}
    for names, handler in reversed(rows):
        for name in names:
            out[name] = handler
    return out
