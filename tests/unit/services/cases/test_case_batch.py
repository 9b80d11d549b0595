"""register_cases: a case with its history comes out as the forms would have made it step by step, and
each piece is refused as the single-item checks refuse it, at the moment it happens; all or nothing."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop_app.db.models import (
    AuditLog,
    Case,
    CaseEvent,
    CaseMediator,
    Counter,
    FollowUp,
    MediationSession,
    Party,
)
from desktop_app.domain.id_numbers import build_id_number
from desktop_app.services.cases.batch import CaseRecord, MediatorInput, StepInput, register_cases
from desktop_app.services.cases.bodies import save_officers
from desktop_app.services.cases.case_form import CaseInput, register_case, save_case
from desktop_app.services.cases.fields import CaseInvalid
from desktop_app.services.cases.parties import PartyInput, add_mediator, add_party
from desktop_app.services.cases.sessions import FollowUpInput, SessionInput, add_follow_up, add_session
from desktop_app.services.cases.workflow import CaseRefused, change_status, compute_deadlines
from desktop_app.services.roster.members import MemberInput, delete_member, save_member

TODAY = date(2024, 11, 5)
ADULT = build_id_number("653129", date(1980, 5, 6), 31)
OTHER = build_id_number("653123", date(1975, 2, 1), 42)
MINOR = build_id_number("653101", date(2010, 3, 3), 11)
PARENT = build_id_number("653101", date(1983, 8, 8), 12)
RECEIVED = datetime(2024, 10, 8, 9, 30)


def case_input(**extra) -> CaseInput:
    values = {"kind": "人民调解", "category": "邻里", "source": "当事人申请", "received_at": RECEIVED,
              "summary": "邻里因排水沟发生纠纷"} | extra
    return CaseInput(**values)


def parties() -> list[PartyInput]:
    return [PartyInput(role="申请人", name="艾力·买买提", id_number=ADULT, ethnic="05"),
            PartyInput(role="被申请人", name="王建国", id_number=OTHER, phone="13912345678")]


def full_record(member_id: int) -> CaseRecord:
    agreed = case_input(agreement_terms="被申请人于2024年10月20日前疏通排水沟", agreement_date=date(2024, 10, 10),
                        performance_deadline=date(2024, 10, 20))
    return CaseRecord(
        agreed, parties(),
        [MediatorInput(member_id=member_id), MediatorInput(officer_name="李警官", role="记录人")],
        sessions=[SessionInput(datetime(2024, 10, 9, 10, 0), "调解室", "双方", "听取陈述", "继续协商"),
                  SessionInput(datetime(2024, 10, 10, 15, 0), "调解室", "双方", "达成一致", "达成协议")],
        steps=[StepInput("调解中", datetime(2024, 10, 9, 10, 0)),
               StepInput("调解成功", datetime(2024, 10, 10, 16, 0)),
               StepInput("回访", datetime(2024, 10, 25, 11, 0)),
               StepInput("结案", datetime(2024, 10, 28, 17, 0))],
        follow_ups=[FollowUpInput(date(2024, 10, 25), "已履行", "满意", "无", "李警官")],
    )


def stored(case_id: int) -> dict:
    case = Case.get_by_id(case_id)
    return {
        "case": (case.number, case.status, case.deadline, case.agreement_date, case.closed_on, case.agreement_terms),
        "parties": [(p.position, p.role, p.name, p.gender, p.age, p.birth_date, p.pinyin_full)
                    for p in Party.select().where(Party.case == case_id).order_by(Party.position)],
        "mediators": sorted((m.member_id or 0, m.officer_name, m.role)
                            for m in CaseMediator.select().where(CaseMediator.case == case_id)),
        "sessions": [(s.held_at, s.place, s.result) for s in
                     MediationSession.select().where(MediationSession.case == case_id).order_by(MediationSession.id)],
        "follow_ups": [(f.date, f.performed, f.satisfaction) for f in FollowUp.select().where(FollowUp.case == case_id)],
        "events": [(e.from_status, e.to_status) for e in
                   CaseEvent.select().where(CaseEvent.case == case_id).order_by(CaseEvent.at, CaseEvent.id)],
    }


@pytest.fixture
def volunteer(office):
    return save_member(MemberInput(name="阿依古丽·吐尔逊", skills="调解"), today=TODAY).id


def test_the_batch_makes_what_the_forms_make_step_by_step(volunteer):
    record = full_record(volunteer)
    case = register_case(case_input(), today=TODAY)
    for data in record.parties:
        add_party(case.id, data, today=TODAY)
    add_mediator(case.id, member_id=volunteer)
    add_mediator(case.id, officer_name="李警官", role="记录人")
    add_session(case.id, record.sessions[0], today=TODAY)
    change_status(case.id, "调解中", today=date(2024, 10, 9))
    add_session(case.id, record.sessions[1], today=TODAY)
    save_case(record.case, case.id, today=TODAY)
    change_status(case.id, "调解成功", today=date(2024, 10, 10))
    add_follow_up(case.id, record.follow_ups[0], today=TODAY)
    change_status(case.id, "回访", today=date(2024, 10, 25))
    change_status(case.id, "结案", today=date(2024, 10, 28))
    by_forms = stored(case.id)

    before = AuditLog.select().count()
    [batch_id] = register_cases([record], TODAY)
    by_batch = stored(batch_id)
    assert by_batch["case"][0] == "（2024）夏人调字第002号"  # the 调委会's series
    by_forms["case"] = by_forms["case"][1:]
    by_batch["case"] = by_batch["case"][1:]
    assert by_batch == by_forms
    assert by_batch["case"][0:4] == ("结案", date(2024, 11, 8), date(2024, 10, 10), date(2024, 10, 28))
    assert [e.at for e in CaseEvent.select().where(CaseEvent.case == batch_id).order_by(CaseEvent.id)] == [
        RECEIVED, *(step.at for step in record.steps)]
    assert AuditLog.select().count() == before + 1
    assert Counter.get((Counter.name == "case:夏人调") & (Counter.year == 2024)).value == 2


def test_numbers_run_per_year_in_the_order_given_and_police_deadlines_follow_the_first_session(office):
    save_officers(["买合木提"])
    records = [CaseRecord(case_input(received_at=datetime(2023, 12, 28, 10, 0)), parties()),
               CaseRecord(police_input(received_at=datetime(2024, 1, 2, 10, 0)), police_parties(),
                          sessions=[SessionInput(datetime(2024, 1, 4, 10, 0))],
                          steps=[StepInput("调解中", datetime(2024, 1, 4, 10, 0))]),
               CaseRecord(case_input(received_at=datetime(2024, 1, 3, 10, 0)), parties())]
    ids = register_cases(records, TODAY)
    cases = [Case.get_by_id(i) for i in ids]
    assert [c.number for c in cases] == ["（2023）夏人调字第001号", "（2024）夏派调字第001号", "（2024）夏人调字第001号"]
    police = cases[1]
    assert (police.deadline, police.second_session_deadline) == compute_deadlines("治安调解", date(2024, 1, 2),
                                                                                 date(2024, 1, 4))
    assert police.status == "调解中"


def police_input(**extra) -> CaseInput:
    """A 治安调解 that may be mediated: 案由, both parties' consent, an officer on the list as 主持人."""
    values = {"kind": "治安调解", "category": "邻里", "source": "群众报警", "offence": "殴打他人",
              "parties_consent": True, "host_officer": "买合木提", "summary": "邻里纠纷引起推搡"} | extra
    return case_input(**values)


