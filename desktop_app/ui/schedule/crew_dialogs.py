"""替班 (another member takes this place) and 换班 (two members on two shifts trade places); both are kept
as swap records with their reason."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.vocabulary import PLANNED
from ...services.schedule.assignments import substitute, swap_members
from ...services.schedule.shift_times import week_monday
from ...services.schedule.week_grid import GridMember, GridShift, week_grid
from ..cases.widgets import plain_table
from ..id_table_model import Column
from ..rows_table_model import RowsTableModel
from ..weekdays import weekday_name
from .candidate_picker import CandidatePicker
from .common import attempt, short_date


class _CrewChangeDialog(QDialog):
    done_change = Signal()

    def __init__(self, heading: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.resize(820, 560)
        self.heading = QLabel(heading)
        self.heading.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(
            QCoreApplication.translate("_CrewChangeDialog", "事由，如 临时有事、身体不适"))
        self.ok_button = QPushButton(QCoreApplication.translate("_CrewChangeDialog", "确定"))
        self.cancel_button = QPushButton(QCoreApplication.translate("_CrewChangeDialog", "取消"))
        self.ok_button.clicked.connect(self.confirm)
        self.cancel_button.clicked.connect(self.reject)

    def finish_layout(self, body: QWidget) -> None:
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(QCoreApplication.translate("_CrewChangeDialog", "事由：")))
        bottom.addWidget(self.reason, 1)
        bottom.addWidget(self.ok_button)
        bottom.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(body, 1)
        layout.addLayout(bottom)

    def confirm(self) -> bool:
        raise NotImplementedError


class SubstituteDialog(_CrewChangeDialog):
    """Who takes `member`'s place on the shift."""

    def __init__(self, shift_id: int, member: GridMember, title: str, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.shift_id = shift_id
        self.member = member
        self.setWindowTitle(self.tr("替班：{0}").format(title))
        self.heading.setText(self.tr("由谁替{0}上这个班次？（红色的队员不能替班）").format(member.name))
        self.picker = CandidatePicker(ignore_codes=("full",), exclude=(member.member_id,))
        self.picker.chosen.connect(lambda _id: self.confirm())
        self.finish_layout(self.picker)
        self.picker.load(shift_id)

    def confirm(self) -> bool:
        candidate = self.picker.selected()
        if candidate is None:
            QMessageBox.information(self, self.tr("替班"), self.tr("请先选择替班的队员。"))
            return False
        reason = self.reason.text()
        done = attempt(self, self.tr("替班"), lambda force: substitute(
            self.member.assignment_id, candidate.member_id, reason, force_warnings=force),
            self.tr("仍要由{0}替班吗？").format(candidate.name))
        if done is None:
            return False
        self.done_change.emit()
        self.accept()
        return True


@dataclass(frozen=True)
class SwapOption:
    shift_id: int
    member_id: int
    name: str
    day: date
    day_text: str
    post_name: str
    time_text: str


def swap_options(shift: GridShift, member_id: int) -> list[SwapOption]:
    """The people planned on the other shifts of the same week (every team)."""
    grid = week_grid(week_monday(shift.date))
    names = {p.id: p.name for p in grid.posts}
    out = []
    for other in grid.shifts():
        if other.id == shift.id:
            continue
        for m in other.members:
            if m.status == PLANNED and m.member_id != member_id:
                day_text = f"{short_date(other.date)} {weekday_name(other.date)}"
                out.append(SwapOption(other.id, m.member_id, m.name, other.date, day_text,
                                      names.get(other.post_id, ""), other.time_text))
    return out


class SwapDialog(_CrewChangeDialog):
    """`member` (on `shift`) trades places with someone on another shift of the same week."""

    def __init__(self, shift: GridShift, member: GridMember, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.shift = shift
        self.member = member
        self.setWindowTitle(self.tr("换班：{0}").format(title))
        self.heading.setText(self.tr("{0}和谁换班？选择本周另一个班次上的队员，两人互换班次。").format(member.name))
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("查找：姓名或岗位"))
        self.model = RowsTableModel([
            Column(self.tr("日期"), "day_text"), Column(self.tr("岗位"), "post_name"),
            Column(self.tr("时间"), "time_text"), Column(self.tr("队员"), "name"),
        ])
        self.table = plain_table(self.model, (130, 200, 130))
        self.table.doubleClicked.connect(lambda _index: self.confirm())
        self._options = swap_options(shift, member.member_id)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        self.finish_layout(body)
        self.search.textChanged.connect(self.apply_filter)
        self.apply_filter()

    def apply_filter(self) -> None:
        text = self.search.text().strip()
        self.model.set_rows([o for o in self._options if not text or text in o.name or text in o.post_name])

    def select(self, shift_id: int, member_id: int) -> bool:
        for row, option in enumerate(self.model.rows()):
            if (option.shift_id, option.member_id) == (shift_id, member_id):
                self.table.selectRow(row)
                return True
        return False

    def confirm(self) -> bool:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            QMessageBox.information(self, self.tr("换班"), self.tr("请先选择要互换的队员。"))
            return False
        other = self.model.record(rows[0].row())
        reason = self.reason.text()
        done = attempt(self, self.tr("换班"), lambda force: swap_members(
            self.shift.id, self.member.member_id, other.shift_id, other.member_id, reason,
            force_warnings=force),
            self.tr("仍要让{0}和{1}换班吗？").format(self.member.name, other.name))
        if done is None:
            return False
        self.done_change.emit()
        self.accept()
        return True
