"""Recorded service of members: the hours and what they were spent on, from the records only.

Three sources count (DESIGN.md §3 "Hours"): duty assignments marked 已到 or 迟到 (by the shift's date),
activity participations (activities not deleted) and training attendance (trainings not deleted).
Nothing else: a 志愿服务证明 is issued from these figures alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from peewee import fn

from ...db.database import db
from ...db.models import (
    Activity,
    ActivityParticipant,
    Assignment,
    DutyPost,
    Member,
    Shift,
    Training,
    TrainingAttendee,
)
from ...domain.i18n import QT_TRANSLATE_NOOP
from ...domain.vocabulary import (
    ACTIVITY_KINDS,
    ATTENDED_STATUSES,
    OTHER_DUTY,
    PATROL,
    POST_KINDS,
    RESCUE_STANDBY,
    SCHOOL_GATE,
    STATION_DUTY,
    TRAFFIC_PERSUASION,
)

SOURCE_DUTY = "值班"
SOURCE_ACTIVITY = "活动"
SOURCE_TRAINING = "培训"

# How each kind reads in a sentence ("参加巡逻执勤120小时、护学岗执勤40小时…").
_DUTY_LABELS = {PATROL: "巡逻执勤", SCHOOL_GATE: "护学岗执勤", TRAFFIC_PERSUASION: "交通劝导执勤",
                STATION_DUTY: "警务站值守", RESCUE_STANDBY: "救援待命", OTHER_DUTY: "其他值班"}
_ACTIVITY_LABELS = {"巡逻": "巡逻防控", "其他": "其他服务"}
_TRAINING_LABEL = "业务培训"
_IN_CHUNK = 500
_SHORT_DAYS = 62  # up to two months the join by date reads fewer rows than the per-member indexes


@dataclass(frozen=True)
class ServiceItem:
    source: str  # 值班 / 活动 / 培训
    kind: str  # the post kind, the activity kind, or 培训
    label: str  # as written on a certificate: 巡逻执勤, 送证上门, 业务培训 …
    count: int  # shifts attended, activities, trainings
    hours: float


@dataclass(frozen=True)
class ServiceRecord:
    member_id: int
    date_from: date | None
    date_to: date | None
    items: tuple[ServiceItem, ...]
    first_date: date | None  # the first and the last day with a record in the period
    last_date: date | None

    @property
    def total_hours(self) -> float:
        return round(sum(item.hours for item in self.items), 2)

    def hours_of(self, source: str) -> float:
        return round(sum(item.hours for item in self.items if item.source == source), 2)

    @property
    def service_hours(self) -> float:
        """Duty and activities: the volunteer service (training is recorded as training, apart)."""
        return round(self.duty_hours + self.activity_hours, 2)

    @property
    def duty_hours(self) -> float:
        return self.hours_of(SOURCE_DUTY)

    @property
    def activity_hours(self) -> float:
        return self.hours_of(SOURCE_ACTIVITY)

    @property
    def training_hours(self) -> float:
        return self.hours_of(SOURCE_TRAINING)

    @property
    def content(self) -> str:
        """巡逻执勤120小时、护学岗执勤40小时、送证上门6小时、业务培训8小时 (kinds without hours by count)."""
        parts = [f"{item.label}{format_hours(item.hours)}小时" if item.hours > 0
                 else f"{item.label}{item.count}次" for item in self.items]
        return "、".join(parts)


def format_hours(hours: float) -> str:
    """120.0 -> "120", 12.5 -> "12.5", 0.67 -> "0.7": at most one decimal, as certificates write it."""
    text = f"{round(hours + 1e-9, 1):.1f}"
    return text[:-2] if text.endswith(".0") else text


def _between(column, date_from: date | None, date_to: date | None) -> list:
    conditions = []
    if date_from is not None:
        conditions.append(column >= date_from)
    if date_to is not None:
        conditions.append(column <= date_to)
    return conditions


def _duty_query(date_from: date | None, date_to: date | None):
    return (Assignment.select().join(Shift).join(DutyPost)
            .where(Assignment.status.in_(ATTENDED_STATUSES), *_between(Shift.date, date_from, date_to)))


def _activity_query(date_from: date | None, date_to: date | None):
    return (ActivityParticipant.select().join(Activity)
            .where(Activity.deleted_at.is_null(), *_between(Activity.date, date_from, date_to)))


def _training_query(date_from: date | None, date_to: date | None):
    return (TrainingAttendee.select().join(Training)
            .where(Training.deleted_at.is_null(), *_between(Training.date, date_from, date_to)))


def _long(date_from: date | None, date_to: date | None) -> bool:
    """Whether the period is long enough (or open) for the per-member indexes to beat the join by date."""
    return date_from is None or date_to is None or (date_to - date_from).days > _SHORT_DAYS


def _duty_indexed(date_from: date | None, date_to: date | None):
    """The rows of `_duty_query`, read from the (member, status, shift, hours) index alone: the attended
    assignments of the shifts in the period (each assignment has its shift and each shift its post: the foreign
    keys are enforced)."""
    query = Assignment.select().where(Assignment.status.in_(ATTENDED_STATUSES))
    if date_from is not None:
        return query.where(Assignment.shift.in_(Shift.select(Shift.id).where(*_between(Shift.date, date_from,
                                                                                        date_to))))
    if date_to is not None:
        query = query.where(Assignment.shift.not_in(Shift.select(Shift.id).where(Shift.date > date_to)))
    return query


def _activity_indexed(date_from: date | None, date_to: date | None):
    """The rows of `_activity_query` from the (member, activity, hours) index: the participations in records
    of the period that are not deleted."""
    query = ActivityParticipant.select().where(ActivityParticipant.activity.not_in(
        Activity.select(Activity.id).where(Activity.deleted_at.is_null(False))))
    if date_from is not None:
        return query.where(ActivityParticipant.activity.in_(
            Activity.select(Activity.id).where(*_between(Activity.date, date_from, date_to))))
    if date_to is not None:
        query = query.where(ActivityParticipant.activity.not_in(
            Activity.select(Activity.id).where(Activity.date > date_to)))
    return query


def service_record(member_id: int, date_from: date | None = None,
                   date_to: date | None = None) -> ServiceRecord:
    """The member's recorded service from `date_from` to `date_to` (inclusive; None = unbounded)."""
    if date_from is not None and date_to is not None and date_to < date_from:
        raise ValueError(QT_TRANSLATE_NOOP("Messages", "结束日期不能早于开始日期"))
    items: list[ServiceItem] = []
    days: list[date | None] = []

    duty = (_duty_query(date_from, date_to)
            .select(DutyPost.kind, fn.COUNT(Assignment.id), fn.SUM(Assignment.hours), fn.MIN(Shift.date),
                    fn.MAX(Shift.date))
            .where(Assignment.member == member_id).group_by(DutyPost.kind).tuples())
    by_kind = {row[0]: row[1:] for row in duty}
    for kind in sorted(by_kind, key=lambda k: _rank(POST_KINDS, k)):
        count, hours, first, last = by_kind[kind]
        items.append(ServiceItem(SOURCE_DUTY, kind, _DUTY_LABELS.get(kind, f"{kind}执勤"), count,
                                 round(hours or 0, 2)))
        days += [_as_date(first), _as_date(last)]

    activity = (_activity_query(date_from, date_to)
                .select(Activity.kind, fn.COUNT(ActivityParticipant.id), fn.SUM(ActivityParticipant.hours),
                        fn.MIN(Activity.date), fn.MAX(Activity.date))
                .where(ActivityParticipant.member == member_id).group_by(Activity.kind).tuples())
    by_kind = {row[0]: row[1:] for row in activity}
    for kind in sorted(by_kind, key=lambda k: _rank(ACTIVITY_KINDS, k)):
        count, hours, first, last = by_kind[kind]
        items.append(ServiceItem(SOURCE_ACTIVITY, kind, _ACTIVITY_LABELS.get(kind, kind), count,
                                 round(hours or 0, 2)))
        days += [_as_date(first), _as_date(last)]

    training = (_training_query(date_from, date_to)
                .select(fn.COUNT(TrainingAttendee.id), fn.SUM(TrainingAttendee.hours), fn.MIN(Training.date),
                        fn.MAX(Training.date))
                .where(TrainingAttendee.member == member_id).tuples().first())
    if training and training[0]:
        count, hours, first, last = training
        items.append(ServiceItem(SOURCE_TRAINING, SOURCE_TRAINING, _TRAINING_LABEL, count,
                                 round(hours or 0, 2)))
        days += [_as_date(first), _as_date(last)]

    known = [d for d in days if d is not None]
    return ServiceRecord(member_id, date_from, date_to, tuple(items), min(known, default=None),
                         max(known, default=None))