def police_parties() -> list[PartyInput]:
    return [PartyInput(role="被侵害人", name="艾力·买买提", id_number=ADULT, ethnic="05"),
            PartyInput(role="违法行为人", name="王建国", id_number=OTHER, phone="13912345678")]


def refusal(record: CaseRecord) -> Exception:
    good = CaseRecord(case_input(), parties())
    with pytest.raises((CaseInvalid, CaseRefused)) as info:
        register_cases([good, record], TODAY)
    assert Case.select().count() == 0 and Party.select().count() == 0
    return info.value


def test_each_piece_is_refused_as_its_own_check_refuses_it(volunteer):
    success = [StepInput("调解中", datetime(2024, 10, 9, 10)), StepInput("调解成功", datetime(2024, 10, 9, 12))]
    cases = [
        (CaseRecord(case_input(category="吵架"), parties()), "请选择纠纷类别"),
        (CaseRecord(case_input(), parties() + [PartyInput(role="其他当事人", name="王建国", id_number=OTHER)]),
         "已登记为本案当事人“王建国”"),
        (CaseRecord(case_input(), parties(), sessions=[SessionInput(datetime(2024, 10, 7, 10))]),
         "调解时间不能早于受理日期"),
        (CaseRecord(case_input(), parties(), sessions=[SessionInput(datetime(2024, 10, 8, 8))]),
         "不能早于受理时间"),
        (CaseRecord(case_input(), parties(), steps=[StepInput("调解成功", datetime(2024, 10, 9, 10))]),
         "不能从“受理”直接转为“调解成功”"),
        (CaseRecord(case_input(), parties(), steps=success), "请先填写调解协议内容"),
        (CaseRecord(case_input(oral_agreement=True), parties() + [
            PartyInput(role="其他当事人", name="小明", id_number=MINOR)], steps=success), "达成协议前须登记其监护人"),
        (CaseRecord(case_input(), parties(), steps=[StepInput("调解中", datetime(2024, 10, 9, 10)),
                                                    StepInput("终止", datetime(2024, 10, 9, 12))]),
         "请填写终止调解的原因"),
        (CaseRecord(case_input(), parties(), steps=[StepInput("调解中", datetime(2024, 10, 9, 10))],
                    follow_ups=[FollowUpInput(date(2024, 10, 20))]), "调解结束后才能登记回访"),
        (CaseRecord(case_input(oral_agreement=True), parties(), steps=[
            *success, StepInput("回访", datetime(2024, 10, 20, 10)), StepInput("结案", datetime(2024, 10, 21, 10))]),
         "结案前请至少登记一次回访记录"),
        (CaseRecord(case_input(), parties(), steps=[StepInput("调解中", datetime(2024, 11, 9, 10))]),
         "不能晚于今天"),
        (CaseRecord(case_input(), parties(), [MediatorInput(member_id=volunteer), MediatorInput(member_id=volunteer)]),
         "已是本案的调解员"),
        (CaseRecord(case_input(), parties(), [MediatorInput()]), "二者选一"),
    ]
    for record, message in cases:
        refused = refusal(record)
        assert message in str(refused), message
        assert str(refused).startswith("第2项：")


