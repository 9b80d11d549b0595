"""The case form's data and checks, parties (minors and guardians), mediators, sessions, follow-ups, the
register's search and rows, and the plain data for the documents (masked unless asked)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from desktop_app.db.models import AuditLog, Case, CaseMediator, Member, Party
from desktop_app.domain.id_numbers import build_id_number
from desktop_app.domain.vocabulary import CASE_CATEGORIES as CATEGORIES
from desktop_app.domain.vocabulary import CASE_KINDS as KINDS
from desktop_app.domain.vocabulary import CASE_SOURCES as SOURCES
from desktop_app.services.cases.case_form import (
    CaseInput,
    case_warnings,
    delete_case,
    load_case,
    register_case,
    restore_case,
    save_case,
)
from desktop_app.services.cases.document_data import (
    case_document_data,
    document_file_name,
    register_data,
    render_document,
)
from desktop_app.services.cases.fields import CaseInvalid
from desktop_app.services.cases.parties import (
    PartyInput,
    add_mediator,
    add_party,
    delete_mediator,
    delete_party,
    list_mediators,
    list_parties,
    reorder_parties,
    update_mediator_role,
    update_party,
)
from desktop_app.services.cases.register import (
    SORT_KEYS,
    CaseFilter,
    count_cases,
    fetch_case_rows,
    search_case_ids,
)
from desktop_app.services.cases.sessions import (
    FollowUpInput,
    SessionInput,
    add_follow_up,
    add_session,
    delete_follow_up,
    delete_session,
    list_follow_ups,
    list_sessions,
    update_follow_up,
    update_session,
)
from desktop_app.services.cases.workflow import CaseRefused, change_status
from desktop_app.services.roster.member_detail import member_sections
from desktop_app.services.roster.members import MemberInput, save_member

TODAY = date(2024, 11, 5)
ID_AILI = build_id_number("653129", date(1980, 5, 6), 31)  # man
ID_GULI = build_id_number("653123", date(1992, 7, 2), 42)  # woman
ID_MINOR = build_id_number("653129", date(2010, 3, 1), 51)  # 14 in 2024
ID_FATHER = build_id_number("653129", date(1978, 8, 8), 11)
PHONE = "13912345678"


def case_input(**extra) -> CaseInput:
    values = dict(kind="人民调解", category="邻里", source="当事人申请", received_at="2024-10-08 09:30",
                  place="夏普吐勒镇3村", summary="因排水沟堵塞引发纠纷")
    values.update(extra)
    return CaseInput(**values)


def register(**extra) -> Case:
    return register_case(case_input(**extra), today=TODAY)


def party(case_id: int, role="申请人", name="艾力·买买提", **extra) -> Party:
    return add_party(case_id, PartyInput(role=role, name=name, **extra), today=TODAY)


def test_vocabularies_are_those_of_the_design():
    assert KINDS == ("人民调解", "治安调解")
    assert CATEGORIES == ("婚姻家庭", "邻里", "房屋宅基地", "合同", "债务", "生产经营", "损害赔偿", "山林土地",
                          "劳动争议", "消费", "道路交通事故", "物业", "村务管理", "其他")
    assert SOURCES == ("当事人申请", "群众报警", "义警发现", "主动调解", "公安机关移交", "法院委托", "政府指定")


# --- the case form -------------------------------------------------------------------------------


def test_case_form_checks_every_field(office):
    with pytest.raises(CaseInvalid) as info:
        register_case(CaseInput(kind="民事调解", category="", source="路过", received_at="2024-13-01",
                                    agreement_amount="三千", copies="0", host_officer="张3",
                                    place="村" * 201), today=TODAY)
    errors = info.value.by_field()
    assert set(errors) == {"kind", "category", "source", "received_at", "agreement_amount", "copies",
                           "host_officer", "place"}
    assert errors["received_at"].startswith("受理时间：日期不存在")
    assert errors["agreement_amount"] == "协议金额应为数字，如 3500 或 3500.50"
    assert Case.select().count() == 0


def test_dates_and_amounts_are_checked_against_each_other(office):
    with pytest.raises(CaseInvalid) as info:
        register(received_at="2024-11-06", agreement_date="2024-10-01", performance_deadline="2024-09-01",
                 incident_at="2024-11-07 10:00", agreement_amount="-5")
    errors = info.value.by_field()
    assert errors["received_at"] == "受理时间不能晚于今天"
    assert errors["performance_deadline"] == "履行期限不能早于协议日期"
    assert errors["incident_at"] == "案发时间不能晚于受理时间"
    assert errors["agreement_amount"] == "协议金额不能为负数"


def test_save_and_load_round_trip(office):
    case = register(agreement_terms="1. 赔偿3500元", agreement_amount="３,５００元", copies="4",
                    received_at="2024年10月8日 9:30")
    stored = Case.get_by_id(case.id)
    assert stored.received_at == datetime(2024, 10, 8, 9, 30)
    assert stored.agreement_amount == Decimal("3500.00") and stored.copies == 4
    detail = load_case(case.id, today=TODAY)
    assert detail.number == "（2024）夏人调字第001号" and detail.status == "受理"
    assert detail.allowed_next == ("调解中",)
    assert detail.data.agreement_amount == Decimal("3500.00")
    assert detail.deadline == date(2024, 11, 8)
    assert detail.warnings == ["尚未登记当事人"]

    changed = detail.data
    changed.kind, changed.summary = "治安调解", "改为治安调解"
    with pytest.raises(CaseInvalid) as info:  # the kinds are registered (and numbered) separately
        save_case(changed, case.id, today=TODAY)
    assert "调解类型在受理登记后不能更改" in info.value.by_field()["kind"]
    changed.kind = "人民调解"
    save_case(changed, case.id, today=TODAY)
    stored = Case.get_by_id(case.id)
    assert stored.kind == "人民调解" and stored.summary == "改为治安调解" and stored.deadline == date(2024, 11, 8)
    assert stored.number == "（2024）夏人调字第001号"
    actions = [a.action for a in AuditLog.select().where(AuditLog.record_uuid == case.uuid)]
    assert actions.count("新增") == 1 and actions.count("修改") == 1
    security = register(kind="治安调解", source="群众报警")
    assert security.number == "（2024）夏派调字第001号" and security.deadline == date(2024, 10, 11)


def test_deleted_case_is_read_only_until_restored(office):
    case = register()
    delete_case(case.id, reason="重复登记")
    with pytest.raises(CaseRefused, match="已删除"):
        save_case(case_input(summary="x"), case.id, today=TODAY)
    with pytest.raises(CaseRefused, match="已删除"):
        party(case.id)
    restore_case(case.id)
    save_case(case_input(summary="恢复后修改"), case.id, today=TODAY)
    summaries = [a.summary for a in AuditLog.select().where(AuditLog.action.in_(["删除", "恢复"]))]
    assert summaries == ["删除案件 （2024）夏人调字第001号，原因：重复登记", "恢复案件 （2024）夏人调字第001号"]


# --- parties -------------------------------------------------------------------------------------


def test_party_checks(office):
    case = register()
    with pytest.raises(CaseInvalid) as info:
        party(case.id, role="证人", name="张3", id_number="653129198005060000", phone="12345", ethnic="火星族",
              age="abc")
    assert set(info.value.by_field()) == {"role", "name", "id_number", "phone", "ethnic", "age"}

    first = party(case.id, id_number=ID_AILI, phone="139 1234 5678", ethnic="维族", gender="男",
                  address="夏普吐勒镇3村2组18号")
    assert (first.gender, first.birth_date, first.age) == ("男", date(1980, 5, 6), 44)
    assert first.phone == PHONE and first.ethnic_code == "05"
    assert first.pinyin_initials.startswith("al")
    with pytest.raises(CaseInvalid) as info:
        party(case.id, name="艾力", id_number=ID_AILI)
    assert "已登记为本案当事人“艾力·买买提”" in info.value.by_field()["id_number"]
    with pytest.raises(CaseInvalid) as info:
        party(case.id, name="古丽", id_number=ID_GULI, gender="男", age=20)
    assert set(info.value.by_field()) == {"gender", "age"}
    landline = party(case.id, role="被申请人", name="王  建国", phone="0998 1234567")
    assert landline.name == "王建国" and landline.phone == "0998-1234567"


def test_minor_needs_a_guardian_before_the_agreement(office):
    case = register(agreement_terms="1. 双方互相谅解。")
    party(case.id, id_number=ID_AILI)
    minor = party(case.id, role="被申请人", name="阿依古丽·艾力", id_number=ID_MINOR)
    assert minor.age == 14
    detail = load_case(case.id, today=TODAY)
    assert "当事人“阿依古丽·艾力”未满18周岁，请登记其监护人（达成协议前必须登记）" in detail.warnings
    assert [p.is_minor for p in detail.parties] == [False, True]
    rows = fetch_case_rows([case.id], today=TODAY)
    assert rows[0].guardian_missing

    change_status(case.id, "调解中", today=TODAY)
    with pytest.raises(CaseRefused, match="“阿依古丽·艾力”未满18周岁，达成协议前须登记其监护人"):
        change_status(case.id, "调解成功", today=TODAY)

    with pytest.raises(CaseInvalid) as info:
        party(case.id, role="监护人", name="艾力·买买提", id_number=ID_FATHER)
    assert info.value.by_field()["guardian_of"] == "请选择由其监护的本案当事人"
    with pytest.raises(CaseInvalid) as info:
        party(case.id, role="监护人", name="小明", age=16, guardian_of_id=minor.id)
    assert info.value.by_field()["age"] == "监护人应年满18周岁"
    guardian = party(case.id, role="监护人", name="艾力·吐尔逊", id_number=ID_FATHER, guardian_of_id=minor.id)
    assert load_case(case.id, today=TODAY).parties[2].guardian_of_name == "阿依古丽·艾力"
    assert not fetch_case_rows([case.id], today=TODAY)[0].guardian_missing

    with pytest.raises(CaseRefused, match="请先删除或修改其监护人“艾力·吐尔逊”"):
        delete_party(minor.id)
    change_status(case.id, "调解成功", today=TODAY)
    assert Case.get_by_id(case.id).status == "调解成功"
    assert guardian.guardian_of_id == minor.id


def test_minor_by_age_only(office):
    case = register()
    party(case.id, name="小红", age="15岁")
    assert case_warnings(case.id, today=TODAY)[-1].startswith("当事人“小红”未满18周岁")


def test_update_reorder_and_delete_parties(office):
    case = register()
    a = party(case.id, name="甲某某")
    b = party(case.id, role="被申请人", name="乙某某")
    update_party(b.id, PartyInput(role="被申请人", name="乙某", phone=PHONE), today=TODAY)
    reorder_parties(case.id, [b.id, a.id])
    assert [p.name for p in list_parties(case.id)] == ["乙某", "甲某某"]
    with pytest.raises(CaseRefused):
        reorder_parties(case.id, [a.id])
    delete_party(a.id)
    assert [p.name for p in list_parties(case.id)] == ["乙某"]
    assert AuditLog.select().where(AuditLog.table_name == "party", AuditLog.action == "删除").count() == 1


# --- mediators, sessions, follow-ups -------------------------------------------------------------


def test_volunteer_mediator_shows_on_the_member_page(office):
    case = register()
    member = save_member(MemberInput(name="努尔买买提·西热甫", skills="调解"), today=TODAY)
    add_mediator(case.id, member_id=member.id, role="调解员")
    add_mediator(case.id, officer_name="王警官", role="主持人")
    add_mediator(case.id, officer_name="李娜", role="记录人")
    with pytest.raises(CaseInvalid, match="已是本案的调解员"):
        add_mediator(case.id, member_id=member.id)
    with pytest.raises(CaseInvalid, match="二者选一"):
        add_mediator(case.id, member_id=member.id, officer_name="王警官")
    with pytest.raises(CaseInvalid, match="二者选一"):
        add_mediator(case.id)
    mediators = list_mediators(case.id)
    assert [(m.name, m.role, m.is_volunteer) for m in mediators] == [
        ("王警官", "主持人", False), ("努尔买买提·西热甫", "调解员", True), ("李娜", "记录人", False)]
    assert member_sections(member.id).cases_mediated == 1
    assert search_case_ids(CaseFilter(member_id=member.id), today=TODAY) == [case.id]
    update_mediator_role(mediators[1].id, "主持人")
    delete_mediator(mediators[2].id)
    assert CaseMediator.select().count() == 2


def test_sessions_and_follow_ups(office):
    case = register()
    with pytest.raises(CaseInvalid) as info:
        add_session(case.id, SessionInput(held_at="2024-10-01 10:00"), today=TODAY)
    assert info.value.by_field()["held_at"] == "调解时间不能早于受理日期"
    session = add_session(case.id, SessionInput(held_at="2024-10-09 10:00", place="调解室",
                                                    present="双方及调解员", record="听取陈述", result="继续协商"),
                              today=TODAY)
    update_session(session.id, SessionInput(held_at="2024-10-09 11:00", record="改"), today=TODAY)
    assert list_sessions(case.id)[0].held_at == datetime(2024, 10, 9, 11, 0)

    with pytest.raises(CaseRefused, match="调解结束后才能登记回访"):
        add_follow_up(case.id, FollowUpInput(date="2024-11-01"), today=TODAY)
    party(case.id)
    change_status(case.id, "调解中", today=TODAY)
    change_status(case.id, "调解不成功", today=TODAY)
    with pytest.raises(CaseInvalid) as info:
        add_follow_up(case.id, FollowUpInput(date="2024-11-01", performed="差不多"), today=TODAY)
    assert "履行情况" in info.value.by_field()["performed"]
    follow_up = add_follow_up(case.id, FollowUpInput(date="2024-11-01", performed="未履行",
                                                         satisfaction="基本满意", visitor="王警官"), today=TODAY)
    update_follow_up(follow_up.id, FollowUpInput(date="2024-11-02", satisfaction="满意"), today=TODAY)
    assert list_follow_ups(case.id)[0].date == date(2024, 11, 2)
    delete_follow_up(follow_up.id)
    delete_session(session.id)
    assert list_sessions(case.id) == [] and list_follow_ups(case.id) == []


# --- the register --------------------------------------------------------------------------------


@pytest.fixture
def register_cases(office) -> dict[str, int]:
    made = {}
    a = register(received_at="2024-09-02 10:00", category="婚姻家庭")
    party(a.id, name="努尔买买提·西热甫")
    party(a.id, role="被申请人", name="阿依古丽·买买提")
    made["a"] = a.id
    b = register(received_at="2024-10-08 09:00", kind="治安调解", category="邻里")
    party(b.id, role="被侵害人", name="王建国")
    party(b.id, role="违法行为人", name="曾小明")
    made["b"] = b.id
    c = register(received_at="2024-11-01 15:00", category="债务")
    party(c.id, name="李娜")
    add_mediator(c.id, officer_name="张警官")
    made["c"] = c.id
    d = register(received_at="2024-11-02 15:00", category="债务")
    delete_case(d.id)
    made["d"] = d.id
    return made


def search(**kwargs) -> list[int]:
    return search_case_ids(CaseFilter(**kwargs), today=TODAY)


def test_register_newest_first_and_no_deleted(register_cases):
    r = register_cases
    assert search() == [r["c"], r["b"], r["a"]]
    assert search(deleted=True) == [r["d"]]
    assert count_cases() == 3 and count_cases(deleted=True) == 1


def test_register_text_search(register_cases):
    r = register_cases
    assert search(text="努尔") == [r["a"]]
    assert search(text="nuer") == [r["a"]]
    assert search(text="NEMM") == [r["a"]]  # initials, any case
    assert search(text="ayigu") == [r["a"]]
    assert search(text="zeng") == [r["b"]] and search(text="ceng") == [r["b"]]
    assert search(text="002号") == [r["c"]]
    assert search(text="（2024）夏人调字第002号") == [r["c"]]
    assert search(text="(2024)夏人调字第002号") == [r["c"]]
    assert search(text="夏人调") == [r["c"], r["a"]]
    assert search(text="夏派调") == [r["b"]]
    assert search(text="不存在的人") == []


def test_register_filters(register_cases):
    r = register_cases
    assert search(category="债务") == [r["c"]]
    assert search(kind="治安调解") == [r["b"]]
    assert search(status="受理") == [r["c"], r["b"], r["a"]]
    assert search(date_from=date(2024, 10, 8), date_to=date(2024, 11, 1)) == [r["c"], r["b"]]
    assert search(date_to=date(2024, 10, 7)) == [r["a"]]
    # 治安调解 received 2024-10-08 is due 2024-10-11; 人民调解 of 2024-09-02 due 2024-10-02
    assert search(overdue_only=True) == [r["b"], r["a"]]


def test_register_sorting(register_cases):
    r = register_cases
    assert search_case_ids(sort_key="number", descending=False, today=TODAY) == [r["a"], r["b"], r["c"]]
    assert search_case_ids(sort_key="deadline", descending=False, today=TODAY) == [r["a"], r["b"], r["c"]]
    # in the order of the form's list (婚姻家庭, 邻里, …, 债务), not by code point
    assert search_case_ids(sort_key="category", descending=False, today=TODAY) == [r["a"], r["b"], r["c"]]
    assert search_case_ids(sort_key="kind", today=TODAY) == [r["b"], r["c"], r["a"]]
    for key in SORT_KEYS:
        for descending in (False, True):
            assert sorted(search_case_ids(sort_key=key, descending=descending, today=TODAY)) == sorted(
                [r["a"], r["b"], r["c"]])
    with pytest.raises(ValueError):
        search_case_ids(sort_key="parties")


def test_register_rows(register_cases):
    r = register_cases
    rows = fetch_case_rows([r["b"], r["c"], 99999], today=TODAY)
    assert [row.id for row in rows] == [r["b"], r["c"]]
    b, c = rows
    assert b.number == "（2024）夏派调字第001号" and b.received_on == date(2024, 10, 8)
    assert b.parties == "违法行为人：曾小明；被侵害人：王建国"
    assert b.overdue and not c.overdue
    assert c.mediators == "张警官" and c.deadline == date(2024, 12, 1)


def test_register_page_costs_three_queries(register_cases, monkeypatch):
    from desktop_app.db.database import db

    ids = search_case_ids(today=TODAY)
    calls = []
    real = db.obj.execute_sql
    monkeypatch.setattr(db.obj, "execute_sql", lambda *a, **k: calls.append(a[0]) or real(*a, **k))
    fetch_case_rows(ids, today=TODAY)
    assert len(calls) == 3


# --- plain data for documents --------------------------------------------------------------------


def full_case(office) -> Case:
    case = register(kind="治安调解", agreement_terms="1. 赔偿医药费3500元。", agreement_amount="3500",
                    performance_way="现金", copies=3, incident_at="2024-10-07 20:00", incident_place="巴扎",
                    incident_cause="口角")
    party(case.id, role="被侵害人", id_number=ID_AILI, phone=PHONE, ethnic="05", address="夏普吐勒镇3村2组18号")
    minor = party(case.id, role="违法行为人", name="阿依古丽·艾力", id_number=ID_MINOR)
    party(case.id, role="监护人", name="艾力·吐尔逊", id_number=ID_FATHER, guardian_of_id=minor.id)
    add_mediator(case.id, officer_name="王警官", role="主持人")
    add_mediator(case.id, officer_name="李娜", role="记录人")
    add_session(case.id, SessionInput(held_at="2024-10-09 10:00", record="双方同意调解"), today=TODAY)
    return case


def test_case_document_data_is_masked_by_default(office):
    case = full_case(office)
    data = case_document_data(case.id, today=TODAY)
    assert data.unit_name == "伽师县公安局夏普吐勒派出所" and data.parent_unit == "伽师县公安局"
    assert data.number == "（2024）夏派调字第001号" and data.masked
    applicant = data.parties[0]
    assert applicant.id_number == ID_AILI[:6] + "********" + ID_AILI[-4:]
    assert applicant.phone == "139****5678"
    assert applicant.address == "夏普吐勒镇****"
    assert applicant.ethnic == "维吾尔族"
    assert data.parties[2].guardian_of == "阿依古丽·艾力"
    assert data.mediating_authority == "伽师县公安局夏普吐勒派出所"
    assert data.host_officer == "王警官" and data.mediators == ["王警官"] and data.recorder == "李娜"
    assert data.agreement_amount == Decimal("3500.00")
    assert len(data.sessions) == 1 and data.printed_on == TODAY
    text = repr(data)
    assert ID_AILI not in text and PHONE not in text
    assert not AuditLog.select().where(AuditLog.action == "完整信息").exists()


def test_full_identity_is_audit_logged(office):
    case = full_case(office)
    data = case_document_data(case.id, masked=False, today=TODAY)
    assert data.parties[0].id_number == ID_AILI and data.parties[0].phone == PHONE
    assert data.parties[0].address == "夏普吐勒镇3村2组18号" and not data.masked
    entry = AuditLog.get(AuditLog.action == "完整信息")
    assert entry.record_uuid == case.uuid
    assert ID_AILI not in entry.summary and PHONE not in entry.summary


def test_register_data_for_a_period(register_cases):
    data = register_data(period=(date(2024, 9, 1), date(2024, 10, 31)), today=TODAY)
    assert data.unit_name == "伽师县公安局夏普吐勒派出所"
    assert (data.period_from, data.period_to) == (date(2024, 9, 1), date(2024, 10, 31))
    assert [row.number for row in data.rows] == ["（2024）夏人调字第001号", "（2024）夏派调字第001号"]
    assert data.rows[0].overdue and data.rows[0].parties.startswith("申请人：努尔买买提·西热甫")
    chosen = register_data([register_cases["c"], register_cases["a"]], today=TODAY)
    assert [row.received_on for row in chosen.rows] == [date(2024, 9, 2), date(2024, 11, 1)]
    assert (chosen.period_from, chosen.period_to) == (date(2024, 9, 2), date(2024, 11, 1))


def test_render_document_refusals(office):
    case = register()
    with pytest.raises(CaseRefused, match="尚无调解记录"):
        render_document(case.id, "调解记录", today=TODAY)
    with pytest.raises(CaseRefused, match="尚无回访记录"):
        render_document(case.id, "回访记录", today=TODAY)
    with pytest.raises(CaseRefused, match="尚未填写协议内容"):
        render_document(case.id, "调解协议书", today=TODAY)
    with pytest.raises(ValueError):
        render_document(case.id, "判决书", today=TODAY)
    assert document_file_name(case.id, "调解协议书") == "（2024）夏人调字第001号-调解协议书.pdf"
    assert not AuditLog.select().where(AuditLog.action == "打印").exists()


def test_members_are_not_touched(office):
    register()
    assert Member.select().count() == 0
