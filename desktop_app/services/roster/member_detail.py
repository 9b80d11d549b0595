"""The member page: the record as shown (masked) and the counts of each section below it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from peewee import fn

from ...db.models import (
    Activity,
    ActivityParticipant,
    Assignment,
    Case,
    CaseMediator,
    Certificate,
    Leave,
    Member,
    PointEntry,
    Qualification,
    Shift,
    Team,
    Training,
    TrainingAttendee,
)
from ...domain.masking import mask_address, mask_id, mask_phone
from ...domain.service_levels import star_label, star_level
from ...domain.vocabulary import ATTENDED_STATUSES
from ..records.points import star_thresholds
from .members import MemberInput
from .search import ethnic_name, insurance_state


@dataclass(frozen=True)
class MemberSections:
    duties: int  # assignments, whatever their status
    duties_attended: int
    hours_total: float  # attended duty + activity + training hours
    hours_this_year: float
    activities: int
    cases_mediated: int
    trainings: int
    qualifications: int
    certificates: int  # issued, voided ones included
    points: float
    leaves: int


@dataclass(frozen=True)
class MemberSummary:
    id: int
    name: str
    team: str
    status: str
    ethnic: str
    gender: str
    birth_date: date | None
    age: int | None
    id_masked: str
    phone_masked: str
    address_masked: str
    join_date: date | None
    skills: str
    insurance_expires_on: date | None
    insurance_state: str
    star_label: str
    hours_total: float = 0.0
    deleted: bool = False


def _sum(query) -> float:
    return float(query.scalar() or 0)


def _hours(member_id: int, year: int | None = None) -> float:
    duty = (
        Assignment.select(fn.SUM(Assignment.hours))
        .where(Assignment.member == member_id, Assignment.status.in_(ATTENDED_STATUSES))
    )
    activity = (
        ActivityParticipant.select(fn.SUM(ActivityParticipant.hours))
        .join(Activity)
        .where(ActivityParticipant.member == member_id, Activity.deleted_at.is_null())
    )
    training = (
        TrainingAttendee.select(fn.SUM(TrainingAttendee.hours))
        .join(Training)
        .where(TrainingAttendee.member == member_id, Training.deleted_at.is_null())
    )
    if year is not None:
        start, end = date(year, 1, 1), date(year, 12, 31)
        duty = duty.join(Shift).where(Shift.date.between(start, end))
        activity = activity.where(Activity.date.between(start, end))
        training = training.where(Training.date.between(start, end))
    return round(_sum(duty) + _sum(activity) + _sum(training), 2)


def member_sections(member_id: int, today: date | None = None) -> MemberSections:
    today = today or date.today()
    assignments = Assignment.select().where(Assignment.member == member_id)
    points = PointEntry.select(fn.SUM(PointEntry.points)).where(PointEntry.member == member_id)
    return MemberSections(
        duties=assignments.count(),
        duties_attended=assignments.where(Assignment.status.in_(ATTENDED_STATUSES)).count(),
        hours_total=_hours(member_id),
        hours_this_year=_hours(member_id, today.year),
        activities=ActivityParticipant.select().join(Activity)
        .where(ActivityParticipant.member == member_id, Activity.deleted_at.is_null()).count(),
        cases_mediated=CaseMediator.select(CaseMediator.case).distinct().join(Case)
        .where(CaseMediator.member == member_id, Case.deleted_at.is_null()).count(),
        trainings=TrainingAttendee.select().join(Training)
        .where(TrainingAttendee.member == member_id, Training.deleted_at.is_null()).count(),
        qualifications=Qualification.select().where(Qualification.member == member_id).count(),
        certificates=Certificate.select().where(Certificate.member == member_id).count(),
        points=round(_sum(points), 2),
        leaves=Leave.select().where(Leave.member == member_id).count(),
    )


def age_on(birth: date | None, today: date) -> int | None:
    if birth is None:
        return None
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def member_summary(member_id: int, today: date | None = None) -> MemberSummary:
    """The member's record as the page shows it; raises `Member.DoesNotExist` for an unknown id."""
    today = today or date.today()
    member = Member.get_by_id(member_id)
    team = Team.get_or_none(Team.id == member.team_id) if member.team_id else None
    hours = _hours(member_id)
    return MemberSummary(
        id=member.id, name=member.name, team=team.name if team else "", status=member.status,
        ethnic=ethnic_name(member.ethnic_code), gender=member.gender, birth_date=member.birth_date,
        age=age_on(member.birth_date, today), id_masked=mask_id(member.id_number or ""),
        phone_masked=mask_phone(member.phone), address_masked=mask_address(member.address),
        join_date=member.join_date, skills=member.skills, insurance_expires_on=member.insurance_expires_on,
        insurance_state=insurance_state(member.insurance_expires_on, today),
        star_label=star_label(star_level(hours, star_thresholds())), hours_total=hours, deleted=member.deleted_at is not None,
    )


def masked_member_input(member_id: int) -> MemberInput:
    """The member's record for a role that may not see it in full (查看): ID number, phones, address and
    emergency contact masked, ID and phone numbers in the notes masked, no photo."""
    from ...domain.masking import mask_free_text
    from .members import member_input

    data = member_input(Member.get_by_id(member_id))
    data.id_number = mask_id(data.id_number) if data.id_number else ""
    data.phone = mask_phone(data.phone)
    data.emergency_phone = mask_phone(data.emergency_phone)
    data.address = mask_address(data.address)
    data.notes = mask_free_text(data.notes)
    data.birth_date = None
    data.photo = None
    return data
