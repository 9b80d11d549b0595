"""Figures for the 首页: the counts on its cards, this month's work figures by kind and team, the trends by
month, and what a new office should do first. Each count has the records behind it in
`dashboard/drilldown.py`, made from the same conditions, so a number and the list it opens always agree."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from peewee import Case as SqlCase
from peewee import fn

from ...db.models import (
    Activity,
    Assignment,
    Case,
    Certificate,
    DutyPost,
    Member,
    Qualification,
    Shift,
    Team,
)
from ...domain.vocabulary import (
    ACTIVE,
    CLOSED,
    FOLLOW_UP,
    ON_LEAVE,
    OPEN_CASE_STATUSES,
    PEOPLES_MEDIATION,
    SUCCEEDED,
    VALID,
)
from ..cases.workflow import CONFIRMATION_DAYS
from ..records import work_figures
from ..records.service_hours import service_hours_by_source

SOON_DAYS = 30  # "expiring soon": within this many days
COMING_DAYS = 7  # the coming week of shifts checked for people
TREND_MONTHS = 12


@dataclass(frozen=True)
class DashboardCounts:
    teams: int
    members_active: int
    members_total: int
    shifts_this_week: int
    unfilled_shifts_this_week: int
    hours_this_month: float
    activities_this_month: int
    open_cases: int
    overdue_cases: int
    certificates_this_year: int
    insurance_expiring: int  # active members whose insurance ends within 30 days (not yet ended)
    insurance_expired: int = 0  # active members whose recorded insurance has ended
    qualifications_expiring: int = 0  # (member, skill) held until a day within 30 days
    qualifications_expired: int = 0  # (member, skill) whose every qualification has ended
    short_shifts_coming: int = 0  # shifts from today to 6 days on with fewer people than needed
    shifts_coming: int = 0
    posts: int = 0
    confirmation_reminders: int = 0  # written 人民调解 agreements whose 30 days for 司法确认 are running
    unassigned_cases: int = 0  # 人民调解 cases given to no 调委会 yet


# --- the conditions, shared with drilldown.py -----------------------------------------------------


def week_of(today: date) -> tuple[date, date]:
    start = today - timedelta(days=today.weekday())
    return start, start + timedelta(days=6)


def coming_days(today: date) -> tuple[date, date]:
    return today, today + timedelta(days=COMING_DAYS - 1)


def _active():
    return Member.status == ACTIVE


def _insurance_expired(today: date):
    return Member.insurance_expires_on < today


def _insurance_expiring(today: date):
    return (Member.insurance_expires_on >= today) & (Member.insurance_expires_on < today + timedelta(days=SOON_DAYS))


def active_members():
    return Member.select().where(Member.deleted_at.is_null(), _active())


def insurance_expired_query(today: date):
    return active_members().where(_insurance_expired(today))


def insurance_expiring_query(today: date):
    return active_members().where(_insurance_expiring(today))


def _member_counts(today: date) -> tuple[int, int, int, int]:
    """(on the roster, active, active with insurance expired, active with insurance expiring) in one pass over
    the roster, with the conditions of the queries above."""
    def flag(condition):
        return fn.COALESCE(fn.SUM(SqlCase(None, [(condition, 1)], 0)), 0)

    row = (Member.select(fn.COUNT(Member.id), flag(_active()), flag(_active() & _insurance_expired(today)),
                         flag(_active() & _insurance_expiring(today)))
           .where(Member.deleted_at.is_null()).tuples().first())
    return tuple(int(v or 0) for v in row) if row else (0, 0, 0, 0)  # type: ignore[return-value]


def _held_until(first: date | None, last: date):
    """(member, skill, the last day its qualifications run to) for active members whose last day of the skill
    falls before `last` (and from `first`): rows in that range for which no row of the same member and skill
    runs to `last` or beyond (or without end). Read through the (member, skill, expires_on) index."""
    Later = Qualification.alias()
    runs_on = Later.select(Later.id).where(Later.member == Qualification.member, Later.skill == Qualification.skill,
                                           (Later.expires_on.is_null()) | (Later.expires_on >= last))
    rows = Qualification.expires_on < last
    if first is not None:
        rows &= Qualification.expires_on >= first
    return (Qualification.select(Qualification.member, Qualification.skill,
                                 fn.MAX(Qualification.expires_on).alias("until"))
            .join(Member).where(Member.deleted_at.is_null(), Member.status == ACTIVE, rows, ~fn.EXISTS(runs_on))
            .group_by(Qualification.member, Qualification.skill))


def qualifications_expired_query(today: date):
    return _held_until(None, today)


def qualifications_expiring_query(today: date):
    return _held_until(today, today + timedelta(days=SOON_DAYS))


def _staffed():
    return Assignment.select(fn.COUNT(Assignment.id)).where(Assignment.shift == Shift.id,
                                                            Assignment.status != ON_LEAVE)


def week_shifts_query(first: date, last: date):
    return Shift.select().join(DutyPost).where(Shift.date.between(first, last), DutyPost.deleted_at.is_null())


def short_shifts_query(first: date, last: date):
    return (Shift.select().join(DutyPost).where(Shift.date.between(first, last), DutyPost.deleted_at.is_null(),
                                                _staffed() < Shift.headcount))


def open_cases_query():
    return Case.select().where(Case.deleted_at.is_null(), Case.status.in_(OPEN_CASE_STATUSES))


def overdue_cases_query(today: date):
    return open_cases_query().where(Case.deadline < today)


def confirmations_query(today: date):
    return Case.select().where(
        Case.deleted_at.is_null(), Case.kind == PEOPLES_MEDIATION, Case.oral_agreement == False,  # noqa: E712
        Case.status.in_((SUCCEEDED, FOLLOW_UP, CLOSED)), Case.confirmation_applied_on.is_null(),
        Case.agreement_date.between(today - timedelta(days=CONFIRMATION_DAYS), today))


def certificates_query(today: date):
    return Certificate.select().where(Certificate.year == today.year, Certificate.status == VALID)


def live_teams_query():
    return Team.select().where(Team.deleted_at.is_null(), Team.retired_on.is_null())


def _shift_counts(week: tuple[date, date], coming: tuple[date, date]) -> tuple[int, int, int, int]:
    """(shifts this week, of them short of people, shifts in the coming days, of them short) in one pass over
    the shifts of both ranges, with the conditions of `week_shifts_query` and `short_shifts_query`."""
    counts = [0, 0, 0, 0]
    lo, hi = min(week[0], coming[0]), max(week[1], coming[1])
    for day, short in week_shifts_query(lo, hi).select(Shift.date, _staffed() < Shift.headcount).tuples():
        day = day if isinstance(day, date) else date.fromisoformat(str(day)[:10])
        for index, (first, last) in enumerate((week, coming)):
            if first <= day <= last:
                counts[2 * index] += 1
                counts[2 * index + 1] += bool(short)
    return counts[0], counts[1], counts[2], counts[3]


def dashboard_counts(today: date | None = None) -> DashboardCounts:
    today = today or date.today()
    week_start, week_end = week_of(today)
    month_start = today.replace(day=1)
    first, last = coming_days(today)

    members_total, members_active, insurance_expired, insurance_expiring = _member_counts(today)
    week_shifts, unfilled, shifts_coming, short_coming = _shift_counts((week_start, week_end), (first, last))
    hours = service_hours_by_source(month_start, today)
    return DashboardCounts(
        teams=live_teams_query().count(),
        members_active=members_active,
        members_total=members_total,
        shifts_this_week=week_shifts,
        unfilled_shifts_this_week=unfilled,
        hours_this_month=round(sum(sum(by_source.values()) for by_source in hours.values()), 1),
        activities_this_month=Activity.select()
        .where(Activity.date.between(month_start, today), Activity.deleted_at.is_null())
        .count(),
        open_cases=open_cases_query().count(),
        overdue_cases=overdue_cases_query(today).count(),
        certificates_this_year=certificates_query(today).count(),
        insurance_expiring=insurance_expiring,
        insurance_expired=insurance_expired,
        qualifications_expiring=qualifications_expiring_query(today).count(),
        qualifications_expired=qualifications_expired_query(today).count(),
        short_shifts_coming=short_coming,
        shifts_coming=shifts_coming,
        posts=DutyPost.select().where(DutyPost.deleted_at.is_null()).count(),
        confirmation_reminders=confirmations_query(today).count(),
        unassigned_cases=Case.select().where(Case.deleted_at.is_null(), Case.kind == PEOPLES_MEDIATION,
                                             Case.body.is_null()).count(),
    )


# --- this month's work and the trends -------------------------------------------------------------


@dataclass(frozen=True)
class MonthWork:
    month_start: date
    today: date
    figures: dict[str, int]  # every figure of the vocabulary
    by_kind: dict[str, work_figures.KindFigures]
    by_team: dict[int | None, work_figures.KindFigures]
    team_names: dict[int, str]


def month_work(today: date | None = None) -> MonthWork:
    today = today or date.today()
    start = today.replace(day=1)
    names = dict(Team.select(Team.id, Team.name).where(Team.deleted_at.is_null()).tuples())
    return MonthWork(start, today, work_figures.figure_totals(start, today),
                     work_figures.figures_by(start, today, "kind"),  # type: ignore[arg-type]
                     work_figures.figures_by(start, today, "team"),  # type: ignore[arg-type]
                     names)


def trend_months(today: date, count: int = TREND_MONTHS) -> list[tuple[int, int]]:
    index = today.year * 12 + today.month - 1
    return [(i // 12, i % 12 + 1) for i in range(index - count + 1, index + 1)]


def trends(today: date | None = None) -> dict[str, dict[str, int]]:
    """The last twelve months, this one included: "YYYY-MM" → records and figures."""
    return work_figures.monthly(trend_months(today or date.today()))


# --- a new database -------------------------------------------------------------------------------

FIRST_STEPS = ("teams", "members", "posts", "shifts")


def first_steps() -> dict[str, bool]:
    """Which of 建队伍 → 录入队员 → 设岗位 → 排班 are done (each: at least one exists)."""
    return {
        "teams": live_teams_query().exists(),
        "members": Member.select().where(Member.deleted_at.is_null()).exists(),
        "posts": DutyPost.select().where(DutyPost.deleted_at.is_null()).exists(),
        "shifts": Shift.select().exists(),
    }
