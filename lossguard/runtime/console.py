"""The console the watcher prints to by default: rich's, on stderr, that never ends the program.

rich's ``Console`` answers a broken pipe (``python train.py 2>&1 | head``, a log collector that
went away) with ``SystemExit(1)``, after pointing the process's stdout at /dev/null: the watcher's
first line after the reader left would end the training run. This one raises ``BrokenPipeError``
instead, which the console sink takes as a failed output (dropped once, watching goes on).
"""

from __future__ import annotations

from typing import Any


def stderr_console() -> Any:
    """A ``rich.console.Console(stderr=True)`` whose broken pipe is an ``OSError``, not an exit."""
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            self.quiet = True  # nothing more to this stream
            raise BrokenPipeError("the console's reader has gone (broken pipe)")

    return _Console(stderr=True)
