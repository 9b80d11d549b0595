"""The month overview: per day, shifts, people needed and planned, gaps."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from peewee import JOIN, fn

from ...db.models import Assignment, DutyPost, Shift
from ...domain.vocabulary import ON_LEAVE
from ..calendar import working_days as work_calendar


@dataclass(frozen=True)
class MonthDay:
    date: date
    is_workday: bool
    holiday: str
    shifts: int
    needed: int  # sum of headcounts
    filled: int  # capped at each shift's headcount
    gaps: int  # missing people
    shifts_with_gaps: int
    estimated: bool = False  # the year's arrangement is not entered yet: 预估


@dataclass(frozen=True)
class MonthOverview:
    year: int
    month: int
    team_id: int | None
    days: tuple[MonthDay, ...]

    @property
    def shifts(self) -> int:
        return sum(d.shifts for d in self.days)

    @property
    def needed(self) -> int:
        return sum(d.needed for d in self.days)

    @property
    def filled(self) -> int:
        return sum(d.filled for d in self.days)

    @property
    def gaps(self) -> int:
        return sum(d.gaps for d in self.days)


def month_overview(year: int, month: int, team_id: int | None = None) -> MonthOverview:
    """Per day of the month: shifts, people needed and planned, gaps. One query."""
    first = date(year, month, 1)
    last = date(year, month, calendar.monthrange(year, month)[1])
    staffed = fn.COUNT(Assignment.id)
    query = (
        Shift.select(Shift.date, Shift.headcount, staffed)
        .join(DutyPost, on=(Shift.post == DutyPost.id))
        .switch(Shift)
        .join(Assignment, JOIN.LEFT_OUTER,
              on=((Assignment.shift == Shift.id) & (Assignment.status != ON_LEAVE)))
        .where(Shift.date.between(first, last), DutyPost.deleted_at.is_null())
        .group_by(Shift.id)
        .tuples()
    )
    if team_id is not None:
        query = query.where(DutyPost.team == team_id)
    per_day: dict[date, list[int]] = {}
    for day, headcount, count in query:
        entry = per_day.setdefault(day, [0, 0, 0, 0])
        filled = min(count, headcount)
        entry[0] += 1
        entry[1] += headcount
        entry[2] += filled
        entry[3] += 1 if filled < headcount else 0
    days = []
    for n in range(last.day):
        day = first + timedelta(days=n)
        shifts, needed, filled, with_gaps = per_day.get(day, [0, 0, 0, 0])
        info = work_calendar.day_info(day)
        days.append(MonthDay(day, info.is_workday, info.holiday_name, shifts, needed, filled, needed - filled,
                             with_gaps, info.estimated))
    return MonthOverview(year, month, team_id, tuple(days))
