"""Pieces the 排班值班 screens share: colours, dates between Qt and Python, the team box, a period picker,
a sortable list model, and one way to run an assignment that the rules may refuse or warn about."""

from __future__ import annotations

import calendar
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QRadioButton,
    QWidget,
)

from ...services.roster.teams import team_choices
from ...services.schedule.errors import AssignmentRefused, ScheduleError
from ...services.schedule.rules import REFUSE
from ..i18n import shown
from ..id_table_model import Index
from ..rows_table_model import RowsTableModel

T = TypeVar("T")

REFUSE_COLOUR = QColor("#c0392b")
WARN_COLOUR = QColor("#d35400")
GAP_COLOUR = QColor("#c0392b")
MUTED_COLOUR = QColor("#7f8c8d")
TIME_COLOUR = QColor("#1f3864")
HOLIDAY_FILL = QColor("#fdecea")
WEEKEND_FILL = QColor("#f4f6fa")
def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def month_span(day: date) -> tuple[date, date]:
    first = day.replace(day=1)
    return first, first.replace(day=calendar.monthrange(day.year, day.month)[1])


def short_date(day: date) -> str:
    return QCoreApplication.translate("Schedule", "{0}月{1}日").format(day.month, day.day)


def week_text(monday: date) -> str:
    """2026年第48周　11月23日–11月29日."""
    year, week, _ = monday.isocalendar()
    sunday = monday + timedelta(days=6)
    return QCoreApplication.translate("Schedule", "{0}年第{1}周　{2}–{3}").format(
        year, week, short_date(monday), short_date(sunday))


def team_combo(all_label: str | None = None) -> QComboBox:
    combo = QComboBox()
    fill_team_combo(combo, all_label)
    return combo


def fill_team_combo(combo: QComboBox, all_label: str | None = None, keep: Any = None) -> None:
    """The teams (not retired) after a first choice `all_label` (data None); keeps the chosen team."""
    current = combo.currentData() if keep is None else keep
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(all_label or QCoreApplication.translate("Schedule", "全部队伍"), None)
    for team in team_choices():
        combo.addItem(team.name, team.id)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.blockSignals(False)


def week_word(monday: date, today: date | None = None) -> str:
    """What the week starting `monday` is called from today: 本周, 下周, 上周, or 该周 further off."""
    today = today or date.today()
    weeks = (monday - (today - timedelta(days=today.weekday()))).days // 7
    words = {0: QCoreApplication.translate("Schedule", "本周"), 1: QCoreApplication.translate("Schedule", "下周"),
             -1: QCoreApplication.translate("Schedule", "上周")}
    return words.get(weeks, QCoreApplication.translate("Schedule", "该周"))


def month_word(day: date, today: date | None = None) -> str:
    """本月 for the month of today, else 该月."""
    today = today or date.today()
    same = (day.year, day.month) == (today.year, today.month)
    return QCoreApplication.translate("Schedule", "本月") if same else QCoreApplication.translate("Schedule", "该月")


class PeriodPicker(QWidget):
    """本周 / 本月 / 自定义 from–to, around a reference week (the one the grid shows); the week and month are
    named from today (下周, 该月 …), so a picker opened on next week does not call it 本周."""

    changed = Signal()

    def __init__(self, monday: date, default: str = "week", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.monday = monday
        self.month_day = monday + timedelta(days=3)  # the week's Thursday: the month most of the week is in
        first, _ = month_span(self.month_day)
        self.week = QRadioButton(self.tr("{0}（{1}–{2}）").format(
            week_word(monday), short_date(monday), short_date(monday + timedelta(days=6))))
        self.month = QRadioButton(self.tr("{0}（{1}年{2}月）").format(month_word(first), first.year, first.month))
        self.custom = QRadioButton(self.tr("自定义"))
        self.date_from = QDateEdit(to_qdate(monday))
        self.date_to = QDateEdit(to_qdate(monday + timedelta(days=6)))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            edit.dateChanged.connect(self.changed)
        group = QButtonGroup(self)
        for button in (self.week, self.month, self.custom):
            group.addButton(button)
            button.toggled.connect(self._toggled)
        {"week": self.week, "month": self.month}.get(default, self.custom).setChecked(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        to_label = QLabel(self.tr("至"))
        for widget in (self.week, self.month, self.custom, self.date_from, to_label, self.date_to):
            layout.addWidget(widget)
        layout.addStretch(1)

    def _toggled(self, checked: bool) -> None:
        custom = self.custom.isChecked()
        self.date_from.setEnabled(custom)
        self.date_to.setEnabled(custom)
        if checked:
            self.changed.emit()

    def set_custom(self, date_from: date, date_to: date) -> None:
        self.custom.setChecked(True)
        self.date_from.setDate(to_qdate(date_from))
        self.date_to.setDate(to_qdate(date_to))

    def period(self) -> tuple[date, date]:
        if self.week.isChecked():
            return self.monday, self.monday + timedelta(days=6)
        if self.month.isChecked():
            return month_span(self.month_day)
        return from_qdate(self.date_from.date()), from_qdate(self.date_to.date())


class SortableRowsModel(RowsTableModel):
    """Plain rows, sorted by the raw value of the clicked column (numbers as numbers)."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        attr = self.columns[column].attr

        def key(row: Any) -> tuple[int, float, str]:
            value = getattr(row, attr)
            if value is None:
                return 1, 0.0, ""
            if isinstance(value, int | float):
                return 0, float(value), ""
            return 0, 0.0, str(value)

        self.layoutAboutToBeChanged.emit()
        self._rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and index.isValid():
            value = getattr(self._rows[index.row()], self.columns[index.column()].attr)
            if isinstance(value, int | float) and not isinstance(value, bool):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)


def refusal_lines(problems: Sequence[Any]) -> str:
    return "\n".join("· " + shown(p.message) for p in problems)


def attempt(parent: QWidget, title: str, action: Callable[[bool], T],
            question: str | None = None) -> T | None:
    """Run `action(force_warnings)`: a refusal is shown with its reasons; warnings are put to the user
    ("仍要安排吗？") and on yes the action runs again with force_warnings=True. None when nothing was done."""
    try:
        return action(False)
    except AssignmentRefused as exc:
        refused = [p for p in exc.problems if p.level == REFUSE]
        if refused:
            QMessageBox.warning(parent, title, QCoreApplication.translate("Schedule", "不能这样安排：\n{0}").format(
                refusal_lines(refused)))
            return None
        answer = QMessageBox.question(
            parent, title,
            QCoreApplication.translate("Schedule", "请注意：\n{0}\n\n{1}").format(
                refusal_lines(exc.problems), question or QCoreApplication.translate("Schedule", "仍要安排吗？")),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return None
    except ScheduleError as exc:
        QMessageBox.warning(parent, title, shown(exc.message))
        return None
    try:
        return action(True)
    except AssignmentRefused as exc:
        QMessageBox.warning(parent, title, QCoreApplication.translate("Schedule", "不能这样安排：\n{0}").format(
            refusal_lines(exc.problems)))
    except ScheduleError as exc:
        QMessageBox.warning(parent, title, shown(exc.message))
    return None
