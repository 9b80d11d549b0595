"""自动排班: a period and a team, run off the GUI thread with progress and 取消, then what it did: slots
filled against those needed, and each slot it could not fill with the rule that stopped it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...services.progress import Progress
from ...services.schedule.auto_scheduler import ScheduleResult, UnfilledSlot, auto_schedule
from ...services.schedule.errors import ScheduleError
from ..cases.widgets import plain_table
from ..field_errors import ERROR_STYLE
from ..i18n import shown
from ..id_table_model import Column
from ..ops import SHIFTS, TaskRunner
from ..rows_table_model import RowsTableModel
from ..weekdays import weekday_name
from .common import GAP_COLOUR, PeriodPicker, short_date, team_combo


@dataclass(frozen=True)
class UnfilledLine:
    slot: UnfilledSlot
    day_text: str

    def __getattr__(self, name: str):
        return getattr(self.slot, name)


class AutoScheduleDialog(QDialog):
    """`scheduled(result)` once a run has been saved."""

    scheduled = Signal(object)

    def __init__(self, monday: date, team_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("自动排班"))
        self.resize(1060, 560)
        self.schedule_result: ScheduleResult | None = None
        self.runner: TaskRunner | None = None
        self.period = PeriodPicker(monday, "week")
        self.team = team_combo()
        self.team.setCurrentIndex(max(0, self.team.findData(team_id)))
        self.note = QLabel(self.tr(
            "已锁定的安排（手工安排默认锁定）和已登记考勤的安排会保留；其余未锁定的安排会重新排。"
            "已开始的班次不再调整。缺少的班次按岗位的班次规律自动生成。"))
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555555;")
        self.start_button = QPushButton(self.tr("开始排班"))
        self.start_button.setDefault(True)
        self.close_button = QPushButton(self.tr("关闭"))
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-size: 11pt;")
        self.unfilled_title = QLabel(self.tr("未排满的班次及原因："))
        self.unfilled_title.hide()
        self.model = RowsTableModel([
            Column(self.tr("日期"), "day_text"), Column(self.tr("时间"), "time_text"),
            Column(self.tr("岗位"), "post_name"), Column(self.tr("缺"), "missing", align_center=True),
            Column(self.tr("原因"), "reason", alert=lambda _row: True), Column(self.tr("各规则排除人数"), "detail"),
        ])
        self.table = plain_table(self.model, (120, 110, 170, 40, 270))
        self.table.hide()

        form = QHBoxLayout()
        form.addWidget(QLabel(self.tr("期间：")))
        form.addWidget(self.period, 1)
        form.addWidget(QLabel(self.tr("队伍：")))
        form.addWidget(self.team)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(self.summary)
        layout.addWidget(self.unfilled_title)
        layout.addWidget(self.table, 1)
        layout.addStretch()  # takes the room while there is no table to show
        layout.addLayout(buttons)
        self.start_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self.accept)

    def start(self) -> TaskRunner | None:
        date_from, date_to = self.period.period()
        team_id = self.team.currentData()
        self.error.hide()
        if date_to < date_from:
            self._fail(self.tr("结束日期不能早于开始日期"))
            return None
        self.start_button.setEnabled(False)
        self.summary.setText(self.tr("正在排班…"))

        def work(progress: Progress) -> ScheduleResult:
            return auto_schedule(date_from, date_to, team_id, progress=progress)

        runner = TaskRunner(self, self.tr("自动排班"), work, changes={SHIFTS}, expected=(ScheduleError,))
        runner.finished.connect(lambda: self.start_button.setEnabled(True))
        runner.done.connect(self._done)
        runner.error.connect(self._error)
        runner.cancelled.connect(self._cancelled)
        self.runner = runner
        runner.start()
        return runner

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.summary.clear()
        self.start_button.setEnabled(True)

    def _error(self, exc: ScheduleError) -> None:
        self._fail(shown(exc.message))

    def _cancelled(self) -> None:
        self.start_button.setEnabled(True)
        self.summary.setText(self.tr("已取消，没有保存任何改动。"))

    def _done(self, result: ScheduleResult) -> None:
        self.schedule_result = result
        self.start_button.setEnabled(True)
        staffed = result.slots_needed - result.slots_missing
        head = self.tr("已排 {0} / 需 {1} 人次（本次新排 {2}，保留 {3}）").format(
            staffed, result.slots_needed, result.slots_filled, result.slots_kept)
        if result.unfilled:
            head += f'，<span style="color:{GAP_COLOUR.name()}">' + self.tr("仍缺 {0} 人次").format(
                result.slots_missing) + "</span>"
        else:
            head += self.tr("，已全部排满")
        self.summary.setText(f"<b>{head}</b><br>{result.summary}<br>"
                             + self.tr("新生成班次 {0} 个，用时 {1:.1f} 秒。").format(result.shifts_generated,
                                                                             result.seconds))
        lines = [UnfilledLine(slot, f"{short_date(slot.date)} {weekday_name(slot.date)}")
                 for slot in result.unfilled]
        self.model.set_rows(lines)
        self.table.setVisible(bool(lines))
        self.unfilled_title.setVisible(bool(lines))
        self.scheduled.emit(result)
