"""register_cases keeps the rules of both kinds of mediation as the single-item paths keep them: the kind's
number series, sources and party roles; for 治安调解 the 案由, consent, Art. 4, an officer as 主持人, the
guardian of a party under 16, at most two sessions and the Art. 9 deadlines; 调查记录, session 参加人 and the
rights notified, 回访事由 and 采取的措施, consent to continue and 司法确认. A case registered in a batch is the
case registered one call at a time."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from desktop_app.db.models import (
    Case,
    CaseEvent,
    CaseMediator,
    FollowUp,
    Investigation,
    MediationSession,
    Party,
)
from desktop_app.domain.id_numbers import build_id_number
from desktop_app.services.cases.batch import CaseRecord, MediatorInput, StepInput, register_cases
from desktop_app.services.cases.bodies import list_bodies, save_body, save_officers
from desktop_app.services.cases.case_form import CaseInput, register_case
from desktop_app.services.cases.fields import CaseInvalid
from desktop_app.services.cases.investigations import InvestigationInput, add_investigation
from desktop_app.services.cases.parties import PartyInput, add_mediator, add_party
from desktop_app.services.cases.sessions import FollowUpInput, SessionInput, add_follow_up, add_session
from desktop_app.services.cases.workflow import CaseRefused, change_status, compute_deadlines
from desktop_app.services.office.details import OfficeInfo, save_office
from desktop_app.services.roster.members import MemberInput, save_member

TODAY = date(2024, 11, 5)
RECEIVED = datetime(2024, 10, 8, 9, 30)  # a Tuesday
ADULT = build_id_number("653129", date(1980, 5, 6), 31)
OTHER = build_id_number("653123", date(1975, 2, 1), 42)
MINOR = build_id_number("653101", date(2010, 3, 3), 11)  # 14 in October 2024
PARENT = build_id_number("653101", date(1983, 8, 8), 12)
YOUTH = build_id_number("653101", date(2007, 6, 1), 13)  # 17: no guardian of age
HOST_OFFICER, RECORDING_OFFICER = "买合木提", "王建军"


@pytest.fixture
def setup(office):
    save_officers([HOST_OFFICER, RECORDING_OFFICER])
    return save_member(MemberInput(name="阿依古丽·吐尔逊", skills="调解"), today=TODAY).id


def peoples(**extra) -> CaseInput:
    values = {"kind": "人民调解", "category": "邻里", "source": "当事人申请", "received_at": RECEIVED,
              "summary": "邻里因排水沟发生纠纷"} | extra
    return CaseInput(**values)


def police(**extra) -> CaseInput:
    values = {"kind": "治安调解", "category": "邻里", "source": "群众报警", "received_at": RECEIVED,
              "summary": "邻里纠纷引起推搡", "offence": "殴打他人", "parties_consent": True,
              "host_officer": HOST_OFFICER, "mediating_authority": "伽师县公安局夏普吐勒派出所"} | extra
    return CaseInput(**values)


def applicants() -> list[PartyInput]:
    return [PartyInput(role="申请人", name="艾力·买买提", id_number=ADULT, ethnic="05"),
            PartyInput(role="被申请人", name="王建国", id_number=OTHER, phone="13912345678")]


def offender_and_victim() -> list[PartyInput]:
    return [PartyInput(role="被侵害人", name="艾力·买买提", id_number=ADULT, ethnic="05"),
            PartyInput(role="违法行为人", name="王建国", id_number=OTHER, phone="13912345678")]


OFFICERS = [MediatorInput(officer_name=HOST_OFFICER, role="主持人"),
            MediatorInput(officer_name=RECORDING_OFFICER, role="记录人")]
MEDIATING = [StepInput("调解中", datetime(2024, 10, 9, 10, 0))]


def session(day: int, hour: int = 10, **extra) -> SessionInput:
    return SessionInput(datetime(2024, 10, day, hour, 0), "夏普吐勒派出所调解室", **extra)


def refused(record: CaseRecord) -> str:
    """The batch refuses the second record, stores nothing, and names the item; its message."""
    good = CaseRecord(peoples(), applicants())
    before = Case.select().count()
    with pytest.raises((CaseInvalid, CaseRefused)) as info:
        register_cases([good, record], TODAY)
    assert Case.select().count() == before and Party.select().count() == 0
    assert str(info.value).startswith("第2项：")
    return str(info.value)


def test_police_mediation_is_refused_in_the_batch_where_the_forms_refuse_it(setup):
    volunteer = setup
    minor = PartyInput(role="其他当事人", name="小明", id_number=MINOR)
    cases = [
        (CaseRecord(police(), offender_and_victim(), [MediatorInput(member_id=volunteer, role="主持人")]),
         "义警队员不能担任"),
        (CaseRecord(police(), offender_and_victim(), OFFICERS,
                    sessions=[session(9), session(11), session(15)], steps=MEDIATING),
         "本案已调解2次，不能再增加"),
        (CaseRecord(police(), applicants()), "请选择治安调解当事人的身份"),
        (CaseRecord(police(source="法院委托"), offender_and_victim()), "治安调解的案件来源"),
        (CaseRecord(police(offence="盗窃"), offender_and_victim()), "案由“盗窃”不属于"),
        (CaseRecord(police(exclusions=("结伙斗殴",)), offender_and_victim()), "第四条第（二）项"),
        (CaseRecord(police(host_officer="赵六"), offender_and_victim()), "“赵六”不在本所民警名单中"),
        (CaseRecord(police(oral_agreement=True), offender_and_victim()), "不能采用口头协议"),
        (CaseRecord(police(offence=""), offender_and_victim(), OFFICERS, steps=MEDIATING), "请选择案由"),
        (CaseRecord(police(parties_consent=False), offender_and_victim(), OFFICERS, steps=MEDIATING),
         "治安调解须经双方当事人同意"),
        (CaseRecord(police(host_officer=""), offender_and_victim(),
                    [MediatorInput(officer_name=HOST_OFFICER), MediatorInput(member_id=volunteer)], steps=MEDIATING),
         "请选择主持调解的民警"),
        (CaseRecord(police(), offender_and_victim()[:1], OFFICERS, steps=MEDIATING), "请登记违法行为人和被侵害人"),
        (CaseRecord(police(), [*offender_and_victim(), minor], OFFICERS, sessions=[session(9)]),
         "不满十六周岁，调解时应当通知其父母或者其他监护人到场"),
        (CaseRecord(police(), [*offender_and_victim(), minor], OFFICERS, steps=MEDIATING), "请先登记其监护人"),
        (CaseRecord(police(appraisal_issued_on=date(2024, 10, 10)), offender_and_victim()),
         "请先选择需要伤情鉴定还是价值认定"),
    ]
    for record, message in cases:
        assert message in refused(record), message


def test_peoples_mediation_is_refused_in_the_batch_where_the_forms_refuse_it(setup):
    agreed = {"agreement_terms": "被申请人赔偿500元", "agreement_date": date(2024, 10, 10)}
    cases = [
        (CaseRecord(peoples(source="群众报警"), applicants()), "人民调解的案件来源"),
        (CaseRecord(peoples(), offender_and_victim()), "请选择人民调解当事人的身份"),
        (CaseRecord(peoples(), [*applicants(), PartyInput(name="马丽", id_number=YOUTH),
                                PartyInput(role="其他当事人", name="小明", id_number=MINOR)], guardians={2: 3}),
         "监护人应年满18周岁"),
        (CaseRecord(peoples(extension_agreed_on=date(2024, 11, 1)), applicants()), "请同时填写同意日期和延长后的期限"),
        (CaseRecord(peoples(extension_agreed_on=date(2024, 11, 1), extended_deadline=date(2024, 11, 6)),
                    applicants()), "延长后的期限应晚于一个月的调解期限"),
        (CaseRecord(peoples(**agreed, confirmation_applied_on=date(2024, 11, 1)), applicants()),
         "请填写受理申请的人民法院"),
        (CaseRecord(peoples(agreement_terms="口头协议：互相道歉", oral_agreement=True, agreement_date=date(2024, 10, 10),
                            confirmation_applied_on=date(2024, 10, 20), confirmation_court="伽师县人民法院"),
                    applicants()), "口头协议不能申请"),
        (CaseRecord(peoples(agreement_terms="被申请人赔偿500元", agreement_date=date(2024, 10, 1),
                            received_at=datetime(2024, 9, 20, 10, 0), confirmation_applied_on=date(2024, 11, 4),
                            confirmation_court="伽师县人民法院"), applicants()), "三十日内共同申请"),
        (CaseRecord(peoples(body_id=999), applicants()), "所选人民调解委员会不存在或已停用"),
        (CaseRecord(peoples(), applicants(), investigations=[InvestigationInput(datetime(2024, 10, 8, 14, 0))]),
         "请填写被调查人"),
        (CaseRecord(peoples(), applicants(),
                    investigations=[InvestigationInput(datetime(2024, 10, 7, 14, 0), subject="王建国")]),
         "调查时间不能早于受理日期"),
        (CaseRecord(peoples(), applicants(), sessions=[SessionInput(datetime(2024, 10, 9, 10, 0), present="村" * 10_001)]),
         "参加人不能超过"),
        (CaseRecord(peoples(agreement_terms="互相道歉", oral_agreement=True), applicants(),
                    steps=[*MEDIATING, StepInput("调解成功", datetime(2024, 10, 9, 12, 0))],
                    follow_ups=[FollowUpInput(date(2024, 10, 20), reason="回" * 201)]), "回访事由不能超过200个字"),
    ]
    for record, message in cases:
        assert message in refused(record), message


def test_without_a_committee_a_peoples_case_gets_no_number_but_a_police_case_does(data_paths):
    save_office(OfficeInfo(unit_name="伽师县公安局夏普吐勒派出所", parent_unit="伽师县公安局",
                           leader_name="阿不都热合曼·吐尔逊", case_prefix="夏派调"))
    save_officers([HOST_OFFICER])
    with pytest.raises(CaseInvalid) as info:
        register_cases([CaseRecord(police(), offender_and_victim()), CaseRecord(peoples(), applicants())], TODAY)
    assert info.value.item == 1 and "请先登记人民调解委员会" in info.value.by_field()["number"]
    [case_id] = register_cases([CaseRecord(police(), offender_and_victim())], TODAY)
    assert Case.get_by_id(case_id).number == "（2024）夏派调字第001号"


def test_each_kind_and_each_committee_numbers_in_its_own_series(setup):
    other = save_body(None, "巴仁乡人民调解委员会", "巴人调")
    default = next(b for b in list_bodies() if b.is_default)
    register_case(peoples(), today=TODAY)  # 夏人调 001 taken one at a time
    ids = register_cases([CaseRecord(peoples(), applicants()), CaseRecord(police(), offender_and_victim()),
                          CaseRecord(peoples(body_id=other.id), applicants()),
                          CaseRecord(peoples(), applicants()), CaseRecord(police(), offender_and_victim())], TODAY)
    cases = [Case.get_by_id(i) for i in ids]
    assert [c.number for c in cases] == ["（2024）夏人调字第002号", "（2024）夏派调字第001号", "（2024）巴人调字第001号",
                                         "（2024）夏人调字第003号", "（2024）夏派调字第002号"]
    assert [c.body_id for c in cases] == [default.id, None, other.id, default.id, None]
    assert register_case(police(), today=TODAY).number == "（2024）夏派调字第003号"  # the counter moved on


# --- a batch-registered case is the case made one call at a time -----------------------------------


def police_record() -> CaseRecord:
    """A 治安调解 awaiting a 伤情鉴定 first: its deadline runs from the day the 鉴定 was issued; two sessions, a
    minor with a guardian, agreement, a visit and the 卷宗 filed."""
    data = police(appraisal="伤情鉴定", appraisal_issued_on=date(2024, 10, 14), circumstances="情节较轻",
                  others_present="热合曼·艾山，3村村委会委员", agreement_terms="王建国赔偿医药费800元",
                  agreement_amount="800", agreement_date=date(2024, 10, 21), performance_way="当场履行",
                  incident_at=datetime(2024, 10, 7, 20, 0), incident_place="3村", filed_by=RECORDING_OFFICER,
                  filed_on=date(2024, 11, 4), retention="短期")
    return CaseRecord(
        data, [*offender_and_victim(), PartyInput(role="其他当事人", name="小明", id_number=MINOR),
               PartyInput(role="监护人", name="马丽", id_number=PARENT)], OFFICERS,
        sessions=[session(15, 10, present="3村村委会委员热合曼·艾山", record="双方陈述", result="继续协商"),
                  session(21, 15, present="", record="达成一致", result="达成协议", rights_notified=True)],
        steps=[StepInput("调解中", datetime(2024, 10, 15, 10, 0)), StepInput("调解成功", datetime(2024, 10, 21, 16, 0)),
               StepInput("回访", datetime(2024, 10, 30, 11, 0)), StepInput("结案", datetime(2024, 11, 4, 17, 0))],
        follow_ups=[FollowUpInput(date(2024, 10, 30), "部分履行", "基本满意", "无", RECORDING_OFFICER,
                                  reason="调解协议履行情况", measures="督促王建国按协议支付余款")],
        guardians={3: 2},
    )


def late_police_record() -> CaseRecord:
    """A 治安调解 whose first session came after its three working days: the missed deadline stands."""
    return CaseRecord(police(), offender_and_victim(), OFFICERS, sessions=[session(16, 10, rights_notified=False)],
                      steps=[StepInput("调解中", datetime(2024, 10, 16, 10, 0))])


def peoples_record(volunteer: int) -> CaseRecord:
    """A 人民调解 with a 调查记录, the parties' consent to continue past the month, agreement and 司法确认."""
    data = peoples(requests="请求疏通排水沟", extension_agreed_on=date(2024, 11, 4), extended_deadline=date(2024, 11, 30),
                   agreement_terms="被申请人于2024年11月20日前疏通排水沟并赔偿300元", agreement_amount="300",
                   agreement_date=date(2024, 10, 10), confirmation_applied_on=date(2024, 10, 25),
                   confirmation_court="伽师县人民法院", confirmation_result="确认有效")
    return CaseRecord(
        data, applicants(), [MediatorInput(member_id=volunteer), MediatorInput(officer_name=RECORDING_OFFICER,
                                                                                role="记录人")],
        sessions=[SessionInput(datetime(2024, 10, 10, 10, 0), "调解室", "村委会委员热合曼·艾山", "听取陈述", "达成协议")],
        steps=[StepInput("调解中", datetime(2024, 10, 10, 10, 0)), StepInput("调解成功", datetime(2024, 10, 10, 12, 0))],
        investigations=[InvestigationInput(datetime(2024, 10, 8, 15, 0), "3村村委会", "王建国", "阿依古丽·吐尔逊",
                                           RECORDING_OFFICER, "", "王建国陈述了经过")],
    )


