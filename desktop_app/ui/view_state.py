"""The screen layout remembered between starts (QSettings, plain values only: numbers and lists of numbers,
never pickled Qt objects): the main window's place and size, splitter positions, each table's column widths
and sort order. Kept in `window-layout.ini` in the data folder, so each office's PC and each test keeps its own.

The views call one function each: `remember_window(window, key)`, `remember_splitter(splitter, key)`,
`remember_columns(table, key)` (plain_table and register_table call the last for every table they make,
keyed by the table's column headings). A table without saved widths is sized to its content the first
time it has rows. A window is never restored larger than the screen it opens on, nor off it."""

from __future__ import annotations

import zlib
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QRect, QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QSplitter, QTableView, QWidget

from ..services.storage.data_folder import open_folder

FILE_NAME = "window-layout.ini"
DEFAULT_WINDOW = (1200, 800)
MAX_CONTENT_WIDTH = 360  # a column sized to its content is never wider than this
CONTENT_ROWS = 60  # rows measured when sizing to content (a lazy model fetches only these)


def settings() -> QSettings:
    folder = open_folder()
    if folder is None:
        return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "yijing", "yijing-ui")
    return QSettings(str(Path(folder) / FILE_NAME), QSettings.Format.IniFormat)


def _ints(value: object) -> list[int]:
    if value is None:
        return []
    items = value if isinstance(value, list | tuple) else [value]
    try:
        return [int(str(item)) for item in items]
    except (TypeError, ValueError):
        return []


# --- the main window ---------------------------------------------------------------------------------


def free_area(window: QWidget) -> QRect:
    """The part of the window's screen not taken by panels and task bars."""
    return (window.screen() or QGuiApplication.primaryScreen()).availableGeometry()


def fit_to_screen(window: QWidget, size: tuple[int, int] = DEFAULT_WINDOW, free: QRect | None = None) -> None:
    """`size`, or the screen's free area where that is smaller (a 1366×768 or 1280×720 screen)."""
    free = free or free_area(window)
    frame = 30  # the window manager's title bar
    window.resize(min(size[0], free.width()), min(size[1], free.height() - frame))


class _WindowKeeper(QObject):
    def __init__(self, window: QMainWindow, key: str) -> None:
        super().__init__(window)
        self.window, self.key = window, key
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Close:
            save_window(self.window, self.key)
        return False


def save_window(window: QMainWindow, key: str) -> None:
    store = settings()
    geometry = window.normalGeometry()
    store.setValue(f"{key}/geometry", [geometry.x(), geometry.y(), geometry.width(), geometry.height()])
    store.setValue(f"{key}/maximized", 1 if window.isMaximized() else 0)
    store.sync()


def remember_window(window: QMainWindow, key: str = "main_window") -> None:
    """Size the window to the screen, then to where it was last closed (within the screen)."""
    fit_to_screen(window)
    store = settings()
    saved = _ints(store.value(f"{key}/geometry"))
    if len(saved) == 4:
        free = free_area(window)
        width, height = min(saved[2], free.width()), min(saved[3], free.height())
        x = min(max(saved[0], free.left()), free.right() - width + 1)
        y = min(max(saved[1], free.top()), free.bottom() - height + 1)
        window.setGeometry(x, y, max(width, 400), max(height, 300))
    if _ints(store.value(f"{key}/maximized")) == [1]:
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    _WindowKeeper(window, key)


# --- splitters ---------------------------------------------------------------------------------------


def remember_splitter(splitter: QSplitter, key: str) -> None:
    sizes = _ints(settings().value(f"splitters/{key}"))
    if len(sizes) == splitter.count() and all(size >= 0 for size in sizes) and any(sizes):
        splitter.setSizes(sizes)
    splitter.splitterMoved.connect(lambda *_a: settings().setValue(f"splitters/{key}", splitter.sizes()))


# --- table columns -----------------------------------------------------------------------------------


def columns_key(table: QTableView) -> str:
    """A table's key from its column headings (the same table has the same headings wherever it is)."""
    model = table.model()
    headings = "|".join(str(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole))
                        for c in range(model.columnCount()))
    return f"{zlib.crc32(headings.encode('utf-8')):08x}"


class _ColumnKeeper(QObject):
    """Saves the table's widths and sort order as the user changes them; sizes it to its content the first
    time it has rows when nothing was saved."""

    def __init__(self, table: QTableView, key: str) -> None:
        super().__init__(table)
        self.table, self.key = table, key
        self.header = table.horizontalHeader()
        self.sizing = False
        self.saved = False
        store = settings()
        widths = _ints(store.value(f"columns/{key}/widths"))
        if widths and len(widths) == self.header.count():
            self._apply(widths)
            self.saved = True
        sort = _ints(store.value(f"columns/{key}/sort"))
        if len(sort) == 2 and 0 <= sort[0] < self.header.count():
            self.header.setSortIndicator(sort[0], Qt.SortOrder(sort[1]))
        self.header.setResizeContentsPrecision(CONTENT_ROWS)
        self.save_timer = QTimer(self)
        self.save_timer.setSingleShot(True)
        self.save_timer.setInterval(300)
        self.save_timer.timeout.connect(self.save_widths)
        self.header.sectionResized.connect(self._resized)
        self.header.sortIndicatorChanged.connect(self.save_sort)
        model = table.model()
        model.modelReset.connect(self.fit_once)
        model.layoutChanged.connect(self.fit_once)
        self.fit_once()

    def _apply(self, widths: list[int]) -> None:
        self.sizing = True
        try:
            for column, width in enumerate(widths):
                if width > 0:
                    self.header.resizeSection(column, width)
        finally:
            self.sizing = False

    def fit_once(self) -> None:
        """Sized to content the first time there are rows (unless the user's widths were saved)."""
        if self.saved or self.table.model().rowCount() == 0:
            return
        self.sizing = True
        try:
            self.table.resizeColumnsToContents()
            for column in range(self.header.count()):
                if self.header.sectionSize(column) > MAX_CONTENT_WIDTH:
                    self.header.resizeSection(column, MAX_CONTENT_WIDTH)
        finally:
            self.sizing = False
        self.saved = True  # once: later rows do not make the columns jump

    def _resized(self, *_args: object) -> None:
        if not self.sizing:
            self.saved = True
            self.save_timer.start()

    def save_widths(self) -> None:
        count = self.header.count()
        last = count - 1 if self.header.stretchLastSection() else count
        widths = [self.header.sectionSize(c) if c < last else 0 for c in range(count)]
        settings().setValue(f"columns/{self.key}/widths", widths)

    def save_sort(self, column: int, order: Qt.SortOrder) -> None:
        settings().setValue(f"columns/{self.key}/sort", [column, int(order.value)])


def remember_columns(table: QTableView, key: str | None = None) -> None:
    """Keep this table's column widths and sort order between starts (`key`: default from its headings)."""
    if table.findChild(_ColumnKeeper) is None and table.model() is not None:
        _ColumnKeeper(table, key or columns_key(table))

