"""Time arithmetic of shifts (minutes, overnight shifts, the days a shift touches) and calendar facts
(night shifts, holidays from the office's calendar, ISO weeks)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import lru_cache

from ..calendar import working_days

DAY = 1440  # minutes
NIGHT_START, NIGHT_END = 22 * 60, 6 * 60


def minute_of(t: time) -> int:
    return t.hour * 60 + t.minute


def interval(day: date, start: time, end: time) -> tuple[int, int]:
    """Absolute minutes (day ordinal × 1440 + minute) of a shift; an end not after the start is next day."""
    base = day.toordinal() * DAY
    s, e = minute_of(start), minute_of(end)
    return base + s, base + e + (DAY if e <= s else 0)


def shift_minutes(start: time, end: time) -> int:
    s, e = minute_of(start), minute_of(end)
    return e - s + (DAY if e <= s else 0)


def shift_hours(start: time, end: time) -> float:
    return round(shift_minutes(start, end) / 60, 1)


def shift_datetimes(day: date, start: time, end: time) -> tuple[datetime, datetime]:
    begin = datetime.combine(day, start)
    return begin, begin + timedelta(minutes=shift_minutes(start, end))


def days_touched(day: date, start: time, end: time) -> list[date]:
    """The day itself, and the next one for an overnight shift that runs past midnight."""
    return list(_days_touched(day, start, end))


@lru_cache(maxsize=8192)  # asked for every member a batch or a check weighs for the same shift
def _days_touched(day: date, start: time, end: time) -> tuple[date, ...]:
    s, e = interval(day, start, end)
    return tuple(date.fromordinal(o) for o in range(s // DAY, (e - 1) // DAY + 1))


def is_night(start: time, end: time) -> bool:
    """The shift overlaps 22:00–06:00 by at least one minute (19:00–22:00 is not a night shift)."""
    s, e = minute_of(start), minute_of(end)
    e += DAY if e <= s else 0
    return any(min(e, night_end) > max(s, night_start)
               for night_start, night_end in ((-DAY + NIGHT_START, NIGHT_END), (NIGHT_START, DAY + NIGHT_END),
                                              (DAY + NIGHT_START, 2 * DAY + NIGHT_END)))


def holiday_name(day: date) -> str:
    """The holiday's Chinese name (国庆节, 古尔邦节 …) when `day` is a day off for it; "" otherwise
    (ordinary weekends are not holidays)."""
    return working_days.holiday_name(day)


def iso_week_key(day: date) -> tuple[int, int]:
    year, week, _ = day.isocalendar()
    return year, week


def week_monday(day: date) -> date:
    return day - timedelta(days=day.weekday())
