"""Shifts made from the posts' patterns (school days, school vacations, 调休 working days)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from ...db.database import db
from ...db.models import DutyPost, Shift, ShiftPattern
from ...domain.dates import format_date
from .. import audit
from ..accounts.roles import EDIT, requires
from ..calendar import working_days
from .posts import WORKWEEK, stored_weekdays
from .settings import school_vacations
from .shift_times import minute_of


@dataclass(frozen=True)
class PlannedShift:
    post_id: int
    date: date
    start: time
    end: time
    headcount: int
    pattern_id: int


def pattern_applies(weekdays: tuple[int, ...], valid_from: date | None, valid_to: date | None,
                    school_days_only: bool, day: date, vacations: Sequence[tuple[date, date]] = ()) -> bool:
    """Whether a pattern makes a shift on `day`. For a school-days-only post the day must be a school day
    (statutory holidays and school vacations skipped); a 调休 weekend working day counts as a school day for
    the patterns that run every weekday Monday–Friday ("every school day")."""
    if (valid_from and day < valid_from) or (valid_to and day > valid_to):
        return False
    if not school_days_only:
        return day.isoweekday() in weekdays
    if not working_days.is_school_day(day, vacations):
        return False
    if day.isoweekday() in weekdays:
        return True
    return day.isoweekday() > 5 and all(d in weekdays for d in WORKWEEK)


def plan_shifts(date_from: date, date_to: date, post_ids: Iterable[int] | None = None) -> list[PlannedShift]:
    """The shifts the active posts' patterns call for in the period and that do not exist yet (same post,
    date and start time), in (date, post, start) order."""
    posts = DutyPost.select(DutyPost.id, DutyPost.school_days_only).where(
        DutyPost.active == True, DutyPost.deleted_at.is_null())  # noqa: E712
    if post_ids is not None:
        posts = posts.where(DutyPost.id.in_(list(post_ids)))
    school_only = dict(posts.tuples())
    if not school_only or date_to < date_from:
        return []
    patterns = sorted(
        (post_id, minute_of(start), pattern_id, stored_weekdays(weekdays), start, end, headcount, valid_from, valid_to)
        for pattern_id, post_id, weekdays, start, end, headcount, valid_from, valid_to in ShiftPattern.select(
            ShiftPattern.id, ShiftPattern.post, ShiftPattern.weekdays, ShiftPattern.start, ShiftPattern.end,
            ShiftPattern.headcount, ShiftPattern.valid_from, ShiftPattern.valid_to,
        ).where(ShiftPattern.post.in_(list(school_only))).tuples()
    )
    existing = {
        (post_id, day, minute_of(start))
        for post_id, day, start in Shift.select(Shift.post, Shift.date, Shift.start).where(
            Shift.date.between(date_from, date_to), Shift.post.in_(list(school_only))).tuples()
    }
    vacations = school_vacations()
    planned = []
    day = date_from
    while day <= date_to:
        for post_id, start_minute, pattern_id, weekdays, start, end, headcount, valid_from, valid_to in patterns:
            key = (post_id, day, start_minute)
            if key in existing or not pattern_applies(weekdays, valid_from, valid_to, school_only[post_id], day,
                                                      vacations):
                continue
            existing.add(key)
            planned.append(PlannedShift(post_id, day, start.replace(second=0, microsecond=0),
                                        end.replace(second=0, microsecond=0), headcount, pattern_id))
        day += timedelta(days=1)
    return planned


@requires(EDIT)
def generate_shifts(date_from: date, date_to: date, post_ids: Iterable[int] | None = None) -> int:
    """Make the missing shifts of the period from the patterns (idempotent); returns how many were made."""
    with db.atomic():
        planned = plan_shifts(date_from, date_to, post_ids)
        now = datetime.now()
        rows = [{"uuid": uuid.uuid4().hex, "created_at": now, "updated_at": now, "post": p.post_id, "date": p.date,
                 "start": p.start, "end": p.end, "headcount": p.headcount, "pattern": p.pattern_id}
                for p in planned]
        for start in range(0, len(rows), 500):
            Shift.insert_many(rows[start:start + 500]).execute()
        if rows:
            audit.record("新增", "shift", "", f"按班次规律生成 {format_date(date_from)}至{format_date(date_to)} "
                                              f"的班次 {len(rows)} 个")
    return len(rows)
