"""The holiday table's first contents: the State Council's arrangements `chinesecalendar` holds (2004 to
its last year), as stored rows. Only the migration that creates the table and the calendar used without a
data file read it; every other working-day question goes through the table."""

from __future__ import annotations

from datetime import date

import chinese_calendar

from .holiday_days import NATIONAL, REST, WORK, HolidayRow, layer_source

SEED_NOTE = "（chinesecalendar 导入）"


def _name(value: str) -> str:
    try:
        return chinese_calendar.Holiday(value).chinese
    except ValueError:
        return str(value)


def _arrangement_year(d: date, name: str) -> int:
    """The notice a day belongs to: the last days of December before 元旦 belong to the next year's."""
    return d.year + 1 if d.month == 12 and name == "元旦" else d.year


def seed_rows() -> list[HolidayRow]:
    rows = []
    for kind, days in ((REST, chinese_calendar.holidays), (WORK, chinese_calendar.workdays)):
        for d, value in days.items():
            name = _name(value)
            year = _arrangement_year(d, name)
            rows.append(HolidayRow(d, kind, name, NATIONAL, year, layer_source(NATIONAL, year) + SEED_NOTE, True))
    return sorted(rows, key=lambda r: r.date)


def seed_years() -> range:
    years = [d.year for d in chinese_calendar.holidays]
    return range(min(years), max(years) + 1)
