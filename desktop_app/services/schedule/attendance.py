"""Attendance (考勤) per shift: "everyone present except …" in one step; hours into the service record.

Hours of an assignment: actual end − actual start when the actual times are given, otherwise the shift's
planned length for 已到; 0 for 缺勤 and 请假. 迟到 needs the actual times (how long was really served is
unknown otherwise). Rounded to 0.1 h. The member's service record (`member_detail`) sums `Assignment.hours`
of 已到 and 迟到.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from peewee import fn

from ...db.database import db
from ...db.models import Assignment, Member, Shift
from ...domain.errors import FieldError, ValidationFailed
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from ...domain.vocabulary import (
    ABSENT,
    ATTENDANCE_STATUSES,
    ATTENDED_STATUSES,
    LATE,
    ON_LEAVE,
    PLANNED,
    PRESENT,
)
from .. import audit
from ..accounts.roles import EDIT, requires
from ..storage.bulk import update_rows
from .errors import ScheduleError
from .posts import format_time_range
from .shift_times import shift_datetimes

MAX_SPAN = timedelta(hours=24)
_IN_CHUNK = 500


class AttendanceInvalid(ValidationFailed):
    """The attendance cannot be recorded as given; `errors` names each member's problem."""


@dataclass(frozen=True)
class AttendanceRow:
    assignment_id: int
    member_id: int
    name: str
    status: str
    actual_start: datetime | None
    actual_end: datetime | None
    hours: float


def _rows(shift_id: int) -> list[AttendanceRow]:
    query = (Assignment.select(Assignment.id, Member.id, Member.name, Assignment.status, Assignment.actual_start,
                               Assignment.actual_end, Assignment.hours)
             .join(Member).where(Assignment.shift == shift_id).order_by(Assignment.id).tuples())
    return [AttendanceRow(aid, mid, name, status, start, end, float(hours or 0))
            for aid, mid, name, status, start, end, hours in query]


def shift_attendance(shift_id: int) -> list[AttendanceRow]:
    """The shift's members with their status, times and hours as recorded so far."""
    return _rows(shift_id)


AttendanceValues = dict[int, tuple[str, datetime | None, datetime | None, float]]


def attendance_values(planned: tuple[datetime, datetime], assignments: Mapping[int, object],
                      names: Mapping[int, str], absent: Mapping[int, str],
                      actual: Mapping[int, tuple[datetime, datetime]], now: datetime,
                      errors: list[FieldError]) -> AttendanceValues:
    """Member id → (status, actual start, actual end, hours) for one shift (planned start and end) and its
    members (`assignments` keyed by member id), as `record_attendance` stores them; problems go to `errors`."""
    planned_start, planned_end = planned
    if planned_start > now:
        raise ScheduleError(QT_TRANSLATE_NOOP("Messages", "班次尚未开始，不能登记考勤"))
    for member_id in sorted(set(absent) | set(actual)):
        if member_id not in assignments:
            errors.append(FieldError(f"member_{member_id}", QT_TRANSLATE_NOOP("Messages", "该队员不在本班次上")))
    for member_id, status in sorted(absent.items()):
        if status not in ATTENDANCE_STATUSES:
            errors.append(FieldError(f"member_{member_id}",
                Message(QT_TRANSLATE_NOOP("Messages", "考勤状态应为 {attendance_statuses}"),
                        attendance_statuses=' / '.join(ATTENDANCE_STATUSES))))
    values: AttendanceValues = {}
    for member_id in sorted(assignments):  # the name and field only looked up for a problem (a batch's speed)
        status = absent.get(member_id, PRESENT)
        times = actual.get(member_id)
        if status in (ABSENT, ON_LEAVE):
            if times:
                errors.append(FieldError(f"member_{member_id}",
                    Message(QT_TRANSLATE_NOOP("Messages", "{label}：{status}的队员不填写实际时间"),
                            label=names.get(member_id, ""), status=status)))
            values[member_id] = (status, None, None, 0.0)
            continue
        if times is None:
            if status == LATE:
                errors.append(FieldError(f"member_{member_id}",
                    Message(QT_TRANSLATE_NOOP("Messages", "{label}：迟到请填写实际到岗和离岗时间"),
                            label=names.get(member_id, ""))))
                continue
            values[member_id] = (status, None, None, hours_between(planned_start, planned_end))
            continue
        start, end = times
        if end <= start:
            errors.append(FieldError(f"member_{member_id}",
                Message(QT_TRANSLATE_NOOP("Messages", "{label}：实际离岗时间应晚于到岗时间"),
                        label=names.get(member_id, ""))))
        elif end - start > MAX_SPAN:
            errors.append(FieldError(f"member_{member_id}",
                Message(QT_TRANSLATE_NOOP("Messages", "{label}：实际在岗时间超过24小时，请核对"),
                        label=names.get(member_id, ""))))
        elif end > now:
            errors.append(FieldError(f"member_{member_id}",
                Message(QT_TRANSLATE_NOOP("Messages", "{label}：实际离岗时间晚于现在"),
                        label=names.get(member_id, ""))))
        else:
            values[member_id] = (status, start, end, hours_between(start, end))
    return values


