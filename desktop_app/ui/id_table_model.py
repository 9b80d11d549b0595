"""A table model over a list of record ids: rows are fetched from a service a page at a time, when
first shown, so a 100,000-row table costs only its ids until the user scrolls. `ColumnsModel` is
what it shares with the small in-memory tables (rows_table_model.py)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from ..domain.dates import format_date
from ..domain.i18n import Joined, Message
from .i18n import shown, vocab_list

PAGE_SIZE = 200
ID_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    header: str
    attr: str
    sort_key: str | None = None  # the service's sort key; None = not sortable
    align_center: bool = False
    alert: Callable[[Any], bool] | None = None  # red text when true for the row
    words: bool = False  # the value is vocabulary words (one, or several joined by 、), shown translated


def display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Message | Joined):
        return shown(value)
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


class ColumnsModel(QAbstractTableModel):
    """What every table of plain rows shares: columns from `Column`, text, red alerts, centring.
    Subclasses say how many rows there are and give `record(row)`."""

    numbered_rows = False  # show 1, 2, 3 … in the vertical header

    def __init__(self, columns: Sequence[Column]) -> None:
        super().__init__()
        self.columns = list(columns)

    def record(self, row: int) -> Any:
        raise NotImplementedError

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = display(getattr(self.record(index.row()), column.attr))
            return vocab_list(text) if column.words else text
        if role == Qt.ItemDataRole.ForegroundRole and column.alert is not None:
            return QColor("#c0392b") if column.alert(self.record(index.row())) else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_center:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
        return str(section + 1) if self.numbered_rows else None


class IdTableModel(ColumnsModel):
    numbered_rows = True

    def __init__(self, columns: Sequence[Column], fetch_rows: Callable[[Sequence[int]], list[Any]],
                 on_sort: Callable[[str, bool], None] | None = None) -> None:
        super().__init__(columns)
        self._fetch_rows = fetch_rows
        self._on_sort = on_sort
        self._ids: list[int] = []
        self._rows: dict[int, Any] = {}

    # --- data ------------------------------------------------------------------------------------
    def set_ids(self, ids: Sequence[int], first_rows: Sequence[Any] = ()) -> None:
        """`first_rows`: the rows of the first ids, fetched already (off the GUI thread)."""
        self.beginResetModel()
        self._ids = list(ids)
        self._rows = dict(enumerate(first_rows[:len(self._ids)]))
        self.endResetModel()

    def reload(self) -> None:
        """Keep the ids, fetch the rows again (after an edit)."""
        self._rows = {}
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(self.columns) - 1))

    def ids(self) -> list[int]:
        return list(self._ids)

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, record_id: int) -> int:
        return self._ids.index(record_id)

    def record(self, row: int) -> Any:
        if row not in self._rows:
            start = row - row % PAGE_SIZE
            page_ids = self._ids[start:start + PAGE_SIZE]
            for offset, fetched in enumerate(self._fetch_rows(page_ids)):
                self._rows[start + offset] = fetched
        return self._rows[row]

    # --- Qt API ----------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == ID_ROLE and index.isValid():
            return self._ids[index.row()]
        return super().data(index, role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.columns[column].sort_key
        if key and self._on_sort:
            self._on_sort(key, order == Qt.SortOrder.DescendingOrder)
