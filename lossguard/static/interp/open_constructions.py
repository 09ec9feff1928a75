"""Objects built from a mapping whose ``__init__`` takes ``**kwargs``, and attributes stored under names that are not
literals (round 36).

Configuration-driven code builds its agents and trainers from a dictionary: ``agent = SAC(**params)`` with ``def
__init__(self, **config)`` reading ``config["lr"]`` (alirezakazemipour/Discrete-SAC-PyTorch), ``Pipeline(name,
**config[data])`` with ``def __init__(self, model_name, **params)`` reading ``params["model"]`` (quqixun/GNN-Pytorch).
``interp.mapping_args`` runs ``__init__`` for a ``**mapping`` call only where it takes no ``**kwargs``, so these objects
were built without running it: every attribute unknown, the networks and optimizers it builds lost.

What the mapping holds is not known, and nothing here guesses it: ``__init__`` runs with the positional arguments and
keywords written at the call, every other named parameter unknown, and its ``**kwargs`` unknown (so
``config["lr"]``, ``config.get("lr", 1e-3)`` and a loop over ``config.items()`` are unknown too). What ``__init__``
builds from literals and from the checked code's classes is then known, as for any construction with unknown
arguments. A call with ``*sequence`` (or an ``__init__`` with ``*args``) is left as before.

An attribute stored under a name that is not a literal (``for k, v in kwargs.items(): setattr(self, k, v)``, or
``self.__dict__.update(config)``) may replace any attribute: every attribute of ``self`` bound so far (in the body, and on the object being built where the
body is its construction) becomes unknown. A literal name is an assignment, as before (``calls._setattr``).
"""

from __future__ import annotations

import ast

from lossguard.static.interp.frame import Env, Frame, is_self
from lossguard.static.interp.mapping_args import filled_keywords
from lossguard.static.values import UNKNOWN, Instance, Value


def open_keywords(init: ast.FunctionDef | ast.AsyncFunctionDef, n_pos: int, kw: dict[str, Value]) -> dict[str, Value] | None:
    """The keywords to run an ``__init__`` that takes ``**kwargs`` with, for a construction with ``**mapping`` only: those
    written at the call and every other named parameter, unknown (its ``**kwargs`` is bound unknown by the call). None
    for an ``__init__`` without ``**kwargs`` (``interp.mapping_args`` decides those), or with ``*args``."""
    if init.args.kwarg is None or init.args.vararg is not None:
        return None
    return filled_keywords(init, n_pos, kw, open_kwargs=True)


def updates_own_dict(node: ast.Call, frame: Frame) -> bool:
    """``self.__dict__.update(...)`` (what ``interp.stored_locals`` has not read as ``locals()``): any attribute of
    ``self`` may be replaced."""
    func = node.func
    return (
        isinstance(func, ast.Attribute)
        and func.attr == "update"
        and isinstance(func.value, ast.Attribute)
        and func.value.attr == "__dict__"
        and is_self(func.value.value, frame)
    )


def forget_self_attributes(target: ast.expr, frame: Frame, env: Env) -> None:
    """``setattr(self, <not a literal>, value)``: every attribute of ``self`` bound so far may have been replaced."""
    if not is_self(target, frame):
        return
    for key in env:
        if key.startswith("self."):
            env[key] = UNKNOWN
    inst = frame.self_value
    if frame.is_init and isinstance(inst, Instance):
        for attr in inst.attrs:
            inst.attrs[attr] = UNKNOWN