def hours_between(start: datetime, end: datetime) -> float:
    """The hours credited for time on duty from `start` to `end`, to a tenth of an hour."""
    return round((end - start).total_seconds() / 3600, 1)


def credited_hours(status: str, planned: tuple[datetime, datetime],
                   actual: tuple[datetime, datetime] | None) -> float:
    """What `record_attendance` will credit: nothing for 缺勤 / 请假, else the actual or the planned time."""
    if status in (ABSENT, ON_LEAVE):
        return 0.0
    start, end = actual or planned
    return hours_between(start, end) if end > start else 0.0


def _summary(values: AttendanceValues) -> str:
    counts = {s: sum(1 for v in values.values() if v[0] == s) for s in ATTENDANCE_STATUSES}
    return "，".join(f"{s} {n} 人" for s, n in counts.items() if n)


@requires(EDIT)
def record_attendance(shift_id: int, absent: Mapping[int, str] | None = None,
                      actual: Mapping[int, tuple[datetime, datetime]] | None = None,
                      now: datetime | None = None) -> list[AttendanceRow]:
    """Mark every member of the shift 已到 except those in `absent` (member id → 缺勤 / 迟到 / 请假), with
    actual times where given (member id → (start, end)). Recording again corrects the earlier record.
    Refused for a shift that has not started yet. One transaction."""
    absent = dict(absent or {})
    actual = dict(actual or {})
    now = now or datetime.now()
    shift = Shift.get_or_none(Shift.id == shift_id)
    if shift is None:
        raise ScheduleError(QT_TRANSLATE_NOOP("Messages", "班次不存在"))
    planned = shift_datetimes(shift.date, shift.start, shift.end)
    if planned[0] > now:
        raise ScheduleError(QT_TRANSLATE_NOOP("Messages", "班次尚未开始，不能登记考勤"))
    assignments = {a.member_id: a for a in Assignment.select().where(Assignment.shift == shift_id)}
    names = dict(Member.select(Member.id, Member.name).where(Member.id.in_(list(assignments) or [0])).tuples())
    errors: list[FieldError] = []
    values = attendance_values(planned, assignments, names, absent, actual, now, errors)
    if errors:
        raise AttendanceInvalid(errors)
    with db.atomic():
        stamp = datetime.now()
        for member_id, (status, start, end, hours) in values.items():
            Assignment.update(status=status, actual_start=start, actual_end=end, hours=hours,
                              updated_at=stamp).where(Assignment.id == assignments[member_id].id).execute()
        summary = _summary(values)
        audit.record("考勤", "shift", shift.uuid,
                     f"登记考勤 {shift.date:%Y-%m-%d} {format_time_range(shift.start, shift.end)}：{summary or '无人'}")
    return _rows(shift_id)


