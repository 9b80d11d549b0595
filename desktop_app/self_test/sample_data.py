"""A small made-up office for the self-test, written through the services as a user's clicks would be:
a team of three, a patrol post with last week's shifts and attendance, a 人民调解委员会 and the officers
who host 治安调解, a 人民调解 and a 治安调解 case carried to 结案 through every document of their 卷宗; and, for
the certificate check, one certificate of every kind."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from ..domain.id_numbers import build_id_number

UNIT = "伽师县公安局自检派出所"
TEAM = "自检义警一中队"
POST = "中山路商圈巡逻"
MEMBERS = (  # name, gender, ethnic code, birth date, sequence for the made-up ID number
    ("努尔买买提·西热甫", "男", "05", date(1980, 5, 6), 31),
    ("阿依古丽·艾力", "女", "05", date(1988, 3, 12), 42),
    ("王建国", "男", "01", date(1975, 11, 2), 17),
)
APPLICANT = "艾力·买买提"
RESPONDENT = "李娜"
OFFENDER = "吐尔逊·卡德尔"
VICTIM = "张伟"
HOST = "王警官"
RECORDER = "赵警官"
BODY = "自检镇人民调解委员会"  # the 调委会 in whose name the 人民调解 case is issued and sealed
BODY_PREFIX = "自检人调"
OFFENCE = "殴打他人"
WITNESS = "热合曼·艾山"  # the 被调查人 of both cases' 调查记录
AMOUNT_WORDS = "叁仟伍佰元整"
HONOUR_TITLE = "优秀义警"
SELF_TEST_USER = "自检"


@dataclass
class SampleOffice:
    today: date
    week: tuple[int, int]  # ISO year and week of the shifts
    period: tuple[date, date]  # that week's Monday and Sunday
    team_id: int = 0
    member_ids: list[int] = field(default_factory=list)
    people_case_id: int = 0
    security_case_id: int = 0
    certificates: dict[str, int] = field(default_factory=dict)  # type → id
    verification_codes: dict[str, str] = field(default_factory=dict)  # type → code printed on it
    serials: dict[str, str] = field(default_factory=dict)


def _id_number(birth: date, sequence: int) -> str:
    return build_id_number("653129", birth, sequence)


def build_sample_office(today: date | None = None) -> SampleOffice:
    """Fill the open (empty, migrated) database; returns the ids the document checks print from."""
    from ..services import audit
    from ..services.office.details import OfficeInfo, save_office

    today = today or date.today()
    monday = today - timedelta(days=today.weekday() + 7)
    year, week, _ = monday.isocalendar()
    sample = SampleOffice(today=today, week=(year, week), period=(monday, monday + timedelta(days=6)))
    with audit.acting_as(SELF_TEST_USER):
        save_office(OfficeInfo(unit_name=UNIT, parent_unit="伽师县公安局", leader_name="王所长", case_prefix="自检调",
                               address="夏普吐勒镇团结路1号", contact_phone="0998-6751424"))
        _roster(sample)
        _schedule(sample)
        _cases(sample)
    return sample


def _roster(sample: SampleOffice) -> None:
    from ..services.roster.members import MemberInput, save_member
    from ..services.roster.teams import TeamInput, save_team

    sample.team_id = save_team(TeamInput(name=TEAM, station="自检派出所", service_area="夏普吐勒镇1–6村"))
    for name, gender, ethnic, birth, sequence in MEMBERS:
        member = save_member(MemberInput(
            name=name, gender=gender, ethnic=ethnic, id_number=_id_number(birth, sequence),
            phone=f"1389{sequence:03d}5678", address="夏普吐勒镇3村2组18号", team_id=sample.team_id,
            join_date=sample.period[0] - timedelta(days=400), skills=["巡逻", "调解"],
            insurance_expires_on=sample.today + timedelta(days=365),
        ), today=sample.today)
        sample.member_ids.append(member.id)


def _schedule(sample: SampleOffice) -> None:
    from ..db.models import Shift
    from ..services.schedule.assignments import assign
    from ..services.schedule.attendance import record_attendance
    from ..services.schedule.posts import PatternInput, PostInput, save_pattern, save_post
    from ..services.schedule.shift_generation import generate_shifts

    post = save_post(PostInput(name=POST, kind="巡逻", place="中山路", team_id=sample.team_id,
                               default_start="19:00", default_end="23:00", headcount=2))
    save_pattern(post.id, PatternInput(weekdays=(1, 2, 3, 4, 5, 6, 7), start="19:00", end="23:00", headcount=2))
    generate_shifts(sample.period[0], sample.period[1], [post.id])
    shifts = list(Shift.select().where(Shift.post == post.id).order_by(Shift.date))
    for index, shift in enumerate(shifts):
        for member_id in (sample.member_ids[index % 2], sample.member_ids[2]):
            assign(shift.id, member_id, force_warnings=True)
        record_attendance(shift.id, now=datetime.combine(sample.today, time(0)))


def _cases(sample: SampleOffice) -> None:
    """The 调委会 and the officers, then one case of each kind carried to 结案 through every document of its
    卷宗 (an 调查记录, a session with the rights notified, a written agreement, a follow-up)."""
    from ..services.cases.bodies import save_body, save_officers
    from ..services.cases.case_form import CaseInput, register_case
    from ..services.cases.investigations import InvestigationInput, add_investigation
    from ..services.cases.parties import PartyInput, add_mediator, add_party
    from ..services.cases.sessions import FollowUpInput, SessionInput, add_follow_up, add_session
    from ..services.cases.workflow import change_status

    save_officers([HOST, RECORDER])
    save_body(None, BODY, BODY_PREFIX, is_default=True)
    monday, today = sample.period[0], sample.today
    received = datetime.combine(monday, time(10))
    people = register_case(CaseInput(
        kind="人民调解", category="邻里", source="当事人申请", received_at=received, place="夏普吐勒镇3村",
        summary="因排水沟堵塞引发邻里纠纷", facts="申请人与被申请人因排水沟堵塞、院墙受损发生争执。",
        responsibilities="被申请人承担主要责任。", requests="1. 被申请人赔偿院墙修缮费。\n2. 疏通排水沟。",
        agreement_terms="1. 被申请人赔偿申请人修缮费3500元。\n2. 双方今后和睦相处。",
        agreement_amount="3500", performance_way="现金", performance_place=BODY,
        performance_deadline=monday + timedelta(days=5), agreement_date=monday + timedelta(days=1),
        outcome="调解成功，达成书面协议", filed_by=RECORDER, filed_on=today, retention="长期",
    ), today=today)
    add_party(people.id, PartyInput(role="申请人", name=APPLICANT, gender="男", ethnic="05",
                                    id_number=_id_number(date(1979, 4, 8), 51), phone="13912345678",
                                    address="夏普吐勒镇3村2组18号", occupation="农民"), today=today)
    add_party(people.id, PartyInput(role="被申请人", name=RESPONDENT, gender="女", ethnic="01",
                                    id_number=_id_number(date(1985, 9, 1), 62)), today=today)
    add_mediator(people.id, member_id=sample.member_ids[0], role="调解员")
    add_mediator(people.id, officer_name=RECORDER, role="记录人")
    add_investigation(people.id, InvestigationInput(
        held_at=received + timedelta(hours=3), place="夏普吐勒镇3村", subject=f"{WITNESS}（邻居）", investigators=RECORDER,
        recorder=RECORDER, record="问：排水沟是何时堵塞的？\n答：上周下雨以后。"), today=today)
    change_status(people.id, "调解中", today=today)
    add_session(people.id, SessionInput(held_at=received + timedelta(days=1), place="村委会调解室",
                                        present="村委会委员（自检）", record="双方陈述了意见，同意调解。",
                                        result="达成协议", rights_notified=True), today=today)
    change_status(people.id, "调解成功", today=today)
    add_follow_up(people.id, FollowUpInput(date=monday + timedelta(days=6), performed="已履行",
                                           satisfaction="满意", visitor=RECORDER, reason="调解协议履行情况",
                                           measures="提醒双方共同维护排水沟"), today=today)
    change_status(people.id, "回访", today=today)
    change_status(people.id, "结案", today=today)
    sample.people_case_id = people.id

    security = register_case(CaseInput(
        kind="治安调解", category="损害赔偿", source="群众报警", received_at=received + timedelta(hours=2),
        summary="巴扎口角引发的轻微殴打", offence=OFFENCE, parties_consent=True, host_officer=HOST,
        circumstances="初次违法，情节较轻", others_present="热合曼·艾山，村委会委员",
        agreement_terms="1. 违法行为人赔偿被侵害人医药费3500元。", agreement_amount="3500", performance_way="现金",
        performance_deadline=monday + timedelta(days=3), incident_at=received - timedelta(days=1),
        incident_place="巴扎", incident_cause="口角", incident_course="双方推搡", incident_result="被侵害人轻微擦伤",
        outcome="调解成功，当场履行", filed_by=HOST, filed_on=today, retention="短期",
    ), today=today)
    add_party(security.id, PartyInput(role="违法行为人", name=OFFENDER, gender="男", ethnic="05",
                                      id_number=_id_number(date(1990, 1, 20), 73)), today=today)
    add_party(security.id, PartyInput(role="被侵害人", name=VICTIM, gender="男", ethnic="01",
                                      id_number=_id_number(date(1992, 6, 30), 85)), today=today)
    add_mediator(security.id, officer_name=RECORDER, role="记录人")
    add_investigation(security.id, InvestigationInput(
        held_at=received + timedelta(hours=3), place="巴扎", subject=f"{WITNESS}（村委会委员）", investigators=HOST, recorder=RECORDER,
        record="问：当时发生了什么？\n答：双方因口角推搡。"), today=today)
    change_status(security.id, "调解中", today=today)
    add_session(security.id, SessionInput(held_at=received + timedelta(days=1), place="自检派出所调解室",
                                          record="双方同意调解。", result="达成协议", rights_notified=True),
                today=today)
    change_status(security.id, "调解成功", today=today)
    add_follow_up(security.id, FollowUpInput(date=monday + timedelta(days=4), performed="已履行",
                                             satisfaction="满意", visitor=HOST, reason="治安调解协议履行情况"),
                  today=today)
    change_status(security.id, "回访", today=today)
    change_status(security.id, "结案", today=today)
    sample.security_case_id = security.id


def issue_sample_certificates(sample: SampleOffice) -> None:
    """One certificate of every kind for the first member (the 志愿服务证明 from last week's hours)."""
    from ..documents.certificates import APPOINTMENT, CARD, HONOUR, SERVICE_PROOF
    from ..services import audit
    from ..services.certificates.issuing import issue_certificate

    member = sample.member_ids[0]
    monday, sunday = sample.period
    for cert_type, extra in (
        (APPOINTMENT, {"period_from": monday, "period_to": monday + timedelta(days=730)}),
        (HONOUR, {"title": HONOUR_TITLE, "reason": "自检年度巡逻工作"}),
        (SERVICE_PROOF, {"period_from": monday, "period_to": sunday, "handler": RECORDER}),
        (CARD, {}),
    ):
        with audit.acting_as(SELF_TEST_USER):
            issued = issue_certificate(member, cert_type, issued_on=sample.today, **extra)
        sample.certificates[cert_type] = issued.id
        sample.verification_codes[cert_type] = issued.verification_code
        sample.serials[cert_type] = issued.serial
