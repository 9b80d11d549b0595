"""排班值班: the week grid (days × posts) with its toolbar — weeks back and forth, team, and the dialogs:
posts, assigning (double-click a cell, or drag a name to another cell), auto-schedule, fairness, the month,
attendance, the printed duty sheet and its Excel export. One `week_grid` call fills the grid."""

from __future__ import annotations

import time as timer
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import format_date
from ...domain.vocabulary import PLANNED
from ...services.accounts.roles import EDIT, EXPORT, PRINT
from ...services.progress import Progress
from ...services.schedule.assignments import lock, move_assignment, set_leader, unassign
from ...services.schedule.attendance import shifts_awaiting_attendance
from ...services.schedule.auto_scheduler import explain
from ...services.schedule.errors import ScheduleError
from ...services.schedule.posts import count_active_posts
from ...services.schedule.shift_generation import generate_shifts
from ...services.schedule.shift_times import week_monday
from ...services.schedule.week_grid import GridShift, WeekGrid, week_grid
from ..i18n import shown
from ..ops import MEMBERS, SHIFTS, STOPPED, TEAMS, announce, follow_changes, run_and_wait
from ..roles import hide_unless, may
from ..weekdays import weekday_name
from .common import GAP_COLOUR, attempt, fill_team_combo, team_combo, week_text
from .grid_view import CellSizes, GridView
from .week_grid_model import TIME, CellLine, WeekGridModel

GRID_POSTS_AT_ONCE = 60  # more posts than this: the tab opens on one team's, and weeks are read in a worker


@dataclass(frozen=True)
class WeekRead:
    """What one week's grid needs, read at once (in a worker for a big office)."""

    grid: WeekGrid
    lines: list[list[list[CellLine]]]
    sizes: CellSizes
    awaiting: int  # shifts of the last two weeks still awaiting attendance, all teams
    shift_count: int  # the week's shifts, and the member places they need and still lack: counted with
    slots_needed: int  # the read (a prefecture's week, counted on the GUI thread, held it for ~90 ms)
    slots_missing: int


class ScheduleTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.monday = week_monday(date.today())
        self.dialog: QWidget | None = None  # the dialog last opened, kept alive while open
        self.load_seconds = 0.0
        self._opened = False
        self._reading = False

        self.prev_button = QPushButton(self.tr("◀ 上一周"))
        self.this_week_button = QPushButton(self.tr("本周"))
        self.next_button = QPushButton(self.tr("下一周 ▶"))
        self.week_label = QLabel()
        self.week_label.setStyleSheet("font-size: 12pt; font-weight: bold;")
        self.team_filter = team_combo()
        self.summary_label = QLabel()
        self.generate_button = QPushButton(self.tr("生成本周班次"))
        self.assign_button = QPushButton(self.tr("安排…"))
        self.attendance_button = QPushButton(self.tr("签到…"))
        self.auto_button = QPushButton(self.tr("自动排班…"))
        self.fairness_button = QPushButton(self.tr("公平性…"))
        self.month_button = QPushButton(self.tr("月视图"))
        self.posts_button = QPushButton(self.tr("岗位管理…"))
        self.print_button = QPushButton(self.tr("打印值班表…"))
        self.export_button = QPushButton(self.tr("导出Excel…"))
        self.hint = QLabel(self.tr("双击格子安排人员；把姓名拖到另一格即调班；右键姓名可设带班、锁定、取消安排。"
                                   "红色为缺人。"))
        self.hint.setStyleSheet("color: #555555;")

        self.model = WeekGridModel()
        self.view = GridView()
        self.view.setModel(self.model)

        nav = QHBoxLayout()
        for widget in (self.prev_button, self.this_week_button, self.next_button, self.week_label):
            nav.addWidget(widget)
        nav.addSpacing(16)
        nav.addWidget(QLabel(self.tr("队伍：")))
        nav.addWidget(self.team_filter)
        nav.addStretch(1)
        nav.addWidget(self.summary_label)
        actions = QHBoxLayout()
        for widget in (self.generate_button, self.assign_button, self.attendance_button, self.auto_button,
                       self.fairness_button, self.month_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        for widget in (self.posts_button, self.print_button, self.export_button):
            actions.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(nav)
        layout.addLayout(actions)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.hint)

        self.prev_button.clicked.connect(lambda: self.show_week(self.monday - timedelta(days=7)))
        self.next_button.clicked.connect(lambda: self.show_week(self.monday + timedelta(days=7)))
        self.this_week_button.clicked.connect(lambda: self.show_week(date.today()))
        self.team_filter.currentIndexChanged.connect(self.load_week)
        self.generate_button.clicked.connect(self.generate_week)
        self.assign_button.clicked.connect(self.open_selected)
        self.attendance_button.clicked.connect(self.open_attendance)
        self.auto_button.clicked.connect(self.open_auto_schedule)
        self.fairness_button.clicked.connect(self.open_fairness)
        self.month_button.clicked.connect(self.open_month)
        self.posts_button.clicked.connect(self.open_posts)
        self.print_button.clicked.connect(self.print_week)
        self.export_button.clicked.connect(self.export_week)
        self.view.doubleClicked.connect(self._double_clicked)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.model.move_requested.connect(self.move_to_cell, Qt.ConnectionType.QueuedConnection)
        follow_changes(self, {SHIFTS, MEMBERS, TEAMS}, self.refresh)
        if not hide_unless(EDIT, self.generate_button, self.assign_button, self.attendance_button,
                           self.auto_button, self.posts_button):
            self.hint.setText(self.tr("当前账号只能查看和打印值班表。"))
        hide_unless(EXPORT, self.export_button)
        hide_unless(PRINT, self.print_button)

    # --- the week ----------------------------------------------------------------------------------
    @property
    def team_id(self) -> int | None:
        return self.team_filter.currentData()

    def refresh(self) -> None:
        fill_team_combo(self.team_filter)
        if not self._opened:
            self._opened = True
            if self.team_filter.count() > 1 and count_active_posts() > GRID_POSTS_AT_ONCE:
                # a prefecture's 600 posts side by side take seconds to lay out and no one reads them
                # so: the tab opens on the first team; 全部队伍 stays one choice away
                self.team_filter.blockSignals(True)
                self.team_filter.setCurrentIndex(1)
                self.team_filter.blockSignals(False)
        self.load_week()

    def show_week(self, day: date) -> None:
        self.monday = week_monday(day)
        self.load_week()

    def _read_week(self) -> WeekRead | None:
        """The week's grid, its cells' lines and sizes and the count of shifts awaiting attendance. In an
        office with more than GRID_POSTS_AT_ONCE posts all of it is read off the GUI thread, with 取消 (None
        then): all teams' week takes seconds, and even one team's the attendance query over every post."""
        monday, team_id = self.monday, self.team_id
        big = count_active_posts() > GRID_POSTS_AT_ONCE
        measure = self.view.cell_measure()
        if big:
            measure = measure.copy()  # the worker's own

        def work(_progress: Progress) -> WeekRead:
            grid = week_grid(monday, team_id)
            lines = WeekGridModel.cell_lines(grid)
            shifts = grid.shifts()
            return WeekRead(grid, lines, measure.grid_sizes(lines), len(shifts_awaiting_attendance(date.today())),
                            len(shifts), sum(s.headcount for s in shifts), sum(s.missing for s in shifts))

        if not big:
            return work(lambda *_: None)
        found = run_and_wait(self, self.tr("正在读取值班表"), work)
        return None if found is STOPPED else found

    def load_week(self) -> None:
        if self._reading:  # asked again while a big week is being read: the one being read will do
            return
        started = timer.perf_counter()
        cell = self.selected_cell()
        kept = (cell[0], self.model.post_at(cell[1]).id) if cell is not None else None
        self._reading = True
        try:
            read = self._read_week()
        finally:
            self._reading = False
        if read is None:
            return
        grid = read.grid
        self.model.set_grid(grid, read.lines)
        self.view.fit_cells(read.sizes)
        column = next((i for i, p in enumerate(grid.posts) if kept and p.id == kept[1]), None)
        if kept is not None and column is not None:  # the same day and post stay chosen after a change
            self.view.setCurrentIndex(self.model.index(kept[0], column))
        self.week_label.setText(week_text(self.monday))
        if not grid.posts:
            text = self.tr("还没有岗位：请点“岗位管理…”新增岗位和班次规律。")
        elif not read.shift_count:
            text = self.tr("本周还没有班次：点“生成本周班次”按规律生成，或用“自动排班…”。")
        else:
            text = self.tr("班次 {0} 个，需 {1} 人次").format(read.shift_count, read.slots_needed)
            if read.slots_missing:
                text += self.tr("，缺 {0} 人次").format(read.slots_missing)
        if read.awaiting:
            text += self.tr("　近两周待签到班次 {0} 个").format(read.awaiting)
        self.summary_label.setText(text)
        self.summary_label.setStyleSheet(f"color: {GAP_COLOUR.name()};" if read.slots_missing else "")
        self.load_seconds = timer.perf_counter() - started

    # --- which shift -------------------------------------------------------------------------------
    def post_name(self, post_id: int) -> str:
        return next((p.name for p in self.model.grid.posts if p.id == post_id), "") if self.model.grid else ""

    def shift_title(self, shift: GridShift) -> str:
        return (f"{self.post_name(shift.post_id)}　{format_date(shift.date)} {weekday_name(shift.date)}　"
                f"{shift.time_text}")

    def choose_shift(self, shifts: list[GridShift] | tuple[GridShift, ...], title: str) -> GridShift | None:
        if not shifts:
            return None
        if len(shifts) == 1:
            return shifts[0]
        labels = [self.shift_title(s) for s in shifts]
        chosen, ok = QInputDialog.getItem(self, title, self.tr("请选择班次："), labels, 0, False)
        return shifts[labels.index(chosen)] if ok and chosen in labels else None

    def selected_cell(self) -> tuple[int, int] | None:
        indexes = self.view.selectionModel().selectedIndexes() if self.view.selectionModel() else []
        return (indexes[0].row(), indexes[0].column()) if indexes else None

    # --- assigning ---------------------------------------------------------------------------------
    def _double_clicked(self, index: QModelIndex) -> None:
        line = self.view.pressed_line
        self.open_cell(index.row(), index.column(), line)

    def open_selected(self) -> None:
        cell = self.selected_cell()
        if cell is None:
            QMessageBox.information(self, self.tr("安排"), self.tr("请先在值班表中选中一个格子。"))
            return
        self.open_cell(*cell)

    def open_cell(self, row: int, column: int, line: CellLine | None = None):
        if not may(EDIT):
            return None
        shifts = self.model.shifts_at(row, column)
        if not shifts:
            QMessageBox.information(self, self.tr("安排"), self.tr(
                "该岗位当天没有班次。请在“岗位管理…”中设置班次规律，再点“生成本周班次”。"))
            return None
        shift = next((s for s in shifts if line is not None and s.id == line.shift_id), None)
        shift = shift or self.choose_shift(shifts, self.tr("安排"))
        if shift is None:
            return None
        return self.open_shift(shift, line.member_id if line is not None else None)

    def open_shift(self, shift: GridShift, member_id: int | None = None):
        from .assign_dialog import AssignDialog

        dialog = AssignDialog(shift.id, self.shift_title(shift), self, selected_member=member_id)
        dialog.changed.connect(self.load_week)
        self.dialog = dialog
        dialog.open()
        return dialog

    def move_to_cell(self, assignment_id: int, row: int, column: int) -> bool:
        """A name dropped on a cell: move that person to the cell's shift (the one at the same times if the
        cell has several)."""
        if not may(EDIT):
            return False
        found = self.model.find_assignment(assignment_id)
        shifts = self.model.shifts_at(row, column)
        if not shifts:
            QMessageBox.information(self, self.tr("调班"), self.tr("该岗位当天没有班次，不能调到这里。"))
            return False
        source = found[0] if found else None
        same_time = [s for s in shifts
                     if source is not None and (s.start, s.end) == (source.start, source.end)]
        target = same_time[0] if len(same_time) == 1 else self.choose_shift(shifts, self.tr("调班"))
        if target is None or (source is not None and target.id == source.id):
            return False
        name = found[1].name if found else ""
        moved = attempt(self, self.tr("调班"), lambda force: move_assignment(assignment_id, target.id, force),
                        self.tr("仍要把{0}调到“{1}”吗？").format(name, self.shift_title(target)))
        if moved is not None:
            announce({SHIFTS}, self)
            self.load_week()
        return moved is not None

    def _context_menu(self, point: QPoint) -> None:
        index, line = self.view.line_at(point)
        if not index.isValid():
            return
        menu = self.cell_menu(index.row(), index.column(), line)
        menu.exec(self.view.viewport().mapToGlobal(point))

    def cell_menu(self, row: int, column: int, line: CellLine | None) -> QMenu:
        menu = QMenu(self)
        editable = may(EDIT)
        if editable:
            menu.addAction(self.tr("安排…"), lambda: self.open_cell(row, column, line))
        if line is not None and line.kind != TIME and line.assignment_id is not None:
            found = self.model.find_assignment(line.assignment_id)
            if found:
                shift, member = found
                menu.addSeparator()
                menu.addAction(self.tr("说明：为什么是{0}").format(member.name),
                               lambda: self.show_reason(member.assignment_id))
                if editable and not member.is_leader and member.status == PLANNED:
                    menu.addAction(self.tr("设为带班"),
                                   lambda: self._run(lambda: set_leader(shift.id, member.member_id)))
                if editable:
                    menu.addAction(self.tr("解锁") if member.locked else self.tr("锁定"),
                                   lambda: self._run(lambda: lock(member.assignment_id, not member.locked)))
                    menu.addAction(self.tr("取消安排"), lambda: self._run(lambda: unassign(member.assignment_id)))
        if editable:
            menu.addSeparator()
            menu.addAction(self.tr("签到…"), lambda: self.open_attendance(row, column, line))
        return menu

    def _run(self, action) -> None:
        try:
            action()
        except ScheduleError as exc:
            QMessageBox.warning(self, self.tr("排班"), shown(exc.message))
        else:
            announce({SHIFTS}, self)
        self.load_week()

    def show_reason(self, assignment_id: int) -> None:
        try:
            QMessageBox.information(self, self.tr("说明"), explain(assignment_id))
        except ScheduleError as exc:
            QMessageBox.warning(self, self.tr("说明"), shown(exc.message))

    def generate_week(self) -> None:
        sunday = self.monday + timedelta(days=6)
        grid = self.model.grid
        posts = [p.id for p in grid.posts] if grid is not None and self.team_id is not None else None
        made = generate_shifts(self.monday, sunday, posts)
        if made:
            announce({SHIFTS}, self)
        self.load_week()
        QMessageBox.information(self, self.tr("生成班次"), self.tr("已按班次规律生成 {0} 个班次。").format(made)
                                if made else self.tr("本周按规律应有的班次都已生成。"))

    # --- attendance --------------------------------------------------------------------------------
    def open_attendance(self, row: int | None = None, column: int | None = None,
                        line: CellLine | None = None):
        cell = (row, column) if row is not None and column is not None else self.selected_cell()
        if cell is not None and self.model.shifts_at(*cell):
            shifts = list(self.model.shifts_at(*cell))
            if line is not None:
                shifts = [s for s in shifts if s.id == line.shift_id] or shifts
        else:
            now = datetime.now()
            shifts = [s for s in self.model.all_shifts() if datetime.combine(s.date, s.start) <= now
                      and any(m.status == PLANNED for m in s.members)]
            if not shifts:
                QMessageBox.information(self, self.tr("签到"), self.tr(
                    "本周没有待签到的班次。请选中一个已开始的班次，或切换到其他周。"))
                return None
        shift = self.choose_shift(shifts, self.tr("签到"))
        if shift is None:
            return None
        from .attendance_dialog import AttendanceDialog

        dialog = AttendanceDialog(shift.id, self.shift_title(shift), self)
        dialog.saved.connect(self.load_week)
        self.dialog = dialog
        dialog.open()
        return dialog

    # --- the other dialogs -------------------------------------------------------------------------
    def _show(self, dialog: QDialog) -> QDialog:
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_posts(self):
        from .posts_dialog import PostsDialog

        dialog = PostsDialog(self)
        dialog.changed.connect(self.load_week)
        return self._show(dialog)

    def open_auto_schedule(self):
        from .auto_schedule_dialog import AutoScheduleDialog

        dialog = AutoScheduleDialog(self.monday, self.team_id, self)
        dialog.scheduled.connect(self.load_week)
        return self._show(dialog)

    def open_fairness(self):
        from .fairness_dialog import FairnessDialog

        return self._show(FairnessDialog(self.monday, self.team_id, self))

    def open_month(self):
        from .month_view import MonthDialog

        dialog = MonthDialog(self.monday + timedelta(days=3), self.team_id, self)
        dialog.day_chosen.connect(self.show_week)
        return self._show(dialog)

    # --- print and export --------------------------------------------------------------------------
    def _week_number(self) -> tuple[int, int]:
        year, week, _ = self.monday.isocalendar()
        return year, week

    def print_week(self):
        from ...services.schedule.duty_sheet import duty_sheet_bytes
        from ..print_preview import preview_pdf

        year, week = self._week_number()
        team_id = self.team_id
        pdf = run_and_wait(self, self.tr("正在生成值班表"), lambda progress: duty_sheet_bytes(year, week, team_id, progress=progress))
        if pdf is STOPPED:
            return None
        name = self.tr("值班表-{0}-W{1:02d}.pdf").format(year, week)
        self.dialog = preview_pdf(self, pdf, self.tr("打印值班表"), name)
        return self.dialog

    def export_week(self) -> None:
        from ...services.schedule.duty_sheet import ExportError, export_week_xlsx

        year, week = self._week_number()
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出值班表"),
                                              self.tr("值班表-{0}-W{1:02d}.xlsx").format(year, week),
                                              self.tr("Excel 工作簿 (*.xlsx)"))
        if not path:
            return
        team_id = self.team_id
        try:
            done = run_and_wait(self, self.tr("正在导出值班表"),
                                lambda _progress: export_week_xlsx(year, week, team_id, Path(path)),
                                expected=(ExportError, OSError))
        except (ExportError, OSError) as exc:
            QMessageBox.warning(self, self.tr("导出失败"), shown(exc))
            return
        if done is STOPPED:
            return
        QMessageBox.information(self, self.tr("导出完成"), self.tr("值班表已导出到：\n{0}").format(path))
