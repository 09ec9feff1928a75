"""Configuration kept as class attributes and read on the class: ``class CFG: loss = "ce"`` read as ``CFG.loss``.

Round 24 (brief of branch recall20; the rsna kernels' and Kaggle notebooks' ``class CFG`` /
``class Config``). A class used as a namespace of settings holds literals in its body, and the
training code reads them on the class itself (``if CFG.loss == "ce":``, ``nn.MSELoss(size_average=
Defaults.size_average)``). Before, a read on the class gave unknown unless it named a method. It now
gives the literal of the class body (a number, a string, ``True``/``False``, ``None``; the class's
bases searched as for an instance) when nothing loaded in the run can change it: no file stores that
attribute on any object other than ``self`` or names it in ``setattr`` (the test ``settings`` uses),
and none fills the class by name (``setattr(CFG, key, value)``, ``vars(CFG)``, ``CFG.__dict__``).
Otherwise the read stays unknown (silent): the value a run uses may come from a command line or a
file the checker does not see.
"""

from __future__ import annotations

import re
from typing import Any

from lossguard.static.values import ClassRef, Const

#: literal types a class setting may hold
_LITERALS = (type(None), bool, int, float, str)


def class_setting(interp: Any, cls: ClassRef, attr: str) -> Const | None:
    """The literal ``cls.<attr>`` holds for the whole run, or None."""
    if attr.startswith("__"):
        return None
    held = interp._class_attr(cls, attr)
    if not isinstance(held, Const) or type(held.value) not in _LITERALS:
        return None
    if interp._stored_elsewhere(attr) or _filled_by_name(interp, cls.node.name):
        return None
    return held


def _filled_by_name(interp: Any, name: str) -> bool:
    """Whether a loaded file sets attributes of ``name`` by a computed key or through its namespace."""
    quoted = re.escape(name)
    return bool(
        interp.loaded_text_has("\0class " + name, name, lambda: re.compile(rf"setattr\(\s*{quoted}\s*,|vars\(\s*{quoted}\s*\)|\b{quoted}\.__dict__"))
    )