def one_call_at_a_time(record: CaseRecord) -> int:
    """The record made with the single-item functions, in the order the batch replays it."""
    case = register_case(record.case, today=TODAY)
    ids: dict[int, int] = {}
    for k in sorted(range(len(record.parties)), key=lambda k: k in record.guardians):
        data = record.parties[k]
        if k in record.guardians:
            data = replace(data, role="监护人", guardian_of_id=ids[record.guardians[k]])
        ids[k] = add_party(case.id, data, today=TODAY).id
    for m in record.mediators:
        add_mediator(case.id, m.member_id, m.officer_name, m.role)
    timeline = [(s.held_at, 0, lambda s=s: add_session(case.id, s, today=s.held_at.date())) for s in record.sessions]
    timeline += [(i.held_at, 1, lambda i=i: add_investigation(case.id, i, today=TODAY)) for i in record.investigations]
    timeline += [(s.at, 2, lambda s=s: change_status(case.id, s.to_status, s.note, today=s.at.date()))
                 for s in record.steps]
    timeline += [(datetime.combine(f.date, datetime.min.time()), 3, lambda f=f: add_follow_up(case.id, f, today=TODAY))
                 for f in record.follow_ups]
    for _at, _order, act in sorted(timeline, key=lambda item: item[:2]):
        act()
    return case.id


