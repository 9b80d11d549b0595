"""公平性: duty per member for a period and the rolling four weeks, against the average (above it in
orange/red, below in blue), sortable by any column."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...services.schedule.auto_scheduler import fairness
from ...services.schedule.errors import ScheduleError
from ..cases.widgets import plain_table
from ..field_errors import ERROR_STYLE
from ..i18n import shown
from ..id_table_model import Column, Index
from ..ops import STOPPED, run_and_wait
from .common import PeriodPicker, SortableRowsModel, team_combo

ABOVE_COLOUR = QColor("#c0392b")
SLIGHTLY_ABOVE_COLOUR = QColor("#d35400")
BELOW_COLOUR = QColor("#1f6fb2")
NEAR = 1.0  # hours either side of the average shown without colour
FAR = 6.0  # hours above the average shown in red


class FairnessModel(SortableRowsModel):
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and self.columns[index.column()].attr == "difference":
            value = self._rows[index.row()].difference
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{value:+.1f}" if value else "0"
            if role == Qt.ItemDataRole.ForegroundRole:
                if value > FAR:
                    return QBrush(ABOVE_COLOUR)
                if value > NEAR:
                    return QBrush(SLIGHTLY_ABOVE_COLOUR)
                if value < -NEAR:
                    return QBrush(BELOW_COLOUR)
        return super().data(index, role)


class FairnessDialog(QDialog):
    def __init__(self, monday: date, team_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("排班公平性"))
        self.resize(980, 620)
        self.period = PeriodPicker(monday, "month")
        self.team = team_combo()
        self.team.setCurrentIndex(max(0, self.team.findData(team_id)))
        self.summary = QLabel()
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.model = FairnessModel([
            Column(self.tr("队员"), "name"), Column(self.tr("队伍"), "team_name"),
            Column(self.tr("班次"), "shifts"), Column(self.tr("时长（小时）"), "hours"),
            Column(self.tr("夜班"), "night_shifts"), Column(self.tr("节假日"), "holiday_shifts"),
            Column(self.tr("近四周时长"), "hours_4w"), Column(self.tr("平均"), "average_4w"),
            Column(self.tr("与平均差"), "difference"),
        ])
        self.table = plain_table(self.model, (150, 150, 60, 90, 60, 60, 90, 70))
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.clicked.connect(self.accept)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("期间：")))
        top.addWidget(self.period, 1)
        top.addWidget(QLabel(self.tr("队伍：")))
        top.addWidget(self.team)
        note = QLabel(self.tr("近四周时长：所选期间之前四周加本期间的值班时长（已到按实际，已排按计划）。"
                              "与平均差为正表示比平均多，红色为明显偏多，蓝色为偏少。"))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555555;")
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.period.changed.connect(self.reload)
        self.team.currentIndexChanged.connect(self.reload)
        QTimer.singleShot(0, self.reload)  # once the dialog is up: a prefecture's table takes a while

    def reload(self) -> None:
        date_from, date_to = self.period.period()
        team_id = self.team.currentData()
        try:
            rows = run_and_wait(self, self.tr("正在统计公平性"), lambda _progress: fairness(date_from, date_to, team_id),
                                expected=(ScheduleError,))
        except ScheduleError as exc:
            self.error.setText(shown(exc.message))
            self.error.show()
            return
        if rows is STOPPED:
            return
        self.error.hide()
        self.model.set_rows(rows)
        on_duty = [r for r in rows if r.shifts]
        hours = [r.hours for r in on_duty]
        text = self.tr("共 {0} 人，本期有值班 {1} 人").format(len(rows), len(on_duty))
        if hours:
            text += self.tr("；本期时长最多 {0:g} 小时，最少 {1:g} 小时").format(max(hours), min(hours))
        if rows:
            text += self.tr("；近四周平均 {0:g} 小时").format(rows[0].average_4w)
        self.summary.setText(text)
