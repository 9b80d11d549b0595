"""Choosing the member a certificate is for: a search box (name, pinyin, initials, phone or ID tail, as in
the roster) over a short list; the row picked is the member."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from ...domain.vocabulary import ACTIVE
from ...services.roster.search import RosterFilter, RosterRow, fetch_rows, search_ids
from ..cases.widgets import plain_table
from ..id_table_model import Column
from ..rows_table_model import RowsTableModel

SEARCH_LIMIT = 50


@dataclass(frozen=True)
class PickerLine:
    id: int
    name: str
    label: str  # the name, with the status when not 在队: 王小明（退出）
    team: str
    id_masked: str
    status: str


def picker_lines(rows: list[RosterRow]) -> list[PickerLine]:
    return [PickerLine(r.id, r.name, r.name if r.status == ACTIVE else f"{r.name}（{r.status}）", r.team,
                       r.id_masked, r.status) for r in rows]


class MemberPicker(QWidget):
    member_changed = Signal(object)  # the member id, or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("查找队员：姓名 / 拼音 / 首字母 / 手机或身份证尾号"))
        self.model = RowsTableModel([
            Column(self.tr("姓名"), "label", alert=lambda r: r.status != ACTIVE), Column(self.tr("队伍"), "team"),
            Column(self.tr("身份证号"), "id_masked")])
        self.table = plain_table(self.model, (125, 100))
        self.table.setMinimumHeight(110)
        self.table.setMaximumHeight(170)
        self.more = QLabel()
        self.more.setStyleSheet("color: #555555;")
        self.more.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        layout.addWidget(self.more)
        self._member_id: int | None = None
        self.search.textChanged.connect(self.search_members)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

    def member_id(self) -> int | None:
        return self._member_id

    def member(self) -> PickerLine | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def search_members(self) -> None:
        text = self.search.text().strip()
        ids = search_ids(RosterFilter(text=text)) if text else []
        self.model.set_rows(picker_lines(fetch_rows(ids[:SEARCH_LIMIT])))
        self.more.setVisible(len(ids) > SEARCH_LIMIT)
        self.more.setText(self.tr("找到 {0} 人，只列出前 {1} 人；请输入更多字").format(len(ids), SEARCH_LIMIT))
        if ids:
            self.table.selectRow(0)
        self._selection_changed()

    def select_member(self, member_id: int) -> None:
        """Show this member alone and pick them (e.g. from the register)."""
        self.search.blockSignals(True)
        rows = picker_lines(fetch_rows([member_id]))
        self.search.setText(rows[0].name if rows else "")
        self.search.blockSignals(False)
        self.model.set_rows(rows)
        self.more.hide()
        if rows:
            self.table.selectRow(0)
        self._selection_changed()

    def _selection_changed(self) -> None:
        member = self.member()
        member_id = member.id if member is not None else None
        if member_id != self._member_id:
            self._member_id = member_id
            self.member_changed.emit(member_id)
