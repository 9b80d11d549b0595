"""Python's cyclic garbage collector paused while long work runs.

A full collection holds the GIL for as long as it takes to walk every object — up to 0.7 s for the million
a roster print or a duty sheet makes — and a pass that makes hundreds of thousands of objects (the
scheduler's input for a prefecture) sets off many of them. While the collector waits, reference counting
still frees what the work drops (the passes make no cycles worth keeping them from); it runs again once no
paused work is running. Nested and concurrent pauses count: the last one to end turns it back on, if it was
on before the first began. The one way to pause it (ui/ops's workers use it too).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_state = {"works": 0, "resume": False}  # paused works running; whether the collector was on before them


@contextmanager
def collector_paused() -> Iterator[None]:
    with _lock:
        _state["works"] += 1
        if _state["works"] == 1:
            _state["resume"] = gc.isenabled()
            gc.disable()
    try:
        yield
    finally:
        with _lock:
            _state["works"] -= 1
            if _state["works"] == 0 and _state["resume"]:
                gc.enable()
