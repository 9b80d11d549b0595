"""The teams' figures for a period, as the 首页 and the 工作简报 show them: the entered figures summed over the
work records, 调解纠纷 counted from the case register (cases received in the period; for a team, those one of
its members mediated) and 护学岗执勤 from the schedule (护学岗 shifts someone attended; for a team, attended by
one of its members) plus 护学岗 work records of a team and day without such a shift, so a 护学岗 is never
counted twice. Also the records by kind and by team, and the same by month for the trends."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from peewee import fn

from ...db.database import db
from ...db.dialect import month_of, text_month_of
from ...db.models import Activity, Assignment, Case, CaseMediator, DutyPost, Member, Shift
from ...domain.activity_figures import BY_COLUMN, FIGURE_COLUMNS, FIGURES, MEDIATED, SCHOOL_GATE_DUTY
from ...domain.vocabulary import ACTIVITY_KINDS, ATTENDED_STATUSES, SCHOOL_GATE

RECORDS = "工作记录"  # the key of the record count in `monthly`


def _activities(date_from: date, date_to: date, team_id: int | None):
    query = Activity.select().where(Activity.deleted_at.is_null(), Activity.date >= date_from,
                                    Activity.date <= date_to)
    return query.where(Activity.team == team_id) if team_id is not None else query


def entered_figures(date_from: date, date_to: date, team_id: int | None = None) -> dict[str, int]:
    sums = _activities(date_from, date_to, team_id).select(
        *(fn.COALESCE(fn.SUM(getattr(Activity, c)), 0) for c in FIGURE_COLUMNS)).tuples().first() or ()
    return {BY_COLUMN[c].name: int(v or 0) for c, v in zip(FIGURE_COLUMNS, sums, strict=False)}


def _cases(date_from: date, date_to: date, team_id: int | None):
    query = Case.select(Case.id).where(
        Case.deleted_at.is_null(), Case.received_at >= datetime.combine(date_from, time()),
        Case.received_at < datetime.combine(date_to + timedelta(days=1), time()))
    if team_id is not None:
        query = query.where(fn.EXISTS(CaseMediator.select(CaseMediator.id).join(Member).where(
            CaseMediator.case == Case.id, Member.team == team_id)))
    return query


def mediated_cases(date_from: date, date_to: date, team_id: int | None = None) -> int:
    return _cases(date_from, date_to, team_id).count()


def mediated_case_ids(date_from: date, date_to: date, team_id: int | None = None) -> list[int]:
    return [row[0] for row in _cases(date_from, date_to, team_id).order_by(Case.received_at).tuples()]


def _gate_posts() -> list[int]:
    return [post_id for (post_id,) in DutyPost.select(DutyPost.id).where(DutyPost.kind == SCHOOL_GATE).tuples()]


def _gate_shifts(date_from: date, date_to: date, team_id: int | None, posts: list[int]):
    """The 护学岗 shifts in the period someone attended (for a team: one of its members)."""
    attended = Assignment.select(Assignment.id).where(Assignment.shift == Shift.id,
                                                      Assignment.status.in_(ATTENDED_STATUSES))
    if team_id is not None:
        attended = attended.join(Member).where(Member.team == team_id)
    return Shift.select(Shift.id).where(Shift.post.in_(posts), Shift.date >= date_from, Shift.date <= date_to,
                                        fn.EXISTS(attended))


def _gate_records(date_from: date, date_to: date, team_id: int | None, posts: list[int]) -> list[tuple[int, date]]:
    """(id, day) of the 护学岗 work records of a team and day on which no member of that team attended a 护学岗
    shift, by day: the (day, team) pairs attended are read once, in one pass over the period's 护学岗 shifts."""
    records = [(aid, _as_date(day), team) for aid, day, team in _activities(date_from, date_to, team_id)
               .select(Activity.id, Activity.date, Activity.team).where(Activity.kind == SCHOOL_GATE)
               .order_by(Activity.date, Activity.id).tuples()]
    if not records:
        return []
    covered = (Assignment.select(Shift.date, Member.team).join(Shift).switch(Assignment).join(Member)
               .where(Shift.post.in_(posts), Shift.date >= date_from, Shift.date <= date_to,
                      Assignment.status.in_(ATTENDED_STATUSES)).distinct())
    if team_id is not None:
        covered = covered.where(Member.team == team_id)
    pairs = {(str(day)[:10], team) for day, team in db.execute_sql(*covered.sql())} if posts else set()
    return [(aid, day) for aid, day, team in records if (day.isoformat(), team) not in pairs]


