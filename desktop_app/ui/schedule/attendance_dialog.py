"""签到 for one shift: everyone listed as 已到; change the few who were not (缺勤 / 迟到 / 请假), with the
actual times where needed (a 迟到 must have them), and save it in one step. Hours go to each member's
service record."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import FieldError
from ...domain.vocabulary import ATTENDANCE_STATUSES, PLANNED, PRESENT
from ...services.schedule.attendance import (
    AttendanceInvalid,
    AttendanceRow,
    record_attendance,
    shift_attendance,
)
from ...services.schedule.errors import ScheduleError
from ...services.schedule.posts import parse_clock
from ...services.schedule.week_grid import shift_detail
from ..field_errors import ERROR_STYLE, FieldMessage
from ..i18n import shown, vocab
from ..ops import SHIFTS, announce_on


class AttendanceLine:
    """The widgets of one member's row."""

    def __init__(self, row: AttendanceRow, parent: QWidget) -> None:
        self.row = row
        self.name = QLabel(row.name)
        self.status = QComboBox(parent)
        for status in ATTENDANCE_STATUSES:
            self.status.addItem(vocab(status), status)
        self.status.setCurrentIndex(self.status.findData(row.status if row.status != PLANNED else PRESENT))
        self.start = QLineEdit(f"{row.actual_start:%H:%M}" if row.actual_start else "")
        self.end = QLineEdit(f"{row.actual_end:%H:%M}" if row.actual_end else "")
        self.start.setPlaceholderText(QCoreApplication.translate("AttendanceDialog", "到岗 如 19:40"))
        self.end.setPlaceholderText(QCoreApplication.translate("AttendanceDialog", "离岗 如 22:00"))
        for edit in (self.start, self.end):
            edit.setMaxLength(10)
        self.hours = QLabel(QCoreApplication.translate("AttendanceDialog", "{0:g} 小时").format(row.hours)
                            if row.status != PLANNED else "")
        self.message = FieldMessage(self.status)

    def times(self, day: date, shift_start: time, shift_end: time) -> tuple[datetime, datetime] | None:
        """The actual times typed (None when neither is); raises FieldError naming what is wrong."""
        start_text, end_text = self.start.text().strip(), self.end.text().strip()
        if not start_text and not end_text:
            return None
        if not start_text or not end_text:
            raise FieldError("times", QCoreApplication.translate("AttendanceDialog", "请同时填写实际到岗和离岗时间"))
        start = parse_clock(start_text, "start", QCoreApplication.translate("AttendanceDialog", "到岗时间"))
        end = parse_clock(end_text, "end", QCoreApplication.translate("AttendanceDialog", "离岗时间"))
        begin = datetime.combine(day, start)
        if shift_end <= shift_start and start <= shift_end:
            begin += timedelta(days=1)  # arrived after midnight on an overnight shift
        finish = datetime.combine(begin.date(), end)
        if finish <= begin:
            finish += timedelta(days=1)
        return begin, finish


class AttendanceDialog(QDialog):
    """`saved` once the attendance is recorded."""

    saved = Signal()

    def __init__(self, shift_id: int, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        announce_on(self.saved, {SHIFTS}, self)
        self.shift_id = shift_id
        self.shift = shift_detail(shift_id)
        self.setWindowTitle(self.tr("签到：{0}").format(title))
        self.resize(760, 480)
        heading = QLabel(self.tr("<b>{0}</b><br>默认全部“已到”，只需改动缺勤、迟到或请假的队员；"
                                 "迟到须填写实际到岗、离岗时间。").format(title))
        heading.setTextFormat(Qt.TextFormat.RichText)
        heading.setWordWrap(True)
        self.lines = [AttendanceLine(row, self) for row in shift_attendance(shift_id)]
        body = QWidget()
        grid = QGridLayout(body)
        for column, caption in enumerate((self.tr("队员"), self.tr("考勤"), self.tr("实际到岗"), self.tr("实际离岗"),
                                          self.tr("时长"))):
            label = QLabel(f"<b>{caption}</b>")
            grid.addWidget(label, 0, column)
        for i, entry in enumerate(self.lines):
            row = 1 + 2 * i
            for column, widget in enumerate((entry.name, entry.status, entry.start, entry.end, entry.hours)):
                grid.addWidget(widget, row, column)
            grid.addWidget(entry.message, row + 1, 1, 1, 4)
        grid.setRowStretch(1 + 2 * len(self.lines), 1)
        grid.setColumnStretch(0, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.empty = QLabel(self.tr("本班次没有安排人员。"))
        self.empty.setVisible(not self.lines)
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        self.all_present_button = QPushButton(self.tr("全部已到"))
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setDefault(True)
        self.save_button.setEnabled(bool(self.lines))
        self.cancel_button = QPushButton(self.tr("取消"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.all_present_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.empty)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.all_present_button.clicked.connect(self.all_present)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)

    def line_for(self, member_id: int) -> AttendanceLine:
        return next(entry for entry in self.lines if entry.row.member_id == member_id)

    def set_status(self, member_id: int, status: str, start: str = "", end: str = "") -> None:
        entry = self.line_for(member_id)
        entry.status.setCurrentIndex(entry.status.findData(status))
        entry.start.setText(start)
        entry.end.setText(end)

    def all_present(self) -> None:
        for entry in self.lines:
            entry.status.setCurrentIndex(entry.status.findData(PRESENT))
            entry.start.clear()
            entry.end.clear()

    def save(self) -> bool:
        self.message.hide()
        for entry in self.lines:
            entry.message.clear_error()
        absent: dict[int, str] = {}
        actual: dict[int, tuple[datetime, datetime]] = {}
        typed_wrong = False
        for entry in self.lines:
            member_id = entry.row.member_id
            status = entry.status.currentData()
            if status != PRESENT:
                absent[member_id] = status
            try:
                times = entry.times(self.shift.date, self.shift.start, self.shift.end)
            except FieldError as exc:
                entry.message.show_error(exc.message)
                typed_wrong = True
                continue
            if times is not None:
                actual[member_id] = times
        if typed_wrong:
            return False
        try:
            record_attendance(self.shift_id, absent=absent, actual=actual)
        except AttendanceInvalid as exc:
            for error in exc.errors:
                named = error.field.startswith("member_")
                named_id = int(error.field.removeprefix("member_")) if named else None
                entries = [e for e in self.lines if e.row.member_id == named_id]
                if entries:
                    entries[0].message.show_error(error.message)
                else:
                    self._show(shown(error.message))
            return False
        except ScheduleError as exc:
            self._show(shown(exc.message))
            return False
        self.saved.emit()
        self.accept()
        return True

    def _show(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
