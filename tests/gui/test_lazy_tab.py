"""The tabs' modules loaded in the background after the first paint (ui/lazy_tab.py)."""

from __future__ import annotations

import gc
import sys
import threading

from PySide6.QtWidgets import QLabel

from desktop_app.ui import lazy_tab
from desktop_app.ui.lazy_tab import LazyTab, preload_in_background


def test_modules_are_imported_after_the_threads_before_them_and_a_bad_name_is_passed_over():
    gate = threading.Event()
    before = threading.Thread(target=gate.wait, daemon=True)
    before.start()
    sys.modules.pop("desktop_app.ui.county.values_model", None)
    thread = preload_in_background(["desktop_app.ui.no_such_module", "desktop_app.ui.county.values_model"],
                                   after=(before,))
    try:
        thread.join(0.2)
        assert thread.is_alive()  # waits for the thread before it (the fonts, the lookups)
        gate.set()
        thread.join(30)
        assert not thread.is_alive() and "desktop_app.ui.county.values_model" in sys.modules
        assert gc.get_freeze_count() > 0  # what start-up loaded is set apart from the collector's passes
    finally:
        gate.set()
        lazy_tab.wait_for_preload()
        gc.unfreeze()


def test_a_tab_built_while_the_modules_load_waits_for_them(qtbot):
    gate = threading.Event()
    before = threading.Thread(target=gate.wait, daemon=True)
    before.start()
    preload_in_background([], after=(before,))
    tab = LazyTab(lambda: QLabel("内容"))
    qtbot.addWidget(tab)
    threading.Timer(0.2, gate.set).start()
    assert tab.content.text() == "内容"  # built once the preload had ended
    assert not lazy_tab._preloading  # noqa: SLF001
    gc.unfreeze()