def school_gate_items(date_from: date, date_to: date, team_id: int | None = None) -> tuple[list[int], list[int]]:
    """(the attended 护学岗 shifts, the 护学岗 work records of a team and day without one) that make 护学岗执勤."""
    posts = _gate_posts()
    shifts = [sid for (sid,) in _gate_shifts(date_from, date_to, team_id, posts).order_by(Shift.date, Shift.id)
              .tuples()]
    return shifts, [aid for aid, _day in _gate_records(date_from, date_to, team_id, posts)]


def school_gate_duties(date_from: date, date_to: date, team_id: int | None = None) -> int:
    """场次: attended 护学岗 shifts, plus 护学岗 work records of a team and day that had none."""
    posts = _gate_posts()
    return (_gate_shifts(date_from, date_to, team_id, posts).count()
            + len(_gate_records(date_from, date_to, team_id, posts)))


def figure_totals(date_from: date, date_to: date, team_id: int | None = None) -> dict[str, int]:
    """Every figure of the vocabulary, in its order, for the period (and team)."""
    totals = entered_figures(date_from, date_to, team_id)
    totals[MEDIATED] = mediated_cases(date_from, date_to, team_id)
    totals[SCHOOL_GATE_DUTY] = school_gate_duties(date_from, date_to, team_id)
    return {figure.name: totals.get(figure.name, 0) for figure in FIGURES}


def activities_by_kind(date_from: date, date_to: date, team_id: int | None = None) -> dict[str, int]:
    """kind → records, in the vocabulary's order."""
    rows = dict(_activities(date_from, date_to, team_id).select(Activity.kind, fn.COUNT(Activity.id)).group_by(
        Activity.kind).tuples())
    order = {kind: index for index, kind in enumerate(ACTIVITY_KINDS)}
    return {kind: rows[kind] for kind in sorted(rows, key=lambda k: (order.get(k, len(order)), k))}


@dataclass(frozen=True)
class KindFigures:
    kind: str
    records: int
    figures: dict[str, int]  # entered figures above 0


def figures_by(date_from: date, date_to: date, group: str, team_id: int | None = None) -> dict[object, KindFigures]:
    """Records and entered figures grouped by "kind" or "team" (team id, None for no team)."""
    column = Activity.kind if group == "kind" else Activity.team
    rows = _activities(date_from, date_to, team_id).select(
        column, fn.COUNT(Activity.id), *(fn.SUM(getattr(Activity, c)) for c in FIGURE_COLUMNS)).group_by(column)
    out: dict[object, KindFigures] = {}
    for key, count, *values in rows.tuples():
        figures = {BY_COLUMN[c].name: int(v) for c, v in zip(FIGURE_COLUMNS, values, strict=True) if v}
        out[key] = KindFigures(str(key) if group == "kind" else "", count, figures)
    return out


def monthly(months: list[tuple[int, int]], team_id: int | None = None) -> dict[str, dict[str, int]]:
    """"YYYY-MM" → {"工作记录": records, figure name: value …} for each month given (entered figures and the
    two counted ones)."""
    if not months:
        return {}
    first = date(*months[0], 1)
    last_year, last_month = months[-1]
    end = (date(last_year + (last_month == 12), last_month % 12 + 1, 1)) - timedelta(days=1)
    out = {f"{y:04d}-{m:02d}": {RECORDS: 0, **{f.name: 0 for f in FIGURES}} for y, m in months}
    month = month_of(Activity.date)
    rows = _activities(first, end, team_id).select(month, fn.COUNT(Activity.id),
                                                   *(fn.SUM(getattr(Activity, c)) for c in FIGURE_COLUMNS))
    for key, count, *values in rows.group_by(month).tuples():
        if key in out:
            out[key][RECORDS] = count
            for column, value in zip(FIGURE_COLUMNS, values, strict=True):
                out[key][BY_COLUMN[column].name] = int(value or 0)
    for case_month, count in (_cases(first, end, team_id).select(text_month_of(Case.received_at), fn.COUNT(Case.id))
                              .group_by(text_month_of(Case.received_at)).tuples()):
        if case_month in out:
            out[case_month][MEDIATED] = count
    posts = _gate_posts()
    shift_month = month_of(Shift.date)
    for key, count in (_gate_shifts(first, end, team_id, posts).select(shift_month, fn.COUNT(Shift.id))
                       .group_by(shift_month).tuples()):
        if key in out:
            out[key][SCHOOL_GATE_DUTY] += count
    for _aid, day in _gate_records(first, end, team_id, posts):
        if f"{day:%Y-%m}" in out:
            out[f"{day:%Y-%m}"][SCHOOL_GATE_DUTY] += 1
    return out


def _as_date(value) -> date:
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
