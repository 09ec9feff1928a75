"""``nn.Sequential(*(Block(d) for _ in range(n)))``: an unknown number of copies of one block (round 37).

A comprehension or generator whose count is not known is read as ``ListOf(item)``, one interpretation of its element
standing for every iteration (``expressions._comprehension``), and ``nn.Sequential`` of it had no layers known, so
its output had no shape: a DQN's ``nn.Sequential(first, nn.Sequential(*tuple(nn.Sequential(nn.Linear(h, h),
nn.ReLU()) for _ in range(n_layers - 1))), nn.Linear(h, n_actions))`` gave ``(..., n_actions)`` for an ``(N, d)``
input, and ``.max(1)[0]`` of it nothing (jvmncs/safe-grid-agents, realcode_heldout27).

Applied to a tensor, the block is run once on it; where what it returns has the same shape as what it was given (a
``Linear(h, h)`` and a ``ReLU``), any number of copies, none included, keeps that shape, so the repeated block returns
a tensor of the input's shape and of the dtype both agree on, nothing else known (its activation is the input's for
no copies and the block's for one or more). A block that changes the shape, or one whose output is not a tensor,
leaves the output unknown, as before."""

from __future__ import annotations

import ast
from dataclasses import dataclass

from lossguard.static.values import UNKNOWN, ListOf, Tensor, Unknown, Value


@dataclass(frozen=True)
class RepeatedBlock(Unknown):
    """The layers of ``nn.Sequential(*items)`` where ``items`` holds an unknown number of copies of ``block``; an
    unknown value to everything but a call of the sequential model that holds it."""

    block: Value


def repeated_items(node: ast.Call, value: Value) -> Value | None:
    """What ``nn.Sequential(*<comprehension>)`` unpacks, written in the call itself (``*tuple(B for _ in ...)``,
    ``*[B for _ in ...]``): the ``ListOf`` the comprehension gives, or None. A name bound to such a list is not read
    (it may be appended to)."""
    if len(node.args) != 1 or node.keywords or not isinstance(node.args[0], ast.Starred):
        return None
    unpacked = node.args[0].value
    written = isinstance(unpacked, (ast.ListComp, ast.GeneratorExp)) or (
        isinstance(unpacked, ast.Call)
        and isinstance(unpacked.func, ast.Name)
        and unpacked.func.id in ("tuple", "list")
        and len(unpacked.args) == 1
        and isinstance(unpacked.args[0], (ast.ListComp, ast.GeneratorExp))
    )
    return value if written and isinstance(value, ListOf) and not isinstance(value.item, Unknown) else None


def repeated_layers(value: Value) -> tuple[Value, ...] | None:
    """The layers of ``nn.Sequential`` of what :func:`repeated_items` gave: one :class:`RepeatedBlock`."""
    return (RepeatedBlock(value.item),) if isinstance(value, ListOf) and not value.by_length else None


def repeated_output(given: Value, once: Value) -> Value:
    """What the repeated block returns for ``given``, its block having returned ``once`` for it."""
    if not (isinstance(given, Tensor) and isinstance(once, Tensor)) or given.shape is None or given.shape != once.shape:
        return UNKNOWN
    return Tensor(dtype=given.dtype if given.dtype == once.dtype else None, shape=given.shape)