@dataclass(frozen=True)
class AttendanceEntry:
    """The attendance of one shift, as `record_attendance` takes it."""

    shift_id: int
    absent: Mapping[int, str] = field(default_factory=dict)
    actual: Mapping[int, tuple[datetime, datetime]] = field(default_factory=dict)


@requires(EDIT)
def record_attendance_many(entries: Sequence[AttendanceEntry], now: datetime | None = None) -> int:
    """The attendance of many shifts (sign-in sheets typed in afterwards, an import) in one transaction, each
    shift checked by `attendance_values` as `record_attendance` checks one; the first refused one raises
    `AttendanceInvalid` (its `item` says which) or `ScheduleError`, and nothing is stored. One audit entry
    for the batch. Returns how many assignments were recorded."""
    now = now or datetime.now()
    with db.atomic():
        shift_ids = [e.shift_id for e in entries]
        shifts: dict[int, tuple[date, time, time]] = {}
        members: dict[int, dict[int, int]] = {}  # shift → member → assignment id
        for k in range(0, len(shift_ids), _IN_CHUNK):
            chunk = shift_ids[k:k + _IN_CHUNK]
            for sid, day, start, end in Shift.select(Shift.id, Shift.date, Shift.start, Shift.end).where(
                    Shift.id.in_(chunk)).tuples():
                shifts[sid] = (day, start, end)
            for aid, sid, mid in Assignment.select(Assignment.id, Assignment.shift, Assignment.member).where(
                    Assignment.shift.in_(chunk)).tuples():
                members.setdefault(sid, {})[mid] = aid
        names = dict(Member.select(Member.id, Member.name).tuples()) if entries else {}
        rows: list[tuple[str, datetime | None, datetime | None, float, int]] = []
        totals: dict[str, int] = dict.fromkeys(ATTENDANCE_STATUSES, 0)
        for index, entry in enumerate(entries):
            if entry.shift_id not in shifts:
                raise ScheduleError(Message(QT_TRANSLATE_NOOP("Messages", "第{item}项：班次不存在"), item=index + 1))
            day, start, end = shifts[entry.shift_id]
            crew = members.get(entry.shift_id, {})
            errors: list[FieldError] = []
            values = attendance_values(shift_datetimes(day, start, end), crew, names, entry.absent, entry.actual,
                                       now, errors)
            if errors:
                raise AttendanceInvalid(errors, item=index)
            for member_id, (status, actual_start, actual_end, hours) in values.items():
                rows.append((status, actual_start, actual_end, hours, crew[member_id]))
                totals[status] += 1
        update_rows(Assignment, ("status", "actual_start", "actual_end", "hours"), rows)
        if rows:
            summary = "，".join(f"{s} {n} 人次" for s, n in totals.items() if n)
            audit.record("考勤", "shift", "", f"批量登记考勤：班次 {len(entries)} 个，{summary}")
    return len(rows)


def member_hours(member_id: int, date_from: date, date_to: date) -> float:
    """Duty hours served (已到 and 迟到) on shifts dated in the period."""
    total = (Assignment.select(fn.COALESCE(fn.SUM(Assignment.hours), 0))
             .join(Shift, on=(Assignment.shift == Shift.id))
             .where(Assignment.member == member_id, Assignment.status.in_(ATTENDED_STATUSES),
                    Shift.date.between(date_from, date_to))
             .scalar())
    return round(float(total or 0), 1)


def shifts_awaiting_attendance(today: date, days: int = 14) -> list[int]:
    """Ids of shifts of the last `days` days up to today that still have members marked only 已排."""
    query = (Shift.select(Shift.id, Shift.date, Shift.start).join(Assignment, on=(Assignment.shift == Shift.id))
             .where(Shift.date.between(today - timedelta(days=days), today), Assignment.status == PLANNED)
             .distinct().order_by(Shift.date, Shift.start, Shift.id).tuples())
    return [sid for sid, _day, _start in query]
