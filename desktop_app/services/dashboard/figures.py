"""Figures for the 首页 and, later, the reports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from peewee import fn

from ...db.models import Activity, ActivityParticipant, Assignment, Case, Certificate, Member, Shift, Team
from ...domain.vocabulary import (
    ACTIVE,
    ATTENDED_STATUSES,
    CLOSED,
    FOLLOW_UP,
    ON_LEAVE,
    OPEN_CASE_STATUSES,
    PEOPLES_MEDIATION,
    SUCCEEDED,
    VALID,
)
from ..cases.workflow import CONFIRMATION_DAYS


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
    insurance_expiring: int
    confirmation_reminders: int = 0  # written 人民调解 agreements whose 30 days for 司法确认 are running
    unassigned_cases: int = 0  # 人民调解 cases given to no 调委会 yet


def dashboard_counts(today: date | None = None) -> DashboardCounts:
    today = today or date.today()
    week_start = today - timedelta(days=today.weekday())
    week_end = week_start + timedelta(days=6)
    month_start = today.replace(day=1)

    members = Member.select().where(Member.deleted_at.is_null())
    week_shifts = Shift.select().where(Shift.date.between(week_start, week_end))
    staffed = (
        Assignment.select(fn.COUNT(Assignment.id))
        .where(Assignment.shift == Shift.id, Assignment.status != ON_LEAVE)
    )
    unfilled = week_shifts.where(staffed < Shift.headcount).count()
    duty_hours = (
        Assignment.select(fn.COALESCE(fn.SUM(Assignment.hours), 0))
        .join(Shift)
        .where(Shift.date.between(month_start, today), Assignment.status.in_(ATTENDED_STATUSES))
        .scalar()
    )
    activity_hours = (
        ActivityParticipant.select(fn.COALESCE(fn.SUM(ActivityParticipant.hours), 0))
        .join(Activity)
        .where(Activity.date.between(month_start, today), Activity.deleted_at.is_null())
        .scalar()
    )
    open_cases = Case.select().where(Case.deleted_at.is_null(), Case.status.in_(OPEN_CASE_STATUSES))
    confirmations = Case.select().where(
        Case.deleted_at.is_null(), Case.kind == PEOPLES_MEDIATION, Case.oral_agreement == False,  # noqa: E712
        Case.status.in_((SUCCEEDED, FOLLOW_UP, CLOSED)), Case.confirmation_applied_on.is_null(),
        Case.agreement_date.between(today - timedelta(days=CONFIRMATION_DAYS), today))
    return DashboardCounts(
        teams=Team.select().where(Team.deleted_at.is_null(), Team.retired_on.is_null()).count(),
        members_active=members.where(Member.status == ACTIVE).count(),
        members_total=members.count(),
        shifts_this_week=week_shifts.count(),
        unfilled_shifts_this_week=unfilled,
        hours_this_month=round(float(duty_hours or 0) + float(activity_hours or 0), 1),
        activities_this_month=Activity.select()
        .where(Activity.date.between(month_start, today), Activity.deleted_at.is_null())
        .count(),
        open_cases=open_cases.count(),
        overdue_cases=open_cases.where(Case.deadline < today).count(),
        certificates_this_year=Certificate.select()
        .where(Certificate.year == today.year, Certificate.status == VALID)
        .count(),
        insurance_expiring=members.where(
            Member.status == ACTIVE, Member.insurance_expires_on < today + timedelta(days=30)
        ).count(),
        confirmation_reminders=confirmations.count(),
        unassigned_cases=Case.select().where(Case.deleted_at.is_null(), Case.kind == PEOPLES_MEDIATION,
                                             Case.body.is_null()).count(),
    )


