"""A whole year on one screen: twelve small months, 休 days red, 班 days blue, estimated days hatched and
marked 预, school vacations underlined green. A click selects a day (`day_clicked`)."""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ...domain.holiday_days import REST, WORK, DayInfo
from ..i18n import vocab
from ..weekdays import short_weekday

REST_FILL, REST_TEXT = QColor("#f8d0cc"), QColor("#b03024")
WORK_FILL, WORK_TEXT = QColor("#cfe0f7"), QColor("#1d4f91")
WEEKEND_TEXT = QColor("#8a8f98")
PLAIN_TEXT = QColor("#222222")
VACATION_MARK = QColor("#2e8b57")
ESTIMATE_MARK = QColor("#b07800")
SELECTED = QColor("#222222")
CHANGED = QColor("#7b3fb5")

CELL_W, CELL_H = 27, 21
TITLE_H, HEADER_H = 22, 18
GAP_X, GAP_Y = 14, 10
COLUMNS = 4


class YearCalendar(QWidget):
    day_clicked = Signal(object)  # date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year = date.today().year
        self.infos: dict[date, DayInfo] = {}
        self.vacations: list[tuple[date, date]] = []
        self.changed: set[date] = set()
        self.selected: date | None = None
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_year(self, year: int, infos: Iterable[DayInfo], vacations: Iterable[tuple[date, date]] = (),
                 changed: Iterable[date] = ()) -> None:
        self.year = year
        self.infos = {info.date: info for info in infos}
        self.vacations = list(vacations)
        self.changed = set(changed)
        if self.selected is not None and self.selected.year != year:
            self.selected = None
        self.update()

    def select(self, day: date | None) -> None:
        self.selected = day
        self.update()

    def month_size(self) -> QSize:
        return QSize(7 * CELL_W, TITLE_H + HEADER_H + 6 * CELL_H)

    def sizeHint(self) -> QSize:  # noqa: N802
        month = self.month_size()
        rows = 12 // COLUMNS
        return QSize(COLUMNS * month.width() + (COLUMNS - 1) * GAP_X + 2,
                     rows * month.height() + (rows - 1) * GAP_Y + 2)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def _month_origin(self, month: int) -> QPoint:
        size = self.month_size()
        index = month - 1
        return QPoint((index % COLUMNS) * (size.width() + GAP_X), (index // COLUMNS) * (size.height() + GAP_Y))

    def cell_rect(self, day: date) -> QRect:
        origin = self._month_origin(day.month)
        first_weekday = date(day.year, day.month, 1).weekday()
        slot = first_weekday + day.day - 1
        return QRect(origin.x() + (slot % 7) * CELL_W, origin.y() + TITLE_H + HEADER_H + (slot // 7) * CELL_H,
                     CELL_W, CELL_H)

    def day_at(self, point: QPoint) -> date | None:
        for month in range(1, 13):
            for day in range(1, calendar.monthrange(self.year, month)[1] + 1):
                d = date(self.year, month, day)
                if self.cell_rect(d).contains(point):
                    return d
        return None

    def in_vacation(self, day: date) -> bool:
        return any(start <= day <= end for start, end in self.vacations)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        base = QFont(self.font())
        bold = QFont(base)
        bold.setBold(True)
        small = QFont(base)
        small.setPointSizeF(max(6.0, base.pointSizeF() * 0.62))
        today = date.today()
        for month in range(1, 13):
            origin = self._month_origin(month)
            painter.setFont(bold)
            painter.setPen(PLAIN_TEXT)
            painter.drawText(QRect(origin.x(), origin.y(), 7 * CELL_W, TITLE_H),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             self.tr("{0}月").format(month))
            painter.setFont(base)
            for column in range(7):
                painter.setPen(WEEKEND_TEXT if column > 4 else PLAIN_TEXT)
                painter.drawText(QRect(origin.x() + column * CELL_W, origin.y() + TITLE_H, CELL_W, HEADER_H),
                                 int(Qt.AlignmentFlag.AlignCenter), short_weekday(column))
            for day_number in range(1, calendar.monthrange(self.year, month)[1] + 1):
                self._paint_day(painter, date(self.year, month, day_number), base, bold, small, today)
        painter.end()

    def _paint_day(self, painter: QPainter, day: date, base: QFont, bold: QFont, small: QFont, today: date) -> None:
        rect = self.cell_rect(day).adjusted(1, 1, -1, -1)
        info = self.infos.get(day)
        kind = info.kind if info else ""
        text_colour = WEEKEND_TEXT if day.isoweekday() > 5 else PLAIN_TEXT
        if kind == REST:
            painter.fillRect(rect, REST_FILL)
            text_colour = REST_TEXT
        elif kind == WORK:
            painter.fillRect(rect, WORK_FILL)
            text_colour = WORK_TEXT
        if info is not None and info.estimated and kind:
            painter.fillRect(rect, QBrush(QColor(255, 255, 255, 150), Qt.BrushStyle.BDiagPattern))
        painter.setFont(bold if day == today else base)
        painter.setPen(text_colour)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), str(day.day))
        if info is not None and info.estimated and kind:
            painter.setFont(small)
            painter.setPen(ESTIMATE_MARK)
            painter.drawText(rect.adjusted(0, -1, -1, 0), int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
                             self.tr("预"))
        if self.in_vacation(day):
            painter.fillRect(QRect(rect.left() + 2, rect.bottom() - 2, rect.width() - 4, 3), VACATION_MARK)
        if day in self.changed:
            painter.setPen(QPen(CHANGED, 1, Qt.PenStyle.DashLine))
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        if day == self.selected:
            painter.setPen(QPen(SELECTED, 2))
            painter.drawRect(rect.adjusted(0, 0, -1, -1))

    def describe(self, day: date) -> str:
        info = self.infos.get(day)
        text = self.tr("{0}年{1}月{2}日").format(day.year, day.month, day.day)
        if info is not None and info.kind:
            text += f" {vocab(info.kind)}"
            if info.name:
                text += f" {info.name}"
        elif info is not None:
            text += " " + (self.tr("工作日") if info.is_workday else self.tr("休息日"))
        if info is not None and info.estimated:
            text += " " + self.tr("（预估）")
        if self.in_vacation(day):
            text += " " + self.tr("学校放假")
        if info is not None and info.source:
            text += "\n" + self.tr("来源：{0}").format(info.source)
        return text

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        day = self.day_at(event.position().toPoint())
        if day is not None:
            self.select(day)
            self.day_clicked.emit(day)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        day = self.day_at(event.position().toPoint())
        if day is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(event.globalPosition().toPoint(), self.describe(day), self)
