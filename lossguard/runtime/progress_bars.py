"""Let a line through a tqdm progress bar, as ``tqdm.write`` does, without importing tqdm.

A bar redraws its line with a carriage return and no newline, so anything printed while it is
shown lands in the middle of that line. ``tqdm.write`` clears every bar on the same stream (or on
either of stdout and stderr, which share a terminal), writes, and redraws the bars: its
``tqdm.external_write_mode`` context does the clearing and redrawing, and it is used here when
the user's program has imported tqdm. lossguard never imports tqdm itself: a program without it
has no bar to clear.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import Any


@contextlib.contextmanager
def clear_bars(stream: Any) -> Iterator[None]:
    """Clear tqdm's bars on ``stream`` for the duration, redraw them after; nothing without tqdm."""
    bars = getattr(sys.modules.get("tqdm"), "tqdm", None)
    mode = getattr(bars, "external_write_mode", None)
    if mode is None or stream is None:
        yield
        return
    with contextlib.ExitStack() as stack:
        try:
            stack.enter_context(mode(file=stream))
        except Exception:  # a tqdm of another shape: print as before rather than fail
            pass
        yield
