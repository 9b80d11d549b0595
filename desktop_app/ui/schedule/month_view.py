"""月视图: the month as a calendar — each day's shifts, people planned against needed, gaps in red;
double-click a day to open its week in the grid."""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...services.schedule.month_overview import MonthDay, MonthOverview, month_overview
from ..id_table_model import Index
from ..weekdays import short_weekday
from .common import GAP_COLOUR, HOLIDAY_FILL, WEEKEND_FILL, fill_team_combo, team_combo
from .week_grid_model import estimate_tip


class MonthModel(QAbstractTableModel):
    """Weeks down, Monday … Sunday across; cells outside the month are empty."""

    def __init__(self) -> None:
        super().__init__()
        self.overview: MonthOverview | None = None
        self._weeks: list[list[MonthDay | None]] = []

    def set_overview(self, overview: MonthOverview) -> None:
        self.beginResetModel()
        self.overview = overview
        by_day = {d.date.day: d for d in overview.days}
        self._weeks = [[by_day.get(n) if n else None for n in week]
                       for week in calendar.Calendar().monthdayscalendar(overview.year, overview.month)]
        self.endResetModel()

    def day_at(self, row: int, column: int) -> MonthDay | None:
        return self._weeks[row][column]

    def position_of(self, day: date) -> tuple[int, int] | None:
        for r, week in enumerate(self._weeks):
            for c, entry in enumerate(week):
                if entry is not None and entry.date == day:
                    return r, c
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._weeks)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 7

    @staticmethod
    def day_text(day: MonthDay) -> str:
        head = QCoreApplication.translate("Schedule", "{0}日").format(day.date.day) + (
            f"  {day.holiday}" if day.holiday else "")
        if day.estimated:
            head += "  " + QCoreApplication.translate("Schedule", "预估")
        if not day.shifts:
            return head + "\n" + QCoreApplication.translate("Schedule", "无班次")
        lines = [head, QCoreApplication.translate("Schedule", "班次 {0} 个").format(day.shifts),
                 QCoreApplication.translate("Schedule", "已排 {0}/{1} 人").format(day.filled, day.needed)]
        if day.gaps:
            lines.append(QCoreApplication.translate("Schedule", "缺 {0} 人（{1} 个班次）").format(
                day.gaps, day.shifts_with_gaps))
        return "\n".join(lines)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        day = self._weeks[index.row()][index.column()]
        if day is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.day_text(day)
        if role == Qt.ItemDataRole.ForegroundRole and day.gaps:
            return QBrush(GAP_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole and day.estimated:
            return estimate_tip(day.date.year)
        if role == Qt.ItemDataRole.BackgroundRole:
            if day.holiday:
                return QBrush(HOLIDAY_FILL)
            if not day.is_workday:
                return QBrush(WEEKEND_FILL)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if index.isValid() and self._weeks[index.row()][index.column()] is not None:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return Qt.ItemFlag.NoItemFlags

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr("周{0}").format(short_weekday(section))
        return None


class MonthDialog(QDialog):
    """`day_chosen(date)` on a double-click of a day."""

    day_chosen = Signal(object)

    def __init__(self, day: date, team_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("月视图"))
        self.resize(980, 680)
        self.year, self.month = day.year, day.month
        self.prev_button = QPushButton(self.tr("◀ 上月"))
        self.next_button = QPushButton(self.tr("下月 ▶"))
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 12pt; font-weight: bold;")
        self.team = team_combo()
        fill_team_combo(self.team, keep=team_id)
        self.summary = QLabel()
        self.model = MonthModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        hint = QLabel(self.tr("双击某一天，打开那一周的值班表。红色为缺人。"))
        hint.setStyleSheet("color: #555555;")
        top = QHBoxLayout()
        for widget in (self.prev_button, self.title, self.next_button):
            top.addWidget(widget)
        top.addSpacing(16)
        top.addWidget(QLabel(self.tr("队伍：")))
        top.addWidget(self.team)
        top.addStretch(1)
        top.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.team.currentIndexChanged.connect(self.reload)
        self.table.doubleClicked.connect(self._double_clicked)
        self.reload()

    def step(self, months: int) -> None:
        index = self.year * 12 + self.month - 1 + months
        self.year, self.month = index // 12, index % 12 + 1
        self.reload()

    def reload(self) -> None:
        overview = month_overview(self.year, self.month, self.team.currentData())
        self.model.set_overview(overview)
        self.title.setText(self.tr("{0}年{1}月").format(self.year, self.month))
        text = self.tr("班次 {0} 个，需 {1} 人次，已排 {2}").format(overview.shifts, overview.needed, overview.filled)
        if overview.gaps:
            text += self.tr("，缺 {0} 人次").format(overview.gaps)
        self.summary.setText(text)
        self.summary.setStyleSheet(f"color: {GAP_COLOUR.name()};" if overview.gaps else "")

    def choose(self, day: date) -> None:
        self.day_chosen.emit(day)
        self.accept()

    def _double_clicked(self, index: QModelIndex) -> None:
        day = self.model.day_at(index.row(), index.column())
        if day is not None:
            self.choose(day.date)