def everything(case_id: int) -> dict:
    """What is stored of the case and its records, leaving out ids, uuids, timestamps, the number and the
    version (one call at a time saves the case once per step, a batch stores it once)."""
    skip = {"id", "uuid", "created_at", "updated_at", "number", "sequence", "version", "changed_by", "changed_at"}
    case = Case.get_by_id(case_id)
    guardian_of = {p.id: p.position for p in Party.select().where(Party.case == case_id)}

    def row(model_row, extra_skip=()) -> dict:
        return {k: v for k, v in model_row.__data__.items() if k not in skip | {"case", *extra_skip}}

    return {
        "case": row(case),
        "parties": [row(p, ("guardian_of",)) | {"guardian_of": guardian_of.get(p.guardian_of_id)}
                    for p in Party.select().where(Party.case == case_id).order_by(Party.position)],
        "mediators": sorted((m.member_id or 0, m.officer_name, m.role)
                            for m in CaseMediator.select().where(CaseMediator.case == case_id)),
        "sessions": [row(s) for s in MediationSession.select().where(MediationSession.case == case_id)
                     .order_by(MediationSession.held_at)],
        "investigations": [row(i) for i in Investigation.select().where(Investigation.case == case_id)],
        "follow_ups": [row(f) for f in FollowUp.select().where(FollowUp.case == case_id)],
        "events": [(e.from_status, e.to_status, e.note) for e in
                   CaseEvent.select().where(CaseEvent.case == case_id).order_by(CaseEvent.at, CaseEvent.id)],
    }


