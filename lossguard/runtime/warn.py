"""The watcher's own warnings, which never stop a training run.

The watcher says through ``warnings.warn`` that a part of it was switched off (an internal error, an
output that failed). A warnings filter that turns warnings into errors (``python -W error``,
``PYTHONWARNINGS=error``, ``pytest -W error``, ``warnings.simplefilter("error")``) would make that
warning an exception raised inside the user's training step (or inside an autograd hook, failing the
backward). Then the text goes to stderr instead, once, and training goes on.
"""

from __future__ import annotations

import sys
import warnings


def warn(message: str, stacklevel: int = 2) -> None:
    """``warnings.warn(message, RuntimeWarning)``; under a filter that makes it an error, a line on stderr."""
    try:
        warnings.warn(message, RuntimeWarning, stacklevel=stacklevel + 1)
    except RuntimeWarning:
        try:
            print(f"RuntimeWarning: {message}", file=sys.stderr, flush=True)
        except Exception:  # stderr closed: nowhere left to say it
            pass
