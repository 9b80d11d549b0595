"""A post's recurring shifts (班次规律): the list, and a form — weekdays 一 … 日, start, end, headcount,
valid from / to — with the errors at the fields."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...services.schedule.posts import (
    HEADCOUNT_MAX,
    PatternInput,
    PatternRow,
    PostInvalid,
    delete_pattern,
    list_patterns,
    save_pattern,
)
from ..cases.widgets import FieldGrid, date_hint, line, plain_table
from ..id_table_model import Column
from ..rows_table_model import RowsTableModel
from ..weekdays import short_weekday


def clock_text(value: time | None) -> str:
    return f"{value.hour:02d}:{value.minute:02d}" if value is not None else ""


class PatternPanel(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.post_id: int | None = None
        self.editing_id: int | None = None
        self.defaults = PatternInput(weekdays=(1, 2, 3, 4, 5))
        self.model = RowsTableModel([Column(self.tr("班次规律"), "text")])
        self.table = plain_table(self.model)
        self.table.setMinimumHeight(90)
        self.table.selectionModel().selectionChanged.connect(self._selected)

        self.days_box = QWidget()
        days = QHBoxLayout(self.days_box)
        days.setContentsMargins(0, 0, 0, 0)
        self.day_checks = [QCheckBox(self.tr("周{0}").format(short_weekday(i))) for i in range(7)]
        for box in self.day_checks:
            days.addWidget(box)
        self.workdays_button = QPushButton(self.tr("周一至周五"))
        self.every_day_button = QPushButton(self.tr("每天"))
        days.addWidget(self.workdays_button)
        days.addWidget(self.every_day_button)
        days.addStretch(1)
        self.start = line(self.tr("如 07:30"), 10)
        self.end = line(self.tr("如 08:10"), 10)
        self.headcount = QSpinBox()
        self.headcount.setRange(1, HEADCOUNT_MAX)
        self.headcount.setSuffix(self.tr(" 人"))
        self.valid_from = line(date_hint() + self.tr("，可不填"), 20)
        self.valid_to = line(date_hint() + self.tr("，可不填"), 20)
        grid = QGridLayout()
        self.fields = FieldGrid(grid)
        self.fields.add("weekdays", self.tr("星期"), self.days_box, 0, span=2)
        self.fields.add("start", self.tr("开始"), self.start, 1)
        self.fields.add("end", self.tr("结束"), self.end, 1, 2)
        self.fields.add("headcount", self.tr("人数"), self.headcount, 2)
        self.fields.add("valid_from", self.tr("生效日期"), self.valid_from, 3)
        self.fields.add("valid_to", self.tr("截止日期"), self.valid_to, 3, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.note = QLabel(self.tr("仅上学日的岗位：节假日和学校假期不排，调休上班的周末照常排（当规律为周一至周五时）。"
                                   "结束早于开始表示到次日。"))
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555555;")

        self.new_button = QPushButton(self.tr("新增规律"))
        self.save_button = QPushButton(self.tr("保存规律"))
        self.delete_button = QPushButton(self.tr("删除规律"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(grid)
        layout.addWidget(self.note)
        layout.addLayout(buttons)

        self.workdays_button.clicked.connect(lambda: self.set_weekdays((1, 2, 3, 4, 5)))
        self.every_day_button.clicked.connect(lambda: self.set_weekdays((1, 2, 3, 4, 5, 6, 7)))
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete_selected)
        self._loaded = self.read()
        self.set_post(None)

    # --- form --------------------------------------------------------------------------------------
    def set_weekdays(self, days) -> None:
        for number, box in enumerate(self.day_checks, start=1):
            box.setChecked(number in days)

    def fill(self, data: PatternInput) -> None:
        self.set_weekdays(tuple(data.weekdays))
        self.start.setText(clock_text(data.start) if isinstance(data.start, time) else str(data.start or ""))
        self.end.setText(clock_text(data.end) if isinstance(data.end, time) else str(data.end or ""))
        self.headcount.setValue(int(data.headcount or 1))
        self.valid_from.setText(str(data.valid_from or ""))
        self.valid_to.setText(str(data.valid_to or ""))
        self.fields.clear_errors()
        self._loaded = self.read()

    def read(self) -> PatternInput:
        return PatternInput(
            weekdays=[n for n, box in enumerate(self.day_checks, start=1) if box.isChecked()],
            start=self.start.text().strip(), end=self.end.text().strip(), headcount=self.headcount.value(),
            valid_from=self.valid_from.text().strip(), valid_to=self.valid_to.text().strip(),
        )

    def is_dirty(self) -> bool:
        return self.post_id is not None and self.read() != self._loaded

    # --- state -------------------------------------------------------------------------------------
    def set_post(self, post_id: int | None, defaults: PatternInput | None = None) -> None:
        self.post_id = post_id
        if defaults is not None:
            self.defaults = defaults
        for widget in (self.table, self.days_box, self.start, self.end, self.headcount, self.valid_from,
                       self.valid_to, self.new_button, self.save_button, self.delete_button):
            widget.setEnabled(post_id is not None)
        self.reload()
        self.start_new()

    def reload(self) -> None:
        self.model.set_rows(list_patterns(self.post_id) if self.post_id is not None else [])

    def start_new(self) -> None:
        self.editing_id = None
        self.table.clearSelection()
        self.fill(self.defaults)

    def _selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        pattern: PatternRow = self.model.record(rows[0].row())
        self.editing_id = pattern.id
        self.fill(PatternInput(weekdays=pattern.weekdays, start=pattern.start, end=pattern.end,
                               headcount=pattern.headcount,
                               valid_from=pattern.valid_from.isoformat() if pattern.valid_from else "",
                               valid_to=pattern.valid_to.isoformat() if pattern.valid_to else ""))

    # --- actions -----------------------------------------------------------------------------------
    def save(self) -> bool:
        if self.post_id is None:
            return False
        try:
            save_pattern(self.post_id, self.read(), self.editing_id)
        except PostInvalid as exc:
            self.fields.show_errors(exc.errors)
            self.fields.focus_first(exc.errors)
            return False
        self.reload()
        self.start_new()
        self.changed.emit()
        return True

    def delete_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        pattern = self.model.record(rows[0].row())
        answer = QMessageBox.question(self, self.tr("删除规律"), self.tr(
            "确定删除班次规律“{0}”吗？\n已生成的班次不受影响。").format(pattern.text))
        if answer != QMessageBox.StandardButton.Yes:
            return
        delete_pattern(pattern.id)
        self.reload()
        self.start_new()
        self.changed.emit()
