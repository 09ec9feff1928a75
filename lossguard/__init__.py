"""lossguard: stop training with a broken loss.

``import lossguard`` never imports torch: the static checker and the pre-commit hook run
without it. The runtime watcher imports torch on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lossguard.errors import LossGuardError

__version__ = "0.1.0"
__all__ = ["LossGuardError", "watch", "__version__"]

if TYPE_CHECKING:  # pragma: no cover
    from lossguard.runtime.watcher import Watcher


def watch(model: Any, criterion: Any = None, **options: Any) -> Watcher:
    """Wrap ``criterion`` so that every call is watched; see :mod:`lossguard.runtime`."""
    from lossguard.runtime import watch as _watch

    return _watch(model, criterion, **options)