def hours_by_member(member_ids: Iterable[int] | None, date_from: date | None = None,
                    date_to: date | None = None, training: bool = True) -> dict[int, float]:
    """Recorded hours per member in the period (None = all members); members without hours are left out.
    `training=False`: service hours only (duty and activities), as stars and rankings count them."""
    totals: dict[int, float] = {}
    chunks: list[list[int] | None]
    if member_ids is None:
        chunks = [None]
    else:
        ids = list(dict.fromkeys(int(i) for i in member_ids))
        chunks = [ids[start:start + _IN_CHUNK] for start in range(0, len(ids), _IN_CHUNK)]
    sources = (
        (_duty_query, Assignment.member, Assignment.hours),
        (_activity_query, ActivityParticipant.member, ActivityParticipant.hours),
        (_training_query, TrainingAttendee.member, TrainingAttendee.hours),
    )[:3 if training else 2]
    if _long(date_from, date_to):
        sources = ((_duty_indexed, Assignment.member, Assignment.hours),
                   (_activity_indexed, ActivityParticipant.member, ActivityParticipant.hours), *sources[2:])
    for chunk in chunks:
        for make_query, member, hours in sources:
            query = make_query(date_from, date_to).select(member, fn.SUM(hours)).group_by(member)
            if chunk is not None:
                query = query.where(member.in_(chunk))
            for member_id, total in db.execute_sql(*query.sql()):
                if total:
                    totals[member_id] = totals.get(member_id, 0.0) + total
    return {member_id: round(total, 2) for member_id, total in totals.items() if round(total, 2) > 0}


