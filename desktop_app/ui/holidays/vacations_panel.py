"""The school vacations (寒假, 暑假) of the year shown: 护学岗 make no shifts in them. `changed` after each edit."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import format_date
from ...domain.errors import FieldError
from ...services.schedule.settings import add_school_vacation, remove_school_vacation, school_vacations
from ..field_errors import FieldMessage

SPAN_ROLE = 256


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class VacationsPanel(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year = date.today().year
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("学校放寒假、暑假期间，“仅上学日”的岗位（护学岗）不排班。日历上以绿色下划线标出。"))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.list = QListWidget()
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        layout.addLayout(row)
        self.start = QDateEdit()
        self.end = QDateEdit()
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        row.addWidget(QLabel(self.tr("从")))
        row.addWidget(self.start)
        row.addWidget(QLabel(self.tr("至")))
        row.addWidget(self.end)
        self.add_button = QPushButton(self.tr("添加假期"))
        row.addWidget(self.add_button)
        self.message = FieldMessage(self.end)
        layout.addWidget(self.message)
        self.remove_button = QPushButton(self.tr("删除所选假期"))
        layout.addWidget(self.remove_button)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)

    def set_year(self, year: int) -> None:
        self.year = year
        self.start.setDate(_qdate(date(year, 7, 10)))
        self.end.setDate(_qdate(date(year, 8, 31)))
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for start, end in school_vacations():
            if start.year <= self.year <= end.year:
                item = QListWidgetItem(self.tr("{0} 至 {1}（{2}天）").format(
                    format_date(start), format_date(end), (end - start).days + 1))
                item.setData(SPAN_ROLE, (start.isoformat(), end.isoformat()))
                self.list.addItem(item)

    def add(self) -> None:
        self.message.clear_error()
        try:
            add_school_vacation(_date(self.start.date()), _date(self.end.date()))
        except FieldError as exc:
            self.message.show_error(exc.message)
            return
        self.reload()
        self.changed.emit()

    def remove(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        start, end = item.data(SPAN_ROLE)
        remove_school_vacation(date.fromisoformat(start), date.fromisoformat(end))
        self.reload()
        self.changed.emit()
