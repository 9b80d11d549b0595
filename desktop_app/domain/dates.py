"""Dates: the two written forms, loose parsing of typed and imported dates, working days (counted on a
calendar given to them, see `work_calendar`), weeks."""

import calendar
import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Protocol

from desktop_app.domain.errors import FieldError
from desktop_app.domain.i18n import QT_TRANSLATE_NOOP, Message
from desktop_app.domain.text_folding import fold_fullwidth


class WorkCalendar(Protocol):
    """What the working-day rules need of a calendar (`work_calendar.HolidayCalendar` is one)."""

    def is_workday(self, d: date) -> bool: ...

FIELD = "date"
EXCEL_EPOCH = date(1899, 12, 30)
EXCEL_SERIAL_RANGE = (20000, 80000)
YEAR_RANGE = (1900, 2100)

_DIGITS = "〇一二三四五六七八九"
_TIME_OF_DAY = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
_SEPARATED = re.compile(r"(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*[日号]?" + _TIME_OF_DAY)
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_SERIAL = re.compile(r"\d{5}(?:\.\d+)?")
_ISO_WEEK = re.compile(r"(\d{4})\s*-?\s*W\s*(\d{1,2})", re.IGNORECASE)


def format_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def format_date_chinese_numerals(d: date) -> str:
    """The certificate form: 二〇二四年四月十三日."""
    year = "".join(_DIGITS[int(digit)] for digit in str(d.year))
    return f"{year}年{_small_number(d.month)}月{_small_number(d.day)}日"


def _small_number(n: int) -> str:
    tens, units = divmod(n, 10)
    if tens == 0:
        return _DIGITS[units]
    head = "十" if tens == 1 else _DIGITS[tens] + "十"
    return head + (_DIGITS[units] if units else "")


def parse_loose_date(value: object) -> date:
    """A date as people type it or spreadsheets store it, including Excel serial day numbers; any date
    outside the years 1900–2100 is refused, however it arrives."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return check_year(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _from_excel_serial(value, str(value))
    text = fold_fullwidth(str(value or "")).strip()
    if not text:
        raise FieldError(FIELD, QT_TRANSLATE_NOOP("Messages", "请填写日期"))
    match = _SEPARATED.fullmatch(text) or _COMPACT.fullmatch(text)
    if match:
        year, month, day = (int(part) for part in match.groups())
        return _checked_date(year, month, day)
    if _SERIAL.fullmatch(text):
        return _from_excel_serial(float(text), text)
    raise FieldError(FIELD,
        Message(QT_TRANSLATE_NOOP("Messages", "无法识别的日期“{text}”，请写成 2024-04-13 或 2024年4月13日"), text=text))


def check_year(d: date) -> date:
    """`d` itself, or FieldError when its year is outside YEAR_RANGE."""
    if not YEAR_RANGE[0] <= d.year <= YEAR_RANGE[1]:
        raise FieldError(FIELD,
            Message(QT_TRANSLATE_NOOP("Messages", "年份{year}超出范围（{first_year}–{last_year}）"),
                    year=d.year, first_year=YEAR_RANGE[0], last_year=YEAR_RANGE[1]))
    return d


def _checked_date(year: int, month: int, day: int) -> date:
    if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
        raise FieldError(FIELD,
            Message(QT_TRANSLATE_NOOP("Messages", "年份{year}超出范围（{first_year}–{last_year}）"),
                    year=year, first_year=YEAR_RANGE[0], last_year=YEAR_RANGE[1]))
    try:
        return date(year, month, day)
    except ValueError:
        raise FieldError(FIELD,
            Message(QT_TRANSLATE_NOOP("Messages", "日期不存在：{year}年{month}月{day}日"),
                    year=year, month=month, day=day)) from None


def _from_excel_serial(serial: float, shown: str) -> date:
    if not EXCEL_SERIAL_RANGE[0] <= serial <= EXCEL_SERIAL_RANGE[1]:  # NaN fails too
        raise FieldError(FIELD,
            Message(QT_TRANSLATE_NOOP("Messages", "无法识别的日期“{shown}”，请写成 2024-04-13 或 2024年4月13日"),
                    shown=shown))
    return EXCEL_EPOCH + timedelta(days=int(serial))


def is_workday(d: date, cal: WorkCalendar) -> bool:
    """A working day by the calendar: 调休 weekend workdays count, holidays do not."""
    return cal.is_workday(d)


def is_school_day(d: date, cal: WorkCalendar, vacations: Iterable[tuple[date, date]] = ()) -> bool:
    """A working day outside the given school vacations (inclusive ranges); 护学岗 runs on these."""
    return cal.is_workday(d) and not any(start <= d <= end for start, end in vacations)


def add_working_days(start: date, n: int, cal: WorkCalendar) -> date:
    """The n-th working day after `start` (before it when n is negative); `start` itself when n is 0."""
    step = timedelta(days=1 if n >= 0 else -1)
    current, remaining = start, abs(n)
    while remaining:
        current += step
        if cal.is_workday(current):
            remaining -= 1
    return current


def add_months(d: date, n: int) -> date:
    """Same day n months later, clamped to the month's last day (1月31日 + 1 month = 2月28/29日)."""
    month_index = d.year * 12 + d.month - 1 + n
    year, month = divmod(month_index, 12)
    month += 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def iso_week_dates(year: int, week: int) -> list[date]:
    """Monday to Sunday of an ISO week."""
    return [date.fromisocalendar(year, week, weekday) for weekday in range(1, 8)]


def parse_iso_week(text: str) -> tuple[int, int]:
    """'2024-W15' -> (2024, 15)."""
    match = _ISO_WEEK.fullmatch(fold_fullwidth(text or "").strip())
    if match:
        year, week = int(match.group(1)), int(match.group(2))
        if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
            raise FieldError("week",
                Message(QT_TRANSLATE_NOOP("Messages", "年份{year}超出范围（{first_year}–{last_year}）"),
                        year=year, first_year=YEAR_RANGE[0], last_year=YEAR_RANGE[1]))
        weeks_in_year = date(year, 12, 28).isocalendar().week
        if 1 <= week <= weeks_in_year:
            return year, week
        raise FieldError("week",
            Message(QT_TRANSLATE_NOOP("Messages", "{year}年只有{weeks_in_year}周"),
                    year=year, weeks_in_year=weeks_in_year))
    raise FieldError("week", Message(QT_TRANSLATE_NOOP("Messages", "无法识别的周“{text}”，请写成 2024-W15"), text=text))
