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
_collector = {"works": 0, "resume": False}  # long works running; whether the collector was on before them


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused while long work runs. A full collection walks every object:
    it holds the GIL for as long as that takes — up to 0.7 s for the million a roster print or a duty sheet
    makes — and so stalls the window although the work is on another thread, and the demo data of a
    prefecture (millions of objects kept until its transaction ends) spends a sixth of its time in such walks.
    Reference counting still frees what the work drops; the collector runs again once no long work is running."""
    with _collector_lock:
        _collector["works"] += 1
        if _collector["works"] == 1:
            _collector["resume"] = gc.isenabled()
            gc.disable()
    try:
        yield
    finally:
        with _collector_lock:
            _collector["works"] -= 1
            if _collector["works"] == 0 and _collector["resume"]:
                gc.enable()