def test_a_batch_case_equals_the_case_made_one_call_at_a_time(setup):
    volunteer = setup
    records = [police_record(), late_police_record(), peoples_record(volunteer)]
    by_forms = [one_call_at_a_time(record) for record in records]
    by_batch = register_cases(records, TODAY)
    for single, batch in zip(by_forms, by_batch, strict=True):
        assert everything(batch) == everything(single)
    numbers = [(Case.get_by_id(a).number, Case.get_by_id(b).number) for a, b in zip(by_forms, by_batch, strict=True)]
    assert numbers == [("（2024）夏派调字第001号", "（2024）夏派调字第003号"), ("（2024）夏派调字第002号", "（2024）夏派调字第004号"),
                       ("（2024）夏人调字第001号", "（2024）夏人调字第002号")]

    appraised, late, agreed = (Case.get_by_id(i) for i in by_batch)
    # Art. 9: three working days from the 鉴定 (issued Mon 14 Oct), the first session in time opens the second's
    # seven working days; a late first session leaves the missed deadline standing
    assert (appraised.deadline, appraised.second_session_deadline) == compute_deadlines(
        "治安调解", date(2024, 10, 8), date(2024, 10, 15), needs_appraisal=True, appraisal_issued=date(2024, 10, 14))
    assert appraised.second_session_deadline == date(2024, 10, 24) and appraised.status == "结案"
    assert (late.deadline, late.second_session_deadline) == (date(2024, 10, 11), date(2024, 10, 25))
    assert agreed.deadline == date(2024, 11, 30) and agreed.confirmation_result == "确认有效"
    sessions = list(MediationSession.select().where(MediationSession.case == appraised.id)
                    .order_by(MediationSession.held_at))
    assert [(s.present, s.rights_notified) for s in sessions] == [("3村村委会委员热合曼·艾山", True), ("", True)]
    assert not MediationSession.get(MediationSession.case == late.id).rights_notified
    visit = FollowUp.get(FollowUp.case == appraised.id)
    assert (visit.reason, visit.measures) == ("调解协议履行情况", "督促王建国按协议支付余款")
    assert Investigation.get(Investigation.case == agreed.id).subject == "王建国"
