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
from contextlib import AbstractContextManager, contextmanager

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


class WhileAnyWorkRuns:
    """A process-wide setting changed while any long work runs: `with while_working():` around each work
    (an instance, called). The first work to begin calls `change()`, which changes the setting and returns
    what puts it back; the last one to end calls that. Nested and concurrent works count (the collector's pause below, ui/ops's GIL
    switch interval)."""

    def __init__(self, change: Callable[[], Callable[[], None]]) -> None:
        self._change = change
        self._lock = threading.Lock()
        self._works = 0  # works running
        self._put_back: Callable[[], None] | None = None  # what the first one's change returned

    @contextmanager
    def __call__(self) -> Iterator[None]:
        with self._lock:
            self._works += 1
            if self._works == 1:
                self._put_back = self._change()
        try:
            yield
        finally:
            with self._lock:
                self._works -= 1
                if self._works == 0 and self._put_back is not None:
                    put_back, self._put_back = self._put_back, None
                    put_back()


def _pause_collector() -> Callable[[], None]:
    was_on = gc.isenabled()
    gc.disable()
    return gc.enable if was_on else (lambda: None)


_collector_pause = WhileAnyWorkRuns(_pause_collector)


def collector_paused() -> AbstractContextManager[None]:
    """Python's cyclic garbage collector paused while long work runs.

    A full collection holds the GIL for as long as it takes to walk every object — up to 0.7 s for the million
    a roster print or a duty sheet makes — and a pass that makes hundreds of thousands of objects (the
    scheduler's input for a prefecture) sets off many of them. While the collector waits, reference counting
    still frees what the work drops (the passes make no cycles worth keeping them from); it runs again once no
    paused work is running. Nested and concurrent pauses count: the last one to end turns it back on, if it was
    on before the first began. The one way to pause it (the scheduler, the demo data and ui/ops's workers use it)."""
    return _collector_pause()
