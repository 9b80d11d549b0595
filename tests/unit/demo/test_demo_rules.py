"""The demo data keeps the rules a user's records keep: every record passes its service's check again as it
is stored, and what the services do not check but an office would expect holds too (sessions in office hours
after the case came in, 治安调解 at the 派出所 hosted by an officer, follow-ups after the agreement, shifts
only where the patterns put them, nobody scheduled while on leave). The same seed gives the same data."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from desktop_app.config import DataPaths
from desktop_app.db.database import close_database
from desktop_app.db.models import (
    Activity,
    ActivityParticipant,
    Assignment,
    Case,
    CaseEvent,
    CaseMediator,
    Certificate,
    DutyPost,
    FollowUp,
    Investigation,
    Leave,
    MediationSession,
    Member,
    OfficeSettings,
    Party,
    Qualification,
    Shift,
    ShiftPattern,
    Team,
    Training,
    TrainingAttendee,
)
from desktop_app.demo.generator import SCALES, generate
from desktop_app.domain.vocabulary import RISKY_POST_KINDS
from desktop_app.services.calendar.working_days import is_workday
from desktop_app.services.cases.case_form import case_input, validate_case
from desktop_app.services.cases.parties import validate_party
from desktop_app.services.cases.sessions import (
    FollowUpInput,
    SessionInput,
    validate_follow_up,
    validate_session,
)
from desktop_app.services.cases.workflow import check_transition
from desktop_app.services.roster.members import member_input, validate_member
from desktop_app.services.schedule.assignment_checks import check_assignment
from desktop_app.services.schedule.posts import stored_weekdays
from desktop_app.services.schedule.settings import max_shifts_per_week, min_rest_hours, school_vacations
from desktop_app.services.schedule.shift_generation import pattern_applies
from desktop_app.services.storage.data_folder import open_store

TODAY = date(2024, 5, 15)
OPENS, CLOSES = time(9, 0), time(18, 30)


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("demo-rules")
    open_store(DataPaths(folder))
    try:
        generate(SCALES["demo"], seed=2024, today=TODAY)
    finally:
        close_database()
    return folder


@pytest.fixture
def demo(demo_folder) -> Iterator[None]:
    open_store(DataPaths(demo_folder))
    yield
    close_database()


def test_every_member_passes_the_member_check_again(demo):
    members = list(Member.select())
    assert len(members) == SCALES["demo"].members
    for m in members:
        validate_member(member_input(m), m.id, today=TODAY)
    for team in Team.select():
        leader = Member.get_by_id(team.leader_id)
        assert leader.team_id == team.id and leader.status != "退出"


def test_every_assignment_passes_the_assignment_checks_again(demo):
    assignments = list(Assignment.select())
    assert len(assignments) > 500
    for a in assignments:
        problems = [p for p in check_assignment(a.shift_id, a.member_id, ignoring=[a.id]) if p.code != "full"]
        assert problems == [], (a.id, [p.message for p in problems])


def test_shifts_only_where_the_patterns_put_them(demo):
    vacations = school_vacations()
    assert vacations, "the school vacations are set, so 护学岗 pause in them"
    patterns = {p.id: p for p in ShiftPattern.select()}
    for shift in Shift.select(Shift, DutyPost).join(DutyPost):
        pattern = patterns[shift.pattern_id]
        assert pattern.post_id == shift.post_id
        assert (shift.start, shift.end, shift.headcount) == (pattern.start, pattern.end, pattern.headcount)
        assert pattern_applies(stored_weekdays(pattern.weekdays), pattern.valid_from, pattern.valid_to,
                               shift.post.school_days_only, shift.date, vacations), (shift.id, shift.date)
        staffed = [a for a in shift.assignments if a.status != "请假"]
        if shift.post.needs_leader and staffed:
            assert shift.leader_id in {a.member_id for a in staffed}


def test_nobody_is_on_duty_while_on_leave_or_over_the_limits(demo):
    leaves = defaultdict(list)
    for leave in Leave.select():
        leaves[leave.member_id].append((leave.from_date, leave.to_date))
    per_week: dict[tuple[int, int, int], int] = defaultdict(int)
    spans: dict[int, list[tuple[datetime, datetime]]] = defaultdict(list)
    rows = (Assignment.select(Assignment, Shift, DutyPost, Member).join(Shift).join(DutyPost)
            .switch(Assignment).join(Member))
    for a in rows:
        shift, member = a.shift, a.member
        begin = datetime.combine(shift.date, shift.start)
        finish = datetime.combine(shift.date, shift.end)
        finish += timedelta(days=1) if finish <= begin else timedelta()
        last_day = (finish - timedelta(minutes=1)).date()
        assert not any(a0 <= last_day and b0 >= shift.date for a0, b0 in leaves[member.id])
        assert member.join_date <= shift.date and member.status == "在队"
        assert member.insurance_expires_on is not None and member.insurance_expires_on >= last_day
        if shift.post.kind in RISKY_POST_KINDS:
            assert member.insurance_expires_on >= last_day
        if shift.post.required_skill:
            assert shift.post.required_skill in member.skills or Qualification.select().where(
                Qualification.member == member.id, Qualification.skill == shift.post.required_skill).exists()
        if a.status != "请假":
            per_week[(member.id, *shift.date.isocalendar()[:2])] += 1
            spans[member.id].append((begin, finish))
    assert max(per_week.values()) <= max_shifts_per_week()
    rest = timedelta(hours=min_rest_hours())
    for intervals in spans.values():
        intervals.sort()
        for (_, end), (start, _) in zip(intervals, intervals[1:], strict=False):
            assert start - end >= rest


def test_attendance_is_recorded_as_the_attendance_rules_say(demo):
    for a in Assignment.select(Assignment, Shift).join(Shift).where(Shift.date < TODAY):
        if a.status in ("缺勤", "请假"):
            assert a.hours == 0 and a.actual_start is None
        else:
            assert a.actual_start is not None and a.actual_end > a.actual_start
            assert a.hours == round((a.actual_end - a.actual_start).total_seconds() / 3600, 1)


def test_every_case_and_its_records_pass_their_checks_again(demo):
    cases = list(Case.select())
    assert len(cases) == SCALES["demo"].cases
    for case in cases:
        validate_case(case_input(case), TODAY)
        for party in Party.select().where(Party.case == case.id):
            validate_party(party_entry_input(party), case.id, party.id, TODAY)
        for s in MediationSession.select().where(MediationSession.case == case.id):
            validate_session(SessionInput(s.held_at, s.place, s.present, s.record, s.result), case, TODAY)
        for f in FollowUp.select().where(FollowUp.case == case.id):
            validate_follow_up(FollowUpInput(f.date, f.performed, f.satisfaction, f.escalation_signs, f.visitor,
                                             f.notes), case, TODAY)
        events = list(CaseEvent.select().where(CaseEvent.case == case.id).order_by(CaseEvent.at, CaseEvent.id))
        assert events[0].to_status == "受理" and events[-1].to_status == case.status
        for before, after in zip(events, events[1:], strict=False):
            assert after.from_status == before.to_status
            check_transition(before.to_status, after.to_status)


def party_entry_input(party: Party):
    from desktop_app.services.cases.parties import PartyInput

    return PartyInput(role=party.role, name=party.name, gender=party.gender, ethnic=party.ethnic_code,
                      age=party.age, birth_date=party.birth_date, id_number=party.id_number, phone=party.phone,
                      address=party.address, occupation=party.occupation, guardian_of_id=party.guardian_of_id)


def test_sessions_in_office_hours_after_the_case_came_in(demo):
    sessions = list(MediationSession.select(MediationSession, Case).join(Case))
    assert sessions
    for s in sessions:
        assert s.held_at > s.case.received_at
        assert is_workday(s.held_at.date()) and OPENS <= s.held_at.time() <= CLOSES
    for case in Case.select():
        assert is_workday(case.received_at.date())
        held = sorted(s.held_at for s in case.sessions)
        outcome = [e for e in case.events if e.to_status in ("调解成功", "调解不成功", "终止")]
        if outcome:
            assert held and outcome[0].at >= held[-1] and outcome[0].at.time() <= CLOSES
        if case.agreement_date:
            assert case.agreement_date == held[-1].date()
            assert all(f.date >= case.agreement_date for f in case.follow_ups)
        if case.closed_on:
            assert all(f.date <= case.closed_on for f in case.follow_ups)


def test_police_mediation_at_the_police_station_hosted_by_an_officer(demo):
    unit = OfficeSettings.get().unit_name
    members = {m.name for m in Member.select(Member.name)}
    police = list(Case.select().where(Case.kind == "治安调解"))
    assert police
    for case in police:
        assert case.mediating_authority == unit and case.host_officer and case.host_officer not in members
        mediators = list(CaseMediator.select().where(CaseMediator.case == case.id))
        assert all(m.member_id is None for m in mediators)
        assert [m.officer_name for m in mediators if m.role == "主持人"] == [case.host_officer]
        assert all("派出所" in s.place for s in case.sessions)
        assert len(case.sessions) <= 2  # 一般为一次，必要时可以增加一次
        assert case.incident_at is not None and case.incident_at < case.received_at
    for case in Case.select().where(Case.kind == "人民调解"):
        assert case.mediating_authority == "" and case.host_officer == ""
        for m in CaseMediator.select().where(CaseMediator.case == case.id, CaseMediator.member.is_null(False)):
            volunteer = Member.get_by_id(m.member_id)
            assert "调解" in volunteer.skills and volunteer.join_date <= case.received_at.date()


def test_dispute_cases_follow_the_mediation_rules_of_their_kind(demo):
    """人民调解 of the 调委会 in its series, 治安调解 of the office in its own with 案由, consent, an officer on
    the list as 主持人 and the kind's roles and sources; each record passes the kind's checks again."""
    from desktop_app.domain.case_numbers import parse_case_number
    from desktop_app.domain.vocabulary import (
        PEOPLES_MEDIATION_SOURCES,
        SECURITY_MEDIATION_SOURCES,
        SECURITY_OFFENCES,
    )
    from desktop_app.services.cases.bodies import list_bodies, list_officers
    from desktop_app.services.cases.investigations import InvestigationInput, validate_investigation
    from desktop_app.services.cases.workflow import case_deadlines, security_mediation_missing

    (body,) = list_bodies()
    assert body.name == "夏普吐勒镇人民调解委员会" and body.number_prefix == "夏人调"
    officers = set(list_officers())
    assert officers and not officers & {m.name for m in Member.select(Member.name)}
    office_prefix = OfficeSettings.get().case_prefix
    kinds = defaultdict(int)
    for case in Case.select():
        kinds[case.kind] += 1
        roles = {p.role for p in case.parties}
        police = case.kind == "治安调解"
        assert parse_case_number(case.number)[1] == (office_prefix if police else body.number_prefix)
        assert (case.deadline, case.second_session_deadline) == case_deadlines(case)  # Art. 9 / one month
        if police:
            assert case.body_id is None and case.source in SECURITY_MEDIATION_SOURCES
            assert case.offence in SECURITY_OFFENCES and case.parties_consent and case.circumstances
            assert case.host_officer in officers
            assert {"违法行为人", "被侵害人"} <= roles and not roles & {"申请人", "被申请人"}
        else:
            assert case.body_id == body.id and case.source in PEOPLES_MEDIATION_SOURCES
            assert case.offence == "" and {"申请人", "被申请人"} <= roles and not roles & {"违法行为人", "被侵害人"}
        if case.status != "受理":
            assert security_mediation_missing(case, case.received_at.date()) == []
        if case.confirmation_applied_on is not None:
            assert 0 <= (case.confirmation_applied_on - case.agreement_date).days <= 30 and case.confirmation_court
        if case.status == "结案":
            assert case.filed_by in officers and case.filed_on == case.closed_on
    assert kinds["人民调解"] and kinds["治安调解"]
    investigations = list(Investigation.select(Investigation, Case).join(Case))
    assert investigations
    for row in investigations:
        validate_investigation(InvestigationInput(row.held_at, row.place, row.subject, row.investigators,
                                                  row.recorder, row.present, row.record), row.case, TODAY)
        assert row.case.received_at < row.held_at < min(s.held_at for s in row.case.sessions)


def test_sessions_have_only_invited_others_as_participants_and_visits_say_why(demo):
    invited = 0
    for case in Case.select():
        people = {p.name for p in case.parties} | {m.officer_name or m.member.name for m in case.mediators}
        for s in case.sessions:
            assert s.rights_notified
            assert not any(name in s.present for name in people), (case.number, s.present)
            validate_session(SessionInput(s.held_at, s.place, s.present, s.record, s.result, s.rights_notified),
                             case, TODAY)
            invited += bool(s.present)
        for f in case.follow_ups:
            assert f.reason
            assert f.measures or f.performed in ("已履行", "") and f.escalation_signs == "无"
            validate_follow_up(FollowUpInput(f.date, f.performed, f.satisfaction, f.escalation_signs, f.visitor,
                                             f.notes, f.reason, f.measures), case, TODAY)
    assert invited


def test_work_records_and_trainings_only_of_members_on_the_roster_that_day(demo):
    for p in ActivityParticipant.select(ActivityParticipant, Activity, Member).join(Activity).switch(
            ActivityParticipant).join(Member):
        assert p.member.join_date <= p.activity.date <= TODAY
        assert p.member.leave_date is None or p.member.leave_date >= p.activity.date
        assert 0 < p.hours <= 24
    for t in TrainingAttendee.select(TrainingAttendee, Training, Member).join(Training).switch(
            TrainingAttendee).join(Member):
        assert t.member.join_date <= t.training.date <= TODAY
        assert t.member.leave_date is None or t.member.leave_date >= t.training.date
    granted = {(q.member_id, q.training_id) for q in Qualification.select().where(Qualification.source == "培训")}
    passed = {(t.member_id, t.training_id) for t in TrainingAttendee.select().join(Training).where(
        TrainingAttendee.passed == True, Training.grants_skill != "")}  # noqa: E712
    assert granted == passed and granted


def _content_hash(folder: Path) -> tuple[dict[str, int], str]:
    open_store(DataPaths(folder))
    try:
        counts = {model._meta.table_name: model.select().count()
                  for model in (Member, Case, Party, Assignment, Shift, Certificate, Activity, Qualification)}
        digest = hashlib.sha256()
        rows = [
            Member.select(Member.uuid, Member.name, Member.id_number, Member.phone, Member.team, Member.join_date,
                          Member.status, Member.skills, Member.insurance_expires_on).order_by(Member.id),
            Case.select(Case.uuid, Case.number, Case.kind, Case.status, Case.received_at, Case.summary,
                        Case.deadline, Case.agreement_terms, Case.closed_on).order_by(Case.id),
            Party.select(Party.name, Party.id_number, Party.role, Party.age).order_by(Party.id),
            MediationSession.select(MediationSession.held_at, MediationSession.place).order_by(MediationSession.id),
            Certificate.select(Certificate.serial, Certificate.type, Certificate.member, Certificate.title,
                               Certificate.issued_on, Certificate.hours_snapshot).order_by(Certificate.id),
            Assignment.select(Assignment.shift, Assignment.member, Assignment.status, Assignment.hours)
            .order_by(Assignment.id),
        ]
        for query in rows:
            for row in query.tuples():
                digest.update(repr(row).encode())
        return counts, digest.hexdigest()
    finally:
        close_database()


def test_the_same_seed_gives_the_same_records(tmp_path, demo_folder):
    for name, seed in (("same", 2024), ("other", 7)):
        open_store(DataPaths(tmp_path / name))
        try:
            generate(SCALES["demo"], seed=seed, today=TODAY)
        finally:
            close_database()
    counts, digest = _content_hash(demo_folder)
    assert counts["member"] == SCALES["demo"].members and counts["certificate"] > 0
    assert _content_hash(tmp_path / "same") == (counts, digest)
    assert _content_hash(tmp_path / "other")[1] != digest
