"""Dispute mediation as the law requires: the 调委会 and their number series, 治安调解 as its own procedure
(《公安机关治安调解工作规范》 Arts. 2, 3, 4, 8, 9, 10), the deadline rules case by case, consent to continue a
人民调解 past one month, and 司法确认 (人民调解法 Art. 33) with its reminders."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.db.models import AuditLog, Case, Counter
from desktop_app.domain.id_numbers import build_id_number
from desktop_app.services.cases.bodies import (
    assign_unassigned,
    default_body,
    list_bodies,
    save_body,
    save_officers,
    unassigned_count,
)
from desktop_app.services.cases.case_form import CaseInput, case_warnings, load_case, register_case, save_case
from desktop_app.services.cases.fields import CaseInvalid
from desktop_app.services.cases.parties import PartyInput, add_mediator, add_party, update_mediator_role
from desktop_app.services.cases.register import fetch_case_rows
from desktop_app.services.cases.sessions import SessionInput, add_session, delete_session
from desktop_app.services.cases.workflow import CaseRefused, change_status, compute_deadlines, is_overdue
from desktop_app.services.dashboard.figures import dashboard_counts
from desktop_app.services.roster.members import MemberInput, save_member

TODAY = date(2024, 11, 5)
HOST = "买合木提·吐尔逊"
ID_VICTIM = build_id_number("653129", date(1980, 5, 6), 31)
ID_OFFENDER = build_id_number("653123", date(1990, 7, 8), 15)
ID_CHILD = build_id_number("653129", date(2010, 3, 1), 51)  # 14 in 2024


def security(received="2024-10-08 09:30", **extra) -> Case:
    save_officers([HOST, "王建国"])
    values = dict(kind="治安调解", category="邻里", source="群众报警", received_at=received, offence="殴打他人",
                  parties_consent=True, host_officer=HOST, circumstances="推搡一次，致轻微擦伤")
    values.update(extra)
    return register_case(CaseInput(**values), today=TODAY)


def peoples(received="2024-10-08 09:30", **extra) -> Case:
    values = dict(kind="人民调解", category="邻里", source="当事人申请", received_at=received)
    values.update(extra)
    return register_case(CaseInput(**values), today=TODAY)


def both_parties(case: Case) -> None:
    add_party(case.id, PartyInput(role="违法行为人", name="王小明", id_number=ID_OFFENDER), today=TODAY)
    add_party(case.id, PartyInput(role="被侵害人", name="艾力·买买提", id_number=ID_VICTIM), today=TODAY)


def session(case: Case, when: str) -> None:
    add_session(case.id, SessionInput(held_at=when, place="调解室", record="双方陈述"), today=TODAY)


# --- 调委会 and number series ----------------------------------------------------------------------


def test_each_kind_and_body_numbers_in_its_own_series(office):
    other = save_body(None, "夏普吐勒派出所驻所人民调解室", "夏驻调")
    first, second = peoples(), peoples()
    third = peoples(body_id=other.id)
    police = security()
    assert (first.number, second.number) == ("（2024）夏人调字第001号", "（2024）夏人调字第002号")
    assert third.number == "（2024）夏驻调字第001号" and third.body_id == other.id
    assert police.number == "（2024）夏派调字第001号" and police.body_id is None
    assert first.body.name == "夏普吐勒镇人民调解委员会"  # the default 调委会 when none is chosen
    assert {(c.name, c.value) for c in Counter.select()} == {("case:夏人调", 2), ("case:夏驻调", 1),
                                                             ("case:夏派调", 1)}


def test_bodies_are_checked(office):
    with pytest.raises(CaseInvalid) as info:
        save_body(None, "夏普吐勒镇人民调解委员会", "夏派调")
    errors = info.value.by_field()
    assert "已有名为" in errors["name"]
    assert "与本所治安调解编号前缀" in errors["number_prefix"]
    with pytest.raises(CaseInvalid) as info:
        save_body(None, "某某村委会", "村12")
    assert set(info.value.by_field()) == {"name", "number_prefix"}
    with pytest.raises(CaseInvalid) as info:
        save_body(None, "阿亚克吾斯塘村人民调解委员会", "夏人调")
    assert "已由另一个调解组织使用" in info.value.by_field()["number_prefix"]
    body = default_body()
    peoples()
    with pytest.raises(CaseInvalid, match="编号前缀不能再更改"):
        save_body(body.id, body.name, "夏调", is_default=True)
    renamed = save_body(body.id, "夏普吐勒镇人民调解委员会（新址）", "夏人调", is_default=True, seal_image=b"\x89PNG\r\n\x1a\nx")
    assert renamed.has_seal and [b.name for b in list_bodies()][0] == renamed.name
    with pytest.raises(CaseInvalid, match="PNG"):
        save_body(body.id, renamed.name, "夏人调", seal_image=b"GIF89a")


def test_no_body_refuses_peoples_mediation_but_not_security(data_paths):
    from desktop_app.services.office.details import OfficeInfo, save_office

    save_office(OfficeInfo(unit_name="伽师县公安局夏普吐勒派出所", case_prefix="夏派调"))
    with pytest.raises(CaseInvalid) as info:
        peoples()
    assert "人民调解委员会" in info.value.by_field()["number"]
    assert security().number == "（2024）夏派调字第001号"


def test_kind_and_body_are_fixed_once_numbered(office):
    other = save_body(None, "夏普吐勒派出所驻所人民调解室", "夏驻调")
    case = peoples()
    data = load_case(case.id, today=TODAY).data
    data.body_id = other.id
    with pytest.raises(CaseInvalid) as info:
        save_case(data, case.id, today=TODAY)
    assert "调委会在受理登记后不能更改" in info.value.by_field()["body"]


def test_unassigned_cases_keep_their_numbers_and_are_assigned_on_request(office):
    old = Case.create(number="（2023）夏派调字第045号", year=2023, sequence=45, category="邻里", kind="人民调解",
                      received_at=date(2023, 6, 1), status="结案")
    assert unassigned_count() == 1
    assert any("尚未指定人民调解委员会" in w for w in case_warnings(old.id, today=TODAY))
    assert fetch_case_rows([old.id], today=TODAY)[0].body_missing
    assert dashboard_counts(TODAY).unassigned_cases == 1
    assert assign_unassigned(default_body().id) == 1
    stored = Case.get_by_id(old.id)
    assert stored.number == "（2023）夏派调字第045号" and stored.body_id == default_body().id
    assert unassigned_count() == 0
    assert AuditLog.select().where(AuditLog.summary.contains("编号不变")).exists()


# --- 治安调解 as its own procedure -------------------------------------------------------------------


def test_parties_of_each_kind(office):
    police, civil = security(), peoples()
    with pytest.raises(CaseInvalid, match="违法行为人、被侵害人"):
        add_party(police.id, PartyInput(role="申请人", name="王小明"), today=TODAY)
    with pytest.raises(CaseInvalid, match="申请人、被申请人"):
        add_party(civil.id, PartyInput(role="违法行为人", name="王小明"), today=TODAY)
    both_parties(police)
    assert fetch_case_rows([police.id], today=TODAY)[0].parties == "违法行为人：王小明；被侵害人：艾力·买买提"


@pytest.mark.parametrize("exclusion", ["结伙斗殴", "雇凶伤害他人", "寻衅滋事", "多次实施违反治安管理行为"])
def test_article_four_refuses_with_the_reason_and_the_way_instead(office, exclusion):
    with pytest.raises(CaseInvalid) as info:
        security(exclusions=(exclusion,))
    message = info.value.by_field()["exclusions"]
    assert exclusion in message and "第四条" in message and "不适用治安调解" in message
    assert "依法处理" in message and "人民调解" in message
    assert Case.select().count() == 0


def test_only_article_three_offences(office):
    with pytest.raises(CaseInvalid) as info:
        security(offence="盗窃")
    assert "第三条" in info.value.by_field()["offence"]
    with pytest.raises(CaseInvalid) as info:
        security(oral_agreement=True)
    assert "第十条" in info.value.by_field()["oral_agreement"]
    with pytest.raises(CaseInvalid) as info:
        security(source="公安机关移交")
    assert "治安调解的案件来源" in info.value.by_field()["source"]
    with pytest.raises(CaseInvalid) as info:
        peoples(source="义警发现")
    assert "人民调解的案件来源" in info.value.by_field()["source"]


def test_mediation_needs_offence_consent_an_officer_and_both_parties(office):
    case = security(offence="", parties_consent=False, host_officer="")
    add_party(case.id, PartyInput(role="被侵害人", name="艾力·买买提"), today=TODAY)
    with pytest.raises(CaseRefused) as info:
        change_status(case.id, "调解中", today=TODAY)
    for part in ("案由", "双方当事人同意", "民警", "违法行为人"):
        assert part in info.value.message
    data = load_case(case.id, today=TODAY).data
    data.offence, data.parties_consent, data.host_officer = "故意损毁财物", True, "不在名单的人"
    with pytest.raises(CaseInvalid, match="不在本所民警名单中"):
        save_case(data, case.id, today=TODAY)
    data.host_officer = HOST
    save_case(data, case.id, today=TODAY)
    add_party(case.id, PartyInput(role="违法行为人", name="王小明"), today=TODAY)
    assert change_status(case.id, "调解中", today=TODAY).status == "调解中"


def test_a_volunteer_never_hosts_security_mediation(office):
    member = save_member(MemberInput(name="努尔买买提·西热甫", skills="调解"), today=TODAY)
    case = security()
    with pytest.raises(CaseInvalid, match="主持人须为民警"):
        add_mediator(case.id, member_id=member.id, role="主持人")
    helper = add_mediator(case.id, member_id=member.id, role="调解员")
    with pytest.raises(CaseInvalid, match="主持人须为民警"):
        update_mediator_role(helper.id, "主持人")
    civil = peoples()
    assert add_mediator(civil.id, member_id=member.id, role="主持人").role == "主持人"


def test_a_child_under_sixteen_needs_a_guardian_called(office):
    case = security()
    add_party(case.id, PartyInput(role="违法行为人", name="王小明", id_number=ID_CHILD), today=TODAY)
    add_party(case.id, PartyInput(role="被侵害人", name="艾力·买买提"), today=TODAY)
    assert any("第八条" in w for w in case_warnings(case.id, today=TODAY))
    with pytest.raises(CaseRefused, match="第八条"):
        change_status(case.id, "调解中", today=TODAY)
    with pytest.raises(CaseRefused, match="第八条"):
        session(case, "2024-10-09 10:00")


# --- deadlines (Art. 9), one test per case -----------------------------------------------------------


def test_deadline_on_time_first_session_opens_the_second(office):
    case = security(received="2024-10-08 09:30")  # Tuesday: 3 working days → Friday 10-11
    both_parties(case)
    assert Case.get_by_id(case.id).deadline == date(2024, 10, 11)
    session(case, "2024-10-10 15:00")
    stored = Case.get_by_id(case.id)
    # 7 working days, Saturday 2024-10-12 among them (the National Day 调休 working day)
    assert stored.second_session_deadline == date(2024, 10, 18) == stored.deadline
    assert not is_overdue(stored, date(2024, 10, 15))


def test_deadline_late_first_session_stays_overdue(office):
    case = security(received="2024-10-08 09:30")
    both_parties(case)
    session(case, "2024-10-16 10:00")  # after the 10-11 deadline
    stored = Case.get_by_id(case.id)
    assert stored.deadline == date(2024, 10, 11)  # the missed deadline stands
    assert stored.second_session_deadline == date(2024, 10, 25)
    assert is_overdue(stored, date(2024, 10, 17))
    assert fetch_case_rows([case.id], today=date(2024, 10, 17))[0].overdue
    assert any("首次调解晚于第九条规定的期限（2024年10月11日）" in w for w in case_warnings(case.id, today=TODAY))
    assert compute_deadlines("治安调解", date(2024, 10, 8), first_session=date(2024, 10, 16)) == (
        date(2024, 10, 11), date(2024, 10, 25))


def test_deadline_counts_from_the_appraisal_when_one_is_needed(office):
    case = security(received="2024-10-08 09:30", appraisal="伤情鉴定")
    stored = Case.get_by_id(case.id)
    assert stored.deadline is None and not is_overdue(stored, date(2024, 12, 31))
    row = fetch_case_rows([case.id], today=TODAY)[0]
    assert row.deadline_note == "待伤情鉴定" and not row.overdue
    assert any("伤情鉴定文书出具后的3个工作日内" in w for w in case_warnings(case.id, today=TODAY))
    data = load_case(case.id, today=TODAY).data
    data.appraisal_issued_on = "2024-10-25"  # Friday → Wednesday 10-30
    save_case(data, case.id, today=TODAY)
    assert Case.get_by_id(case.id).deadline == date(2024, 10, 30)
    data = load_case(case.id, today=TODAY).data  # as the form reloads after a save (the version moved on)
    data.appraisal, data.appraisal_issued_on = "", None
    save_case(data, case.id, today=TODAY)
    assert Case.get_by_id(case.id).deadline == date(2024, 10, 11)
    data = load_case(case.id, today=TODAY).data
    with pytest.raises(CaseInvalid) as info:
        data.appraisal_issued_on = "2024-10-25"
        save_case(data, case.id, today=TODAY)
    assert "请先选择" in info.value.by_field()["appraisal_issued_on"]


def test_a_third_session_is_refused_with_the_rule(office):
    case = security(received="2024-10-08 09:30")
    both_parties(case)
    session(case, "2024-10-10 10:00")
    session(case, "2024-10-15 10:00")
    with pytest.raises(CaseRefused) as info:
        session(case, "2024-10-17 10:00")
    assert "一般为一次，必要时可以增加一次" in info.value.message and "第九条" in info.value.message
    assert len(load_case(case.id, today=TODAY).sessions) == 2
    civil = peoples()
    for day in (9, 10, 11):
        session(civil, f"2024-10-{day:02d} 10:00")  # 人民调解 knows no such limit
    first = load_case(case.id, today=TODAY).sessions[0]
    delete_session(first.id)
    session(case, "2024-10-17 10:00")  # one gone, one may be added again


def test_consent_to_continue_past_one_month(office):
    case = peoples(received="2024-09-02 10:00")
    assert Case.get_by_id(case.id).deadline == date(2024, 10, 2)
    assert is_overdue(Case.get_by_id(case.id), TODAY)
    data = load_case(case.id, today=TODAY).data
    data.extension_agreed_on = "2024-09-30"
    with pytest.raises(CaseInvalid) as info:
        save_case(data, case.id, today=TODAY)
    assert "同时填写" in info.value.by_field()["extended_deadline"]
    data.extended_deadline = "2024-10-01"
    with pytest.raises(CaseInvalid) as info:
        save_case(data, case.id, today=TODAY)
    assert "应晚于一个月的调解期限" in info.value.by_field()["extended_deadline"]
    data.extended_deadline = "2024-11-30"
    save_case(data, case.id, today=TODAY)
    stored = Case.get_by_id(case.id)
    assert stored.deadline == date(2024, 11, 30) and stored.extension_agreed_on == date(2024, 9, 30)
    assert not is_overdue(stored, TODAY) and not fetch_case_rows([case.id], today=TODAY)[0].overdue


# --- 司法确认 ---------------------------------------------------------------------------------------


def agreed_case(agreed="2024-10-20") -> Case:
    case = peoples(agreement_terms="1. 赔偿3500元。")
    add_party(case.id, PartyInput(role="申请人", name="艾力·买买提"), today=TODAY)
    change_status(case.id, "调解中", today=TODAY)
    data = load_case(case.id, today=TODAY).data
    data.agreement_date = agreed
    save_case(data, case.id, today=TODAY)
    change_status(case.id, "调解成功", today=TODAY)
    return case


def test_judicial_confirmation_reminded_while_the_thirty_days_run(office):
    case = agreed_case("2024-10-20")
    detail = load_case(case.id, today=TODAY)
    assert detail.confirmation_until == date(2024, 11, 19)
    assert any("2024年11月19日前" in w and "司法确认" in w for w in detail.warnings)
    assert fetch_case_rows([case.id], today=TODAY)[0].confirmation_until == date(2024, 11, 19)
    assert dashboard_counts(TODAY).confirmation_reminders == 1
    assert dashboard_counts(date(2024, 11, 20)).confirmation_reminders == 0
    data = detail.data
    data.confirmation_applied_on = "2024-11-25"
    with pytest.raises(CaseInvalid) as info:
        save_case(data, case.id, today=date(2024, 11, 26))
    errors = info.value.by_field()
    assert "三十日内" in errors["confirmation_applied_on"] and "受理申请的人民法院" in errors["confirmation_court"]
    data.confirmation_applied_on, data.confirmation_court = "2024-11-01", "伽师县人民法院"
    data.confirmation_result = "确认有效"
    save_case(data, case.id, today=TODAY)
    assert load_case(case.id, today=TODAY).confirmation_until is None
    assert dashboard_counts(TODAY).confirmation_reminders == 0
    assert Case.get_by_id(case.id).confirmation_court == "伽师县人民法院"


def test_a_body_name_and_a_clause_pass_the_text_hygiene_step(office):
    """What services/cases/bodies.py and wording.py take as typed is cleaned like every other text."""
    from desktop_app.services.cases.wording import office_wording, save_wording

    body = save_body(None, "阿亚克吾斯塘村\x0b人民调解委员会\x07", "阿人调")
    assert body.name == "阿亚克吾斯塘村 人民调解委员会"
    with pytest.raises(CaseInvalid) as info:
        save_body(None, "托万村人民调解委员会\x00", "托人调")
    assert "空字符" in info.value.by_field()["name"]
    assert save_wording("agreement.copies", "本协议书一式{copies}份，\x0b由{body}保存。\x1f").text == \
        "本协议书一式{copies}份，\n由{body}保存。"
    with pytest.raises(CaseInvalid) as info:
        save_wording("agreement.copies", "一式{copies}份\ud800")
    assert "无法识别的字符" in info.value.by_field()["wording"]
    assert office_wording() == {"agreement.copies": "本协议书一式{copies}份，\n由{body}保存。"}
