"""A read-only table model over rows of plain values whose columns are known only when the rows are (the
county's ledger and report change their columns with the choice): numbers right-aligned, and a cell may
carry a colour and a tooltip (the 数据包日期 of an office that has not reported)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

Index = QModelIndex | QPersistentModelIndex
Mark = tuple[QColor, str]  # text colour, tooltip


class ValuesModel(QAbstractTableModel):
    def __init__(self, headers: Sequence[str] = ()) -> None:
        super().__init__()
        self._headers = list(headers)
        self._rows: list[Sequence[object]] = []
        self._marks: dict[tuple[int, int], Mark] = {}

    def set_rows(self, rows: Sequence[Sequence[object]], headers: Sequence[str] | None = None,
                 marks: Mapping[tuple[int, int], Mark] | None = None) -> None:
        self.beginResetModel()
        if headers is not None:
            self._headers = list(headers)
        self._rows = list(rows)
        self._marks = dict(marks or {})
        self.endResetModel()

    def text(self, row: int, column: int) -> str:
        value = self._rows[row][column]
        return "" if value is None else str(value)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(self._rows[row][column], int | float):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        mark = self._marks.get((row, column))
        if mark and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(mark[0])
        if mark and role == Qt.ItemDataRole.ToolTipRole:
            return mark[1]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if section < len(self._headers) else None
        return None
