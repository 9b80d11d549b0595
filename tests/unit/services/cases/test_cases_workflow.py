"""The case workflow: the only allowed transitions, numbers that are never reused, deadlines, overdue."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop_app.db.models import AuditLog, Case, CaseEvent, Counter
from desktop_app.domain.id_numbers import build_id_number
from desktop_app.services.cases import workflow as wf
from desktop_app.services.cases.bodies import save_officers
from desktop_app.services.cases.case_form import CaseInput, delete_case, load_case, register_case, save_case
from desktop_app.services.cases.parties import PartyInput, add_party
from desktop_app.services.cases.register import CaseFilter, search_case_ids
from desktop_app.services.cases.sessions import FollowUpInput, SessionInput, add_follow_up, add_session
from desktop_app.services.cases.workflow import (
    CaseRefused,
    TransitionNotAllowed,
    change_status,
    check_transition,
    compute_deadlines,
    is_overdue,
)
from desktop_app.services.dashboard.figures import OPEN_CASE_STATUSES, dashboard_counts

TODAY = date(2024, 11, 5)
ADULT_ID = build_id_number("653129", date(1980, 5, 6), 31)


HOST_OFFICER = "买合木提·吐尔逊"


def new_case(received="2024-10-08 09:30", kind="人民调解", **extra) -> Case:
    if kind == "治安调解":  # what 治安调解工作规范 Arts. 2 and 3 ask before it may be mediated
        save_officers([HOST_OFFICER])
        extra = {"offence": "殴打他人", "parties_consent": True, "host_officer": HOST_OFFICER, **extra}
    return register_case(CaseInput(kind=kind, category="邻里", source="当事人申请", received_at=received,
                                   summary="邻里因排水沟发生纠纷", **extra), today=TODAY)


def with_applicant(case: Case) -> Case:
    """The applicant of a 人民调解; the 被侵害人 and 违法行为人 of a 治安调解."""
    if case.kind == "治安调解":
        add_party(case.id, PartyInput(role="被侵害人", name="艾力·买买提", id_number=ADULT_ID, ethnic="维吾尔族"),
                  today=TODAY)
        add_party(case.id, PartyInput(role="违法行为人", name="王建国", age=40), today=TODAY)
        return case
    add_party(case.id, PartyInput(role="申请人", name="艾力·买买提", id_number=ADULT_ID, ethnic="维吾尔族"),
              today=TODAY)
    return case


def test_open_statuses_match_the_dashboard_count():
    assert wf.OPEN_STATUSES == OPEN_CASE_STATUSES


def test_register_gives_status_number_event_and_audit(office):
    case = new_case()
    assert case.status == "受理"
    assert case.number == "（2024）夏人调字第001号"
    assert (case.year, case.sequence) == (2024, 1)
    events = list(CaseEvent.select().where(CaseEvent.case == case.id))
    assert [(e.from_status, e.to_status) for e in events] == [("", "受理")]
    assert AuditLog.select().where(AuditLog.record_uuid == case.uuid, AuditLog.action == "新增").exists()


def test_register_without_prefix_is_refused(data_paths):
    from desktop_app.services.cases.fields import CaseInvalid

    with pytest.raises(CaseInvalid) as info:
        new_case()
    assert "案件编号前缀" in info.value.by_field()["number"]
    assert Case.select().count() == 0


def test_happy_path_with_agreement(office):
    case = with_applicant(new_case())
    change_status(case.id, "调解中", today=TODAY)
    add_session(case.id, SessionInput(held_at="2024-10-10 10:00", place="警务室", record="双方陈述"), today=TODAY)
    with pytest.raises(CaseRefused, match="协议内容"):
        change_status(case.id, "调解成功", today=TODAY)
    save_case(CaseInput(kind="人民调解", category="邻里", source="当事人申请", received_at="2024-10-08 09:30",
                        agreement_terms="1. 被申请人于十日内疏通排水沟。", agreement_amount="3500"),
              case.id, today=TODAY)
    change_status(case.id, "调解成功", note="双方签字", today=TODAY)
    assert Case.get_by_id(case.id).agreement_date == TODAY
    with pytest.raises(TransitionNotAllowed):
        change_status(case.id, "结案", today=TODAY)
    change_status(case.id, "回访", today=TODAY)
    with pytest.raises(CaseRefused, match="回访记录"):
        change_status(case.id, "结案", today=TODAY)
    add_follow_up(case.id, FollowUpInput(date="2024-11-01", performed="已履行", satisfaction="满意",
                                         visitor="王警官"), today=TODAY)
    change_status(case.id, "结案", today=TODAY)
    detail = load_case(case.id, today=TODAY)
    assert detail.status == "结案" and detail.closed_on == TODAY and detail.allowed_next == ()
    assert detail.outcome_status == "调解成功"
    assert [(e.from_status, e.to_status) for e in detail.events] == [
        ("", "受理"), ("受理", "调解中"), ("调解中", "调解成功"), ("调解成功", "回访"), ("回访", "结案")]
    assert detail.events[2].note == "双方签字"
    changes = AuditLog.select().where(AuditLog.record_uuid == case.uuid, AuditLog.action == "状态变更")
    assert [a.summary for a in changes.order_by(AuditLog.id)][-1] == "回访→结案"


def test_unsuccessful_and_terminated_may_close_directly_or_via_follow_up(office):
    failed = with_applicant(new_case())
    change_status(failed.id, "调解中", today=TODAY)
    change_status(failed.id, "调解不成功", today=TODAY)
    assert wf.allowed_next("调解不成功") == ("回访", "结案")
    change_status(failed.id, "结案", today=TODAY)
    assert load_case(failed.id, today=TODAY).outcome_status == "调解不成功"

    stopped = with_applicant(new_case())
    change_status(stopped.id, "调解中", today=TODAY)
    with pytest.raises(CaseRefused, match="终止调解的原因"):
        change_status(stopped.id, "终止", today=TODAY)
    change_status(stopped.id, "终止", note="申请人撤回申请", today=TODAY)
    change_status(stopped.id, "回访", today=TODAY)
    add_follow_up(stopped.id, FollowUpInput(date=TODAY, performed="未履行"), today=TODAY)
    change_status(stopped.id, "结案", today=TODAY)
    assert Case.get_by_id(stopped.id).status == "结案"


@pytest.mark.parametrize(("from_status", "to_status", "allowed"), [
    ("受理", "结案", "调解中"),
    ("受理", "调解成功", "调解中"),
    ("调解中", "回访", "调解成功、调解不成功、终止"),
    ("调解成功", "结案", "回访"),
])
def test_forbidden_transitions_name_the_allowed_steps(from_status, to_status, allowed):
    with pytest.raises(TransitionNotAllowed) as info:
        check_transition(from_status, to_status)
    assert info.value.message == f"不能从“{from_status}”直接转为“{to_status}”；当前只能转为：{allowed}"


def test_closed_case_cannot_move_and_nothing_changes(office):
    case = with_applicant(new_case())
    with pytest.raises(TransitionNotAllowed, match="当前只能转为：调解中"):
        change_status(case.id, "结案", today=TODAY)
    change_status(case.id, "调解中", today=TODAY)
    change_status(case.id, "调解不成功", today=TODAY)
    change_status(case.id, "结案", today=TODAY)
    events_before = CaseEvent.select().count()
    with pytest.raises(TransitionNotAllowed) as info:
        change_status(case.id, "调解中", today=TODAY)
    assert info.value.message == "案件已“结案”，不能再转为“调解中”"
    assert CaseEvent.select().count() == events_before
    assert Case.get_by_id(case.id).status == "结案"
    with pytest.raises(TransitionNotAllowed, match="未知的案件状态"):
        check_transition("受理", "撤销")


def test_mediation_needs_a_party(office):
    case = new_case()
    with pytest.raises(CaseRefused, match="至少登记一名当事人"):
        change_status(case.id, "调解中", today=TODAY)


def test_numbers_unique_and_never_reused_under_deletes(office):
    first, second, third = new_case(), new_case(), new_case()
    delete_case(second.id, reason="重复登记")
    fourth = new_case()
    sequences = [Case.get_by_id(c.id).sequence for c in (first, second, third, fourth)]
    assert sequences == [1, 2, 3, 4]
    assert fourth.number == "（2024）夏人调字第004号"
    # the deleted case keeps its number, in the register of deleted cases
    assert search_case_ids(CaseFilter(deleted=True), today=TODAY) == [second.id]
    assert second.id not in search_case_ids(CaseFilter(), today=TODAY)
    assert Case.select().where(Case.number == "（2024）夏人调字第002号").count() == 1


def test_numbers_restart_each_year_by_received_date(office):
    old = new_case(received="2023-12-30 16:00")
    new = new_case(received="2024-01-02 09:00")
    older = new_case(received="2023-12-31 10:00")
    assert old.number == "（2023）夏人调字第001号"
    assert new.number == "（2024）夏人调字第001号"
    assert older.number == "（2023）夏人调字第002号"
    assert {(c.year, c.value) for c in Counter.select()} == {(2023, 2), (2024, 1)}


def test_counter_never_falls_behind_imported_numbers(office):
    Case.create(number="（2024）夏人调字第007号", year=2024, sequence=7, category="邻里",
                received_at=datetime(2024, 3, 1, 9))
    assert new_case().sequence == 8


def test_failed_registration_takes_no_number(office):
    from desktop_app.services.cases.fields import CaseInvalid

    with pytest.raises(CaseInvalid):
        register_case(CaseInput(category="不存在的类别", received_at="2024-10-08"), today=TODAY)
    assert new_case().sequence == 1


def test_peoples_mediation_deadline_is_one_month():
    assert compute_deadlines("人民调解", date(2024, 1, 31)) == (date(2024, 2, 29), None)
    assert compute_deadlines("人民调解", date(2023, 1, 31)) == (date(2023, 2, 28), None)
    assert compute_deadlines("人民调解", date(2024, 10, 8)) == (date(2024, 11, 8), None)


def test_public_security_mediation_deadline_skips_national_day():
    # 2024-10-01..07 is the National Day holiday; 2024-09-29 (Sunday) is a swapped working day.
    assert compute_deadlines("治安调解", date(2024, 9, 30)) == (date(2024, 10, 10), None)
    assert compute_deadlines("治安调解", date(2024, 9, 27)) == (date(2024, 10, 8), None)
    # 7 working days after a first session on 2024-10-09, counting Saturday 2024-10-12 (调休).
    second = date(2024, 10, 17)
    assert compute_deadlines("治安调解", date(2024, 9, 30), first_session=date(2024, 10, 9)) == (second, second)


def test_public_security_case_deadline_moves_to_second_session(office):
    case = with_applicant(new_case(received="2024-09-30 11:00", kind="治安调解"))
    assert (case.deadline, case.second_session_deadline) == (date(2024, 10, 10), None)
    add_session(case.id, SessionInput(held_at="2024-10-09 15:00", record="第一次调解未达成协议"), today=TODAY)
    stored = Case.get_by_id(case.id)
    assert stored.second_session_deadline == date(2024, 10, 17)
    assert stored.deadline == date(2024, 10, 17)


def test_overdue_only_while_open(office):
    case = with_applicant(new_case(received="2024-09-30 11:00", kind="治安调解"))
    assert not is_overdue(case, date(2024, 10, 10))
    assert is_overdue(case, date(2024, 10, 11))
    assert dashboard_counts(date(2024, 10, 11)).overdue_cases == 1
    assert search_case_ids(CaseFilter(overdue_only=True), today=date(2024, 10, 11)) == [case.id]
    assert search_case_ids(CaseFilter(overdue_only=True), today=date(2024, 10, 10)) == []
    change_status(case.id, "调解中", today=TODAY)
    change_status(case.id, "调解不成功", today=TODAY)
    assert not is_overdue(Case.get_by_id(case.id), date(2024, 10, 11))
    assert dashboard_counts(date(2024, 10, 11)).overdue_cases == 0


def test_deadline_text():
    class Row:
        status = "受理"
        deadline = date(2024, 10, 10)

    assert wf.deadline_text(Row(), date(2024, 10, 13)) == "2024年10月10日（已超期3天）"
    assert wf.deadline_text(Row(), date(2024, 10, 10)) == "2024年10月10日（今天到期）"
    assert wf.deadline_text(Row(), date(2024, 10, 8)) == "2024年10月10日（还剩2天）"


def test_deleted_case_cannot_change_status(office):
    case = with_applicant(new_case())
    delete_case(case.id)
    with pytest.raises(CaseRefused, match="已删除"):
        change_status(case.id, "调解中", today=TODAY)