def test_a_guardian_makes_the_agreement_possible_and_points_to_the_ward(volunteer):
    record = CaseRecord(case_input(oral_agreement=True, agreement_terms="双方互相道歉"),
                        [*parties(), PartyInput(role="其他当事人", name="小明", id_number=MINOR),
                         PartyInput(name="马丽", id_number=PARENT)],
                        steps=[StepInput("调解中", datetime(2024, 10, 9, 10)),
                               StepInput("调解成功", datetime(2024, 10, 9, 12))],
                        guardians={3: 2})
    [case_id] = register_cases([record], TODAY)
    rows = {p.name: p for p in Party.select().where(Party.case == case_id)}
    assert rows["马丽"].role == "监护人" and rows["马丽"].guardian_of_id == rows["小明"].id
    assert rows["小明"].age == 14
    assert Case.get_by_id(case_id).agreement_date == date(2024, 10, 9)


def test_a_deleted_volunteer_cannot_mediate(volunteer):
    delete_member(volunteer)
    refused = refusal(CaseRecord(case_input(), parties(), [MediatorInput(member_id=volunteer)]))
    assert "所选队员不存在或已删除" in str(refused)


def test_without_a_case_prefix_nothing_is_numbered(data_paths):
    with pytest.raises(CaseInvalid) as info:
        register_cases([CaseRecord(case_input(), parties())], TODAY)
    assert "案件编号前缀" in info.value.by_field()["number"]


def test_a_ward_can_be_edited_but_a_guardian_keeps_the_role_while_guarding(office):
    """update_party used to refuse any change to a minor who has a guardian ("此人是本案其他当事人的监护人")."""
    from desktop_app.services.cases.parties import update_party

    case = register_case(case_input(), today=TODAY)
    minor = add_party(case.id, PartyInput(role="申请人", name="小明", id_number=MINOR), today=TODAY)
    guardian = add_party(case.id, PartyInput(role="监护人", name="马丽", id_number=PARENT,
                                             guardian_of_id=minor.id), today=TODAY)
    update_party(minor.id, PartyInput(role="申请人", name="小明", id_number=MINOR, phone="13912345678"), today=TODAY)
    assert Party.get_by_id(minor.id).phone == "13912345678"
    with pytest.raises(CaseInvalid) as refused:
        update_party(guardian.id, PartyInput(role="其他当事人", name="马丽", id_number=PARENT), today=TODAY)
    assert "不能改为其他身份" in refused.value.by_field()["role"]
