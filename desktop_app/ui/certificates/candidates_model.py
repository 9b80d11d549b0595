"""The batch dialog's candidates: one row a member with a check box (all checked when found), the team and
the hours recorded in the chosen year."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal

from ...services.records.service_hours import format_hours
from ..id_table_model import Index


@dataclass(frozen=True)
class Candidate:
    id: int
    name: str
    team: str
    hours: float


class CandidatesModel(QAbstractTableModel):
    checked_changed = Signal()
    def __init__(self, headers: Sequence[str]) -> None:
        super().__init__()
        self.headers = list(headers)
        self._rows: list[Candidate] = []
        self._checked: list[bool] = []

    def set_rows(self, rows: Sequence[Candidate]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._checked = [True] * len(self._rows)
        self.endResetModel()
        self.checked_changed.emit()

    def record(self, row: int) -> Candidate:
        return self._rows[row]

    def checked_ids(self) -> list[int]:
        return [c.id for c, on in zip(self._rows, self._checked, strict=True) if on]

    def set_all(self, on: bool) -> None:
        self._checked = [on] * len(self._rows)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))
        self.checked_changed.emit()

    def set_checked(self, row: int, on: bool) -> None:
        self.setData(self.index(row, 0), Qt.CheckState.Checked if on else Qt.CheckState.Unchecked,
                     Qt.ItemDataRole.CheckStateRole)

    # --- Qt API ----------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.headers)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        candidate = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            return Qt.CheckState.Checked if self._checked[index.row()] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return candidate.name
            if column == 1:
                return candidate.team
            return format_hours(candidate.hours)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(value)
        self._checked[index.row()] = state == Qt.CheckState.Checked
        self.dataChanged.emit(index, index, [role])
        self.checked_changed.emit()
        return True

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None