def service_hours_by_source(date_from: date, date_to: date) -> dict[int, dict[str, float]]:
    """member id → {值班: hours, 活动: hours} of service (no training) in the period, members without any left
    out: the 首页's 本月服务时长 and the list it opens."""
    out: dict[int, dict[str, float]] = {}
    indexed = _long(date_from, date_to)
    for source, make_query, member, hours in (
            (SOURCE_DUTY, _duty_indexed if indexed else _duty_query, Assignment.member, Assignment.hours),
            (SOURCE_ACTIVITY, _activity_indexed if indexed else _activity_query, ActivityParticipant.member,
             ActivityParticipant.hours)):
        query = make_query(date_from, date_to).select(member, fn.SUM(hours)).group_by(member)
        for member_id, total in db.execute_sql(*query.sql()):
            if total and round(total, 2) > 0:
                out.setdefault(member_id, {SOURCE_DUTY: 0.0, SOURCE_ACTIVITY: 0.0})[source] = round(total, 2)
    return out


def training_hours_by_member(date_from: date | None, date_to: date | None) -> dict[int, float]:
    """member id → training hours in the period (kept apart from service hours)."""
    query = _training_query(date_from, date_to).select(TrainingAttendee.member, fn.SUM(TrainingAttendee.hours))
    return {mid: round(total, 2) for mid, total in query.group_by(TrainingAttendee.member).tuples()
            if total and round(total, 2) > 0}


def first_service_date(member_id: int) -> date | None:
    """The day of the member's first recorded service (join date when nothing is recorded)."""
    found = service_record(member_id).first_date
    if found is None:
        member = Member.get_or_none(Member.id == member_id)
        return member.join_date if member else None
    return found


def _rank(order: tuple[str, ...], kind: str) -> tuple[int, str]:
    return (order.index(kind) if kind in order else len(order), kind)


def _as_date(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])
