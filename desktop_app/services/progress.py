"""The one progress protocol of long work in the services, the command line and the window.

A service that takes a while accepts `progress: Progress | None` and calls `progress(done, total, text)`
as it goes: `done` of `total` steps (files, rows, members; or percent of 100), `text` saying what it is
doing now in Chinese ("" when there is nothing to add). The caller stops the work by raising `Cancelled`
from that call; the service then undoes what it started (rolls back its transaction, removes what it
wrote) and lets the exception go on.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from ..domain.i18n import QT_TRANSLATE_NOOP

Progress = Callable[[int, int, str], None]
DRAWING = QT_TRANSLATE_NOOP("Messages", "正在排版…")  # a document being laid out, page by page


class Cancelled(Exception):
    """The user (or the caller) stopped the work; nothing of it was kept."""


def report(progress: Progress | None, done: int, total: int, text: str = "") -> None:
    if progress is not None:
        progress(done, total, text)


def percent(done: int, total: int) -> int:
    """0…100 for `done` of `total` (100 when there is nothing to do)."""
    if total <= 0:
        return 100
    return max(0, min(100, done * 100 // total))


_collector_lock = threading.Lock()
_collector_state = {"works": 0, "resume": False}  # paused works running; whether the collector was on before them


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused while long work runs.

    A full collection holds the GIL for as long as it takes to walk every object — up to 0.7 s for the million
    a roster print or a duty sheet makes — and a pass that makes hundreds of thousands of objects (the
    scheduler's input for a prefecture) sets off many of them. While the collector waits, reference counting
    still frees what the work drops (the passes make no cycles worth keeping them from); it runs again once no
    paused work is running. Nested and concurrent pauses count: the last one to end turns it back on, if it was
    on before the first began. The one way to pause it (the scheduler, the demo data and ui/ops's workers use it)."""
    with _collector_lock:
        _collector_state["works"] += 1
        if _collector_state["works"] == 1:
            _collector_state["resume"] = gc.isenabled()
            gc.disable()
    try:
        yield
    finally:
        with _collector_lock:
            _collector_state["works"] -= 1
            if _collector_state["works"] == 0 and _collector_state["resume"]:
                gc.enable()
