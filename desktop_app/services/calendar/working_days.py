"""The office's working-day calendar: every working-day question of the program (护学岗 school days, shift
generation, case deadlines, the week grid and month view) is answered here, from the holiday table.

The table is read one year at a time and kept until it changes (`invalidate`, called by every write to it,
by a change of the 新疆 switch and when a data folder is opened). Years without an entered arrangement are
estimated and say so (`DayInfo.estimated`). Without an open data file (pure planning code in tests) the
calendar is the one a new data file starts with: the seeded years, estimates for the rest.
"""

from __future__ import annotations

import threading
from datetime import date
from typing import TypedDict

from ...db.database import db
from ...db.models import Holiday
from ...domain.holiday_days import NATIONAL, XINJIANG, DayInfo, HolidayRow
from ...domain.holiday_seed import seed_rows
from ...domain.work_calendar import HolidayCalendar, YearStatus

NOTICE_MONTH = 11  # the State Council publishes the next year's arrangement in November
_lock = threading.Lock()


class _State(TypedDict):
    generation: int  # counts invalidations
    calendar: HolidayCalendar | None  # of the open data file, made at `key`
    key: tuple[int, int] | None  # (the connection's id, generation)
    seed: HolidayCalendar | None  # from the seed rows, when no data file is open
    open: bool


_state: _State = {"generation": 0, "calendar": None, "key": None, "seed": None, "open": False}


def invalidate() -> None:
    """Forget what was read: the table, the office's 新疆 switch."""
    with _lock:
        _state["generation"] += 1
        _state["calendar"] = None


def store_opened(is_open: bool) -> None:
    """Told by `storage` when a data folder is opened or closed."""
    invalidate()
    _state["open"] = is_open


def load_year(year: int) -> list[HolidayRow]:
    """The stored days whose date falls in `year` or that belong to `year`'s arrangement."""
    query = Holiday.select(Holiday.date, Holiday.kind, Holiday.name, Holiday.layer, Holiday.year, Holiday.source,
                           Holiday.confirmed).where(
        (Holiday.year == year) | Holiday.date.between(date(year, 1, 1), date(year, 12, 31)))
    return [HolidayRow(d if isinstance(d, date) else date.fromisoformat(str(d)), kind, name, layer, y, source,
                       bool(confirmed))
            for d, kind, name, layer, y, source, confirmed in query.tuples()]


def _seed_calendar() -> HolidayCalendar:
    with _lock:
        seed = _state["seed"]
        if seed is None:
            seed = _state["seed"] = HolidayCalendar.from_rows(seed_rows())
        return seed


def current() -> HolidayCalendar:
    """The calendar of the open data file (cached until the table or the 新疆 switch changes)."""
    if db.obj is None or not _state["open"]:
        return _seed_calendar()
    from ..office.details import counts_xinjiang_holidays

    with _lock:
        key = (id(db.obj), _state["generation"])
        cached = _state["calendar"]
        if cached is not None and _state["key"] == key:
            return cached
    calendar = HolidayCalendar(load_year, counts_xinjiang_holidays())
    with _lock:
        if _state["key"] != key or _state["calendar"] is None:
            _state["calendar"], _state["key"] = calendar, key
    return calendar


def day_info(d: date) -> DayInfo:
    return current().day_info(d)


def is_workday(d: date) -> bool:
    """A working day: 调休 weekend workdays count, holidays (and 新疆's, for an office that counts them) do not."""
    return current().is_workday(d)


def is_school_day(d: date, vacations=()) -> bool:
    """A working day outside the given school vacations (inclusive ranges); 护学岗 runs on these."""
    return current().is_school_day(d, vacations)


def add_working_days(start: date, n: int) -> date:
    """The n-th working day after `start` (before it when n is negative); `start` itself when n is 0."""
    return current().add_working_days(start, n)


def holiday_name(d: date) -> str:
    """The holiday's name when `d` is a day off for it (国庆节, 古尔邦节 …); "" otherwise."""
    return current().day_info(d).holiday_name


def estimated_between(after: date, until: date) -> bool:
    """Whether a day after `after` up to `until` rests on an estimate (a deadline counted over it is one too)."""
    return current().estimated_between(after, until)


def year_status(year: int) -> YearStatus:
    return current().year_status(year)


def missing_arrangements(today: date | None = None) -> list[tuple[int, str]]:
    """What the 首页 warns of, (year, layer): the arrangements not entered for this year and, from 1 November,
    the next (national: "2027年放假安排尚未录入"; xinjiang: its 肉孜节/古尔邦节, while estimated days lie ahead)."""
    today = today or date.today()
    work_calendar = current()
    years = [today.year] + ([today.year + 1] if today.month >= NOTICE_MONTH else [])
    missing = []
    for year in years:
        status = work_calendar.year_status(year)
        if status.national_missing:
            missing.append((year, NATIONAL))
        if status.xinjiang_missing and any(d.date >= today for d in work_calendar.estimated_xinjiang_days(year)):
            missing.append((year, XINJIANG))
    return missing
