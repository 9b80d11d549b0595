"""Tables that work like a spreadsheet, and forms like an office program: one helper for every table and
form, so that none has code of its own for it.

- `table_actions(table)`: Ctrl+C copies the selected rows as tab-separated text with a header row (it pastes
  into Excel / WPS as cells); a right-click menu with 打开, 复制, 打印, 删除 — each only when the table's
  owner gave it (`set_actions`) and the role allows it (ui/permissions.py). `plain_table` and
  `register_table` install it on every table they make.
- `save_shortcut(widget, save)`: Ctrl+S runs the form's save.
- `accept_file_drops(widget, suffixes, dropped)`: a file with one of the suffixes dropped on the widget is
  handed to `dropped(path)`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu, QTableView, QWidget

from ..permissions import may_delete, may_print


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return " ".join(text.replace("\t", " ").splitlines())


def selected_rows(table: QTableView) -> list[int]:
    """The rows with anything selected in them, top to bottom."""
    selection = table.selectionModel()
    if selection is None:
        return []
    return sorted({index.row() for index in selection.selectedIndexes()} |
                  {index.row() for index in selection.selectedRows()})


def rows_as_tsv(table: QTableView, rows: Iterable[int]) -> str:
    """The shown columns of `rows` (in the order the header shows them) under a header row, one line each."""
    model = table.model()
    header = table.horizontalHeader()
    columns = [header.logicalIndex(visual) for visual in range(header.count())]
    columns = [c for c in columns if not table.isColumnHidden(c)]
    lines = ["\t".join(_cell(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole))
                       for c in columns)]
    for row in rows:
        lines.append("\t".join(_cell(model.data(model.index(row, c), Qt.ItemDataRole.DisplayRole))
                               for c in columns))
    return "\n".join(lines) + "\n"


class TableActions(QObject):
    """The copy shortcut and the right-click menu of one table."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        self.open: Callable[[], object] | None = None
        self.print: Callable[[], object] | None = None
        self.delete: Callable[[], object] | None = None
        self.menu: QMenu | None = None
        self.copy_action = QAction(QCoreApplication.translate("TableActions", "复制"), table)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.copy_action.triggered.connect(self.copy)
        table.addAction(self.copy_action)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self.show_menu)

    def set_actions(self, *, open: Callable[[], object] | None = None,  # noqa: A002 - the menu's word
                    print: Callable[[], object] | None = None,  # noqa: A002
                    delete: Callable[[], object] | None = None) -> None:
        """What 打开, 打印 and 删除 do for this table (on its selected rows); one left out is not offered."""
        self.open, self.print, self.delete = open, print, delete

    def copy(self) -> str:
        rows = selected_rows(self.table)
        if not rows:
            return ""
        text = rows_as_tsv(self.table, rows)
        QGuiApplication.clipboard().setText(text)
        return text

    def build_menu(self) -> QMenu:
        menu = QMenu(self.table)
        chosen = bool(selected_rows(self.table))
        if self.open is not None:
            menu.addAction(QCoreApplication.translate("TableActions", "打开"), self.open).setEnabled(chosen)
        menu.addAction(self.copy_action)
        self.copy_action.setEnabled(chosen)
        if self.print is not None and may_print():
            menu.addAction(QCoreApplication.translate("TableActions", "打印…"), self.print)
        if self.delete is not None and may_delete():
            menu.addSeparator()
            menu.addAction(QCoreApplication.translate("TableActions", "删除…"), self.delete).setEnabled(chosen)
        return menu

    def show_menu(self, point: QPoint) -> None:
        index = self.table.indexAt(point)
        if index.isValid() and index.row() not in selected_rows(self.table):
            flags = QItemSelectionModel.SelectionFlag
            self.table.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
        self.menu = self.build_menu()
        self.menu.popup(self.table.viewport().mapToGlobal(point))


def table_actions(table: QTableView) -> TableActions:
    """The table's helper, made the first time it is asked for."""
    helper = table.findChild(TableActions)
    return helper if helper is not None else TableActions(table)


def save_shortcut(widget: QWidget, save: Callable[[], object]) -> QShortcut:
    """Ctrl+S in the form (or dialog) runs its save."""
    shortcut = QShortcut(QKeySequence.StandardKey.Save, widget)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.activated.connect(save)
    return shortcut


class FileDrop(QObject):
    """Accepts a dragged file with one of `suffixes` on the widget and hands its path to `dropped`."""

    def __init__(self, widget: QWidget, suffixes: Iterable[str], dropped: Callable[[Path], object]) -> None:
        super().__init__(widget)
        self.suffixes = tuple(s.lower() for s in suffixes)
        self.dropped = dropped
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def wanted(self, event: QDragEnterEvent | QDropEvent) -> Path | None:
        mime = event.mimeData()
        if not mime.hasUrls():
            return None
        for url in mime.urls():
            if url.isLocalFile() and url.toLocalFile().lower().endswith(self.suffixes):
                return Path(url.toLocalFile())
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if self.wanted(event) is not None:  # type: ignore[arg-type]
                event.acceptProposedAction()  # type: ignore[attr-defined]
                return True
        elif event.type() == QEvent.Type.Drop:
            path = self.wanted(event)  # type: ignore[arg-type]
            if path is not None:
                event.acceptProposedAction()  # type: ignore[attr-defined]
                self.dropped(path)
                return True
        return False


def accept_file_drops(widget: QWidget, suffixes: Iterable[str], dropped: Callable[[Path], object]) -> FileDrop:
    return FileDrop(widget, suffixes, dropped)
