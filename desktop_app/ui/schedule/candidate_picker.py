"""Choosing a member for a shift: every active member with what would be wrong with putting them there
(refusals in red and not selectable, warnings in orange), a search box (name, pinyin, initials) and
"only the post's own team"."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ...domain.pinyin_keys import pinyin_keys, search_term
from ...services.roster.teams import list_teams
from ...services.schedule.assignment_checks import Candidate, candidates
from ...services.schedule.rules import REFUSE
from ..cases.widgets import plain_table
from ..i18n import shown
from ..id_table_model import Index
from .common import REFUSE_COLOUR, WARN_COLOUR


class CandidateModel(QAbstractTableModel):
    def __init__(self, team_names: dict[int, str], ignore_codes: Sequence[str] = ()) -> None:
        super().__init__()
        self.headers = (self.tr("姓名"), self.tr("队伍"), self.tr("本周已排"), self.tr("情况"))
        self.team_names = team_names
        self.ignore_codes = set(ignore_codes)
        self._rows: list[Candidate] = []

    def set_rows(self, rows: Sequence[Candidate]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def record(self, row: int) -> Candidate:
        return self._rows[row]

    def row_of(self, member_id: int) -> int | None:
        return next((i for i, c in enumerate(self._rows) if c.member_id == member_id), None)

    def problems(self, candidate: Candidate) -> list[Any]:
        return [p for p in candidate.problems if p.code not in self.ignore_codes]

    def refused(self, candidate: Candidate) -> bool:
        return any(p.level == REFUSE for p in self.problems(candidate))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.headers)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if index.isValid() and self.refused(self._rows[index.row()]):
            return Qt.ItemFlag.ItemIsEnabled  # shown with its reason, but cannot be chosen
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        candidate = self._rows[index.row()]
        problems = self.problems(candidate)
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return candidate.name
            if column == 1:
                team = self.team_names.get(candidate.team_id, "") if candidate.team_id else self.tr("未分队")
                return team + (self.tr("（本队）") if candidate.own_team else "")
            if column == 2:
                return str(candidate.shifts_this_week)
            return "；".join(shown(p.message) for p in problems) or self.tr("可以安排")
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(shown(p.message) for p in problems) or self.tr("可以安排")
        if role == Qt.ItemDataRole.ForegroundRole:
            if self.refused(candidate):
                return QBrush(REFUSE_COLOUR)
            if problems:
                return QBrush(WARN_COLOUR)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 2:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


class CandidatePicker(QWidget):
    """`chosen(member_id)` on a double-click of a member who may be chosen."""

    chosen = Signal(int)

    def __init__(self, ignore_codes: Sequence[str] = (), exclude: Sequence[int] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.exclude = set(exclude)
        self._all: list[Candidate] = []
        self._keys: dict[int, tuple[str, str]] = {}
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("查找：姓名 / 拼音 / 首字母"))
        self.own_team = QCheckBox(self.tr("只看本队"))
        self.count_label = QLabel()
        self.model = CandidateModel({t.id: t.name for t in list_teams(include_retired=True)}, ignore_codes)
        self.table = plain_table(self.model, (130, 130, 70))
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.own_team)
        bar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.search.textChanged.connect(self.apply_filter)
        self.own_team.toggled.connect(self.apply_filter)
        self.table.doubleClicked.connect(self._double_clicked)

    def load(self, shift_id: int) -> None:
        self._all = [c for c in candidates(shift_id) if c.member_id not in self.exclude]
        self.apply_filter()

    def _matches(self, candidate: Candidate, text: str) -> bool:
        if text in candidate.name:
            return True
        term = search_term(text)
        if not term.isascii():
            return False
        if candidate.member_id not in self._keys:
            self._keys[candidate.member_id] = pinyin_keys(candidate.name)
        full, initials = self._keys[candidate.member_id]
        return any(term in key for key in (*full.split("|"), *initials.split("|")))

    def apply_filter(self) -> None:
        text = self.search.text().strip()
        rows = [c for c in self._all if (not self.own_team.isChecked() or c.own_team)
                and (not text or self._matches(c, text))]
        self.model.set_rows(rows)
        usable = sum(1 for c in rows if not self.model.refused(c))
        self.count_label.setText(self.tr("可安排 {0} / 共 {1} 人").format(usable, len(rows)))

    def selected(self) -> Candidate | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def select_member(self, member_id: int) -> bool:
        """Select the member's row (False when not listed or not selectable)."""
        row = self.model.row_of(member_id)
        if row is None:
            return False
        self.table.selectRow(row)
        selected = self.selected()
        return selected is not None and selected.member_id == member_id

    def _double_clicked(self, index: QModelIndex) -> None:
        candidate = self.model.record(index.row())
        if not self.model.refused(candidate):
            self.chosen.emit(candidate.member_id)
