"""The assign dialog for one shift: who is on it (取消安排, 设为带班, 锁定/解锁, 替班…, 换班…, 说明) and who could
be (the candidates with their problems; 安排 asks "仍要安排吗？" when there are only warnings)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...services.schedule.assignments import assign, lock, set_leader, unassign
from ...services.schedule.auto_scheduler import explain
from ...services.schedule.errors import ScheduleError
from ...services.schedule.week_grid import GridMember, GridShift, shift_detail
from ..cases.widgets import plain_table
from ..i18n import shown
from ..id_table_model import Column
from ..ops import SHIFTS, announce_on
from ..rows_table_model import RowsTableModel
from .candidate_picker import CandidatePicker
from .common import GAP_COLOUR, attempt


@dataclass(frozen=True)
class CrewRow:
    member: GridMember
    leader_text: str
    lock_text: str

    def __getattr__(self, name: str):
        return getattr(self.member, name)


class AssignDialog(QDialog):
    """`changed` after every change to the shift's people."""

    changed = Signal()

    def __init__(self, shift_id: int, title: str, parent: QWidget | None = None,
                 selected_member: int | None = None) -> None:
        super().__init__(parent)
        announce_on(self.changed, {SHIFTS}, self)
        self.shift_id = shift_id
        self.title = title
        self.shift: GridShift | None = None
        self.dialog: QDialog | None = None
        self.setWindowTitle(self.tr("安排人员：{0}").format(title))
        self.resize(1100, 620)
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setStyleSheet("font-size: 11pt;")

        self.crew_model = RowsTableModel([
            Column(self.tr("姓名"), "name"), Column(self.tr("电话"), "phone_masked"),
            Column(self.tr("状态"), "status", align_center=True, words=True),
            Column(self.tr("带班"), "leader_text", align_center=True),
            Column(self.tr("锁定"), "lock_text", align_center=True),
        ])
        self.crew = plain_table(self.crew_model, (130, 110, 60, 50))
        self.crew.selectionModel().selectionChanged.connect(self._crew_selected)
        self.unassign_button = QPushButton(self.tr("取消安排"))
        self.leader_button = QPushButton(self.tr("设为带班"))
        self.lock_button = QPushButton(self.tr("锁定"))
        self.substitute_button = QPushButton(self.tr("替班…"))
        self.swap_button = QPushButton(self.tr("换班…"))
        self.explain_button = QPushButton(self.tr("说明"))
        crew_box = QGroupBox(self.tr("本班次人员"))
        crew_layout = QVBoxLayout(crew_box)
        crew_layout.addWidget(self.crew, 1)
        crew_buttons = QHBoxLayout()
        for button in (self.unassign_button, self.leader_button, self.lock_button, self.substitute_button,
                       self.swap_button, self.explain_button):
            crew_buttons.addWidget(button)
        crew_layout.addLayout(crew_buttons)

        self.picker = CandidatePicker()
        self.lock_new = QCheckBox(self.tr("锁定（自动排班时保留）"))
        self.lock_new.setChecked(True)
        self.assign_button = QPushButton(self.tr("安排"))
        self.assign_button.setDefault(True)
        pick_box = QGroupBox(self.tr("可安排的队员（红色：不能安排，橙色：有提示）"))
        pick_layout = QVBoxLayout(pick_box)
        pick_layout.addWidget(self.picker, 1)
        pick_buttons = QHBoxLayout()
        pick_buttons.addWidget(self.lock_new)
        pick_buttons.addStretch(1)
        pick_buttons.addWidget(self.assign_button)
        pick_layout.addLayout(pick_buttons)

        splitter = QSplitter()
        splitter.addWidget(crew_box)
        splitter.addWidget(pick_box)
        splitter.setSizes([460, 640])
        self.close_button = QPushButton(self.tr("关闭"))
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        self.assign_button.clicked.connect(self.assign_selected)
        self.picker.chosen.connect(self.assign_member)
        self.unassign_button.clicked.connect(self.unassign_selected)
        self.leader_button.clicked.connect(self.make_leader)
        self.lock_button.clicked.connect(self.toggle_lock)
        self.substitute_button.clicked.connect(self.open_substitute)
        self.swap_button.clicked.connect(self.open_swap)
        self.explain_button.clicked.connect(self.show_reason)
        self.close_button.clicked.connect(self.accept)
        self.reload()
        if selected_member is not None:
            self.select_crew(selected_member)

    # --- state -------------------------------------------------------------------------------------
    def reload(self) -> None:
        self.shift = shift_detail(self.shift_id)
        shift = self.shift
        rows = [CrewRow(m, self.tr("带班") if m.is_leader else "", self.tr("已锁定") if m.locked else "")
                for m in shift.members]
        self.crew_model.set_rows(rows)
        status = self.tr("需 {0} 人，已排 {1} 人").format(shift.headcount, shift.filled)
        if shift.gap:
            gap = self.tr("缺 {0} 人").format(shift.missing)
            status += f'，<span style="color:{GAP_COLOUR.name()}">{gap}</span>'
        self.header.setText(f"<b>{self.title}</b>　{status}")
        self.picker.load(self.shift_id)
        self._crew_selected()

    def selected_member(self) -> GridMember | None:
        rows = self.crew.selectionModel().selectedRows()
        return self.crew_model.record(rows[0].row()).member if rows else None

    def select_crew(self, member_id: int) -> None:
        for row, crew_row in enumerate(self.crew_model.rows()):
            if crew_row.member_id == member_id:
                self.crew.selectRow(row)

    def _crew_selected(self) -> None:
        member = self.selected_member()
        for button in (self.unassign_button, self.leader_button, self.lock_button, self.substitute_button,
                       self.swap_button, self.explain_button):
            button.setEnabled(member is not None)
        if member is not None:
            self.lock_button.setText(self.tr("解锁") if member.locked else self.tr("锁定"))
            self.leader_button.setEnabled(not member.is_leader)

    def _changed(self, keep: int | None = None) -> None:
        self.reload()
        if keep is not None:
            self.select_crew(keep)
        self.changed.emit()

    # --- actions -----------------------------------------------------------------------------------
    def assign_selected(self) -> None:
        candidate = self.picker.selected()
        if candidate is None:
            QMessageBox.information(self, self.tr("安排"), self.tr("请先在右侧选择一名可以安排的队员。"))
            return
        self.assign_member(candidate.member_id)

    def assign_member(self, member_id: int) -> bool:
        locked = self.lock_new.isChecked()
        done = attempt(self, self.tr("安排"),
                       lambda force: assign(self.shift_id, member_id, locked=locked, force_warnings=force))
        if done is not None:
            self._changed(member_id)
        return done is not None

    def _run(self, action, keep: int | None = None) -> None:
        try:
            action()
        except ScheduleError as exc:
            QMessageBox.warning(self, self.tr("排班"), shown(exc.message))
            return
        self._changed(keep)

    def unassign_selected(self) -> None:
        member = self.selected_member()
        if member is None:
            return
        answer = QMessageBox.question(self, self.tr("取消安排"), self.tr("确定取消{0}在本班次的安排吗？").format(member.name))
        if answer == QMessageBox.StandardButton.Yes:
            self._run(lambda: unassign(member.assignment_id))

    def make_leader(self) -> None:
        member = self.selected_member()
        if member is not None:
            self._run(lambda: set_leader(self.shift_id, member.member_id), member.member_id)

    def toggle_lock(self) -> None:
        member = self.selected_member()
        if member is not None:
            self._run(lambda: lock(member.assignment_id, not member.locked), member.member_id)

    def show_reason(self) -> None:
        member = self.selected_member()
        if member is None:
            return
        try:
            text = explain(member.assignment_id)
        except ScheduleError as exc:
            text = shown(exc.message)
        QMessageBox.information(self, self.tr("说明"), self.tr("{0}：{1}").format(member.name, text))

    def open_substitute(self):
        from .crew_dialogs import SubstituteDialog

        member = self.selected_member()
        if member is None:
            return None
        dialog = SubstituteDialog(self.shift_id, member, self.title, self)
        dialog.done_change.connect(lambda: self._changed())
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_swap(self):
        from .crew_dialogs import SwapDialog

        member = self.selected_member()
        if member is None or self.shift is None:
            return None
        dialog = SwapDialog(self.shift, member, self.title, self)
        dialog.done_change.connect(lambda: self._changed())
        self.dialog = dialog
        dialog.open()
        return dialog
