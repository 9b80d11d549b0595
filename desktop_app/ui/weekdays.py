"""The names of the days of the week as the screens show them (星期一 … 星期日, 一 … 日), translated."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from ..domain.i18n import QT_TRANSLATE_NOOP

WEEKDAYS = (QT_TRANSLATE_NOOP("Weekdays", "星期一"), QT_TRANSLATE_NOOP("Weekdays", "星期二"),
            QT_TRANSLATE_NOOP("Weekdays", "星期三"), QT_TRANSLATE_NOOP("Weekdays", "星期四"),
            QT_TRANSLATE_NOOP("Weekdays", "星期五"), QT_TRANSLATE_NOOP("Weekdays", "星期六"),
            QT_TRANSLATE_NOOP("Weekdays", "星期日"))
SHORT_WEEKDAYS = (QT_TRANSLATE_NOOP("Weekdays", "一"), QT_TRANSLATE_NOOP("Weekdays", "二"),
                  QT_TRANSLATE_NOOP("Weekdays", "三"), QT_TRANSLATE_NOOP("Weekdays", "四"),
                  QT_TRANSLATE_NOOP("Weekdays", "五"), QT_TRANSLATE_NOOP("Weekdays", "六"),
                  QT_TRANSLATE_NOOP("Weekdays", "日"))


def weekday_name(day: date) -> str:
    return QCoreApplication.translate("Weekdays", WEEKDAYS[day.weekday()])


def short_weekday(index: int) -> str:
    """一 … 日 for Monday (0) … Sunday (6)."""
    return QCoreApplication.translate("Weekdays", SHORT_WEEKDAYS[index])
