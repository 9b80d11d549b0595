"""A tab page that builds its real content the first time it is shown, so start-up pays only for the
tab the user sees (the 首页). The content keeps itself current (ops.follow_changes).

The tabs' modules are imported in a background thread after the first paint (`preload_in_background`):
a first import of a tab's modules on the GUI thread took 0.2–0.5 s (PySide6's import hook reads each
module's source), the window frozen meanwhile. A tab shown while that thread still runs waits for it
rather than import the same modules beside it."""

from __future__ import annotations

import gc
import importlib
import threading
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

Content = TypeVar("Content", bound=QWidget)

_preloading: list[threading.Thread] = []


def preload_in_background(modules: Iterable[str], after: Iterable[threading.Thread] = ()) -> threading.Thread:
    """Import `modules` in a daemon thread (each one's own imports with it), once the threads `after` have
    ended, then set what start-up loaded apart from the cyclic collector (`gc.freeze`); returns the
    thread."""
    names, before = tuple(modules), tuple(after)

    def load() -> None:
        for thread in before:
            thread.join()
        for name in names:
            try:
                importlib.import_module(name)
            except Exception:  # noqa: BLE001, S112 - imported again, and its error shown, when the tab is built
                continue
        # what start-up loaded (modules, Qt's wrappers, the pinyin and ID-number tables: about a million
        # objects) stays for the whole run: kept out of the cyclic collector's passes from now on, so that a
        # full pass — after long work, when the collector runs again — walks only what was made since
        gc.freeze()

    thread = threading.Thread(target=load, name="tab-preload", daemon=True)
    _preloading.append(thread)
    thread.start()
    return thread


def wait_for_preload() -> None:
    """Until the background imports have finished (at once when none runs)."""
    while _preloading:
        _preloading[0].join()
        _preloading.pop(0)


class LazyTab(QWidget, Generic[Content]):
    def __init__(self, factory: Callable[[], Content], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self._content: Content | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def content(self) -> Content:
        return self.build()

    @property
    def built(self) -> bool:
        return self._content is not None

    def build(self) -> Content:
        if self._content is None:
            wait_for_preload()
            self._content = self._factory()
            self._layout.addWidget(self._content)
            if self.isVisible():
                self._content.show()  # now, not queued: its first show fills it (ops.follow_changes)
        return self._content

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        self.build()
        super().showEvent(event)


class LazyPages(QTabWidget):
    """Tabs some of whose pages are LazyTabs (a page built when first shown or asked for): `indexOf` and
    `setCurrentWidget` take a lazy page's content as well as the page itself."""

    def indexOf(self, widget: QWidget) -> int:  # noqa: N802 - Qt API
        index = super().indexOf(widget)
        if index >= 0:
            return index
        for other in range(self.count()):
            page = self.widget(other)
            if isinstance(page, LazyTab) and page._content is widget and widget is not None:
                return other
        return -1

    def setCurrentWidget(self, widget: QWidget) -> None:  # noqa: N802 - Qt API
        index = self.indexOf(widget)
        if index >= 0:
            self.setCurrentIndex(index)
