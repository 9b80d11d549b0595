"""The work records as the 工作记录 tab lists them: the ids matching a filter (period, team, kind, member, a
figure present), sorted, then the rows for the ids shown; and a member's own tally (the figures of the
records they took part in)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from peewee import JOIN, fn

from ...db.models import Activity, ActivityParticipant, Member, Team
from ...domain.activity_figures import BY_COLUMN, FIGURE_COLUMNS, figure_text

SORT_KEYS = {
    "date": (Activity.date, Activity.id),
    "kind": (Activity.kind, Activity.date, Activity.id),
    "team": (Team.name, Activity.date, Activity.id),
    "place": (Activity.place, Activity.date, Activity.id),
}
_IN_CHUNK = 500


@dataclass(frozen=True)
class ActivityFilter:
    date_from: date | None = None
    date_to: date | None = None
    team_id: int | None = None
    kind: str | None = None
    member_id: int | None = None
    figure: str | None = None  # a figure column: only records with it above 0


def _filtered(f: ActivityFilter):
    query = Activity.select(Activity.id).join(Team, JOIN.LEFT_OUTER, on=(Activity.team == Team.id)).where(
        Activity.deleted_at.is_null())
    if f.date_from is not None:
        query = query.where(Activity.date >= f.date_from)
    if f.date_to is not None:
        query = query.where(Activity.date <= f.date_to)
    if f.team_id is not None:
        query = query.where(Activity.team == f.team_id)
    if f.kind:
        query = query.where(Activity.kind == f.kind)
    if f.figure:
        query = query.where(getattr(Activity, f.figure) > 0)
    if f.member_id is not None:
        query = query.where(fn.EXISTS(ActivityParticipant.select(ActivityParticipant.id).where(
            ActivityParticipant.activity == Activity.id, ActivityParticipant.member == f.member_id)))
    return query


def activity_ids(f: ActivityFilter, sort_key: str = "date", descending: bool = True) -> list[int]:
    order = SORT_KEYS.get(sort_key, SORT_KEYS["date"])
    query = _filtered(f).order_by(*(column.desc() if descending else column for column in order))
    return [row[0] for row in query.tuples()]


def figure_sums(f: ActivityFilter) -> dict[str, int]:
    """figure name → the sum over the records matching the filter (entered figures only)."""
    sums = Activity.select(*(fn.COALESCE(fn.SUM(getattr(Activity, c)), 0) for c in FIGURE_COLUMNS)).where(
        Activity.id.in_(_filtered(f))).tuples().first() or ()
    return {BY_COLUMN[column].name: int(value or 0) for column, value in zip(FIGURE_COLUMNS, sums, strict=False)}


@dataclass(frozen=True)
class ActivityRow:
    id: int
    date: date
    kind: str
    team: str
    place: str
    description: str
    figures: str  # 劝导交通违法行为35起、服务群众4人次
    participants: str  # 张鹏、李娜
    people: int
    hours: float


def activity_rows(ids: Sequence[int]) -> list[ActivityRow]:
    """The rows for `ids`, in that order."""
    wanted = list(ids)
    found: dict[int, ActivityRow] = {}
    for start in range(0, len(wanted), _IN_CHUNK):
        chunk = wanted[start:start + _IN_CHUNK]
        names: dict[int, list[str]] = {}
        hours: dict[int, float] = {}
        for activity_id, name, spent in (ActivityParticipant.select(ActivityParticipant.activity, Member.name,
                                                                    ActivityParticipant.hours)
                                         .join(Member).where(ActivityParticipant.activity.in_(chunk))
                                         .order_by(ActivityParticipant.id).tuples()):
            names.setdefault(activity_id, []).append(name)
            hours[activity_id] = hours.get(activity_id, 0.0) + spent
        columns = (Activity.id, Activity.date, Activity.kind, Team.name, Activity.place, Activity.description,
                   *(getattr(Activity, c) for c in FIGURE_COLUMNS))
        for row in (Activity.select(*columns).join(Team, JOIN.LEFT_OUTER, on=(Activity.team == Team.id))
                    .where(Activity.id.in_(chunk)).tuples()):
            activity_id, day, kind, team, place, description, *values = row
            figures = "、".join(figure_text(BY_COLUMN[c].name, v) for c, v in zip(FIGURE_COLUMNS, values, strict=True)
                               if v)
            people = names.get(activity_id, [])
            found[activity_id] = ActivityRow(activity_id, day, kind, team or "", place, description, figures,
                                             "、".join(people), len(people), round(hours.get(activity_id, 0.0), 2))
    return [found[i] for i in wanted if i in found]


@dataclass(frozen=True)
class MemberTally:
    member_id: int
    activities: int
    hours: float
    by_kind: dict[str, int]  # kind → records taken part in
    figures: dict[str, int]  # figure name → sum over those records (figures above 0 only)

    def lines(self) -> list[str]:
        """["劝导交通违法行为1,214起", …]"""
        return [figure_text(name, value) for name, value in self.figures.items()]


def member_tally(member_id: int, date_from: date | None = None, date_to: date | None = None) -> MemberTally:
    """What a member's work records add up to (the 工作记录 they took part in, not deleted)."""
    query = (ActivityParticipant.select(Activity.kind, fn.COUNT(Activity.id), fn.SUM(ActivityParticipant.hours),
                                        *(fn.SUM(getattr(Activity, c)) for c in FIGURE_COLUMNS))
             .join(Activity).where(ActivityParticipant.member == member_id, Activity.deleted_at.is_null()))
    if date_from is not None:
        query = query.where(Activity.date >= date_from)
    if date_to is not None:
        query = query.where(Activity.date <= date_to)
    by_kind: dict[str, int] = {}
    totals = dict.fromkeys(FIGURE_COLUMNS, 0)
    hours = 0.0
    for kind, count, spent, *values in query.group_by(Activity.kind).tuples():
        by_kind[kind] = count
        hours += spent or 0.0
        for column, value in zip(FIGURE_COLUMNS, values, strict=True):
            totals[column] += int(value or 0)
    figures = {BY_COLUMN[c].name: v for c, v in totals.items() if v}
    return MemberTally(member_id, sum(by_kind.values()), round(hours, 2), by_kind, figures)
