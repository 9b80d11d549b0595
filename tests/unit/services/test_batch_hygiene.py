"""The hygiene step (domain/text_hygiene.py) on the batch entry points: each batch checks its items with the
single-item check, so a soft line break (\\x0b, what Word/WPS pastes) is cleaned as the form cleans it,
and an unpaired surrogate is refused at its field, naming the item, with nothing of the batch stored."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from desktop_app.db.models import (
    Activity,
    Assignment,
    Case,
    CaseEvent,
    Leave,
    Member,
    Qualification,
    Shift,
    Team,
    Training,
)
from desktop_app.services.cases.batch import CaseRecord, StepInput, register_cases
from desktop_app.services.cases.case_form import CaseInput
from desktop_app.services.cases.fields import CaseInvalid
from desktop_app.services.cases.parties import PartyInput
from desktop_app.services.cases.workflow import CaseRefused
from desktop_app.services.records.activities import ActivityInput, ActivityInvalid, save_activities
from desktop_app.services.records.trainings import TrainingInput, TrainingInvalid, save_trainings
from desktop_app.services.roster.members import (
    LeaveInput,
    MemberInput,
    MemberInvalid,
    add_leaves,
    save_members,
)
from desktop_app.services.roster.qualifications import (
    QualificationInput,
    QualificationInvalid,
    add_qualifications,
)
from desktop_app.services.schedule.assignment_batch import AssignmentBatch
from desktop_app.services.schedule.errors import ScheduleError
from desktop_app.services.schedule.posts import PostInput, save_post

TODAY = date(2024, 6, 1)
SOFT_BREAK = "\x0b"
SURROGATE = "\ud83d"  # half of an emoji, as a broken copy leaves it


def test_save_members_cleans_a_soft_line_break_and_refuses_a_surrogate_naming_the_item(data_paths):
    [member_id] = save_members([MemberInput(name="王建国", address=f"幸福路{SOFT_BREAK}3号",
                                            notes=f"第一行{SOFT_BREAK}第二行")], TODAY)
    stored = Member.get_by_id(member_id)
    assert (stored.address, stored.notes) == ("幸福路 3号", "第一行\n第二行")

    before = Member.select().count()
    with pytest.raises(MemberInvalid) as caught:
        save_members([MemberInput(name="李娜"), MemberInput(name="张伟", occupation=f"司机{SURROGATE}")], TODAY)
    assert caught.value.item == 1
    assert "无法识别的字符" in caught.value.by_field()["occupation"]
    assert Member.select().count() == before


def test_add_leaves_cleans_the_reason_and_refuses_a_surrogate(data_paths):
    member = save_members([MemberInput(name="王建国")], TODAY)[0]
    assert add_leaves([LeaveInput(member, "2024-06-03", "2024-06-04", f"探亲{SOFT_BREAK}返乡")]) == 1
    assert Leave.get(Leave.member == member).reason == "探亲 返乡"

    with pytest.raises(MemberInvalid) as caught:
        add_leaves([LeaveInput(member, "2024-07-01", "2024-07-02", "病假"),
                    LeaveInput(member, "2024-08-01", "2024-08-02", f"事假{SURROGATE}")])
    assert caught.value.item == 1 and "leave_reason" in caught.value.by_field()
    assert Leave.select().count() == 1


def test_add_qualifications_refuses_a_surrogate_in_the_skill(data_paths):
    member = save_members([MemberInput(name="王建国")], TODAY)[0]
    [kept] = add_qualifications([QualificationInput(member, "急救", "2024-01-01", notes=f"红十字会{SOFT_BREAK}颁发")],
                                TODAY)
    assert Qualification.get_by_id(kept).notes == "红十字会\n颁发"
    with pytest.raises(QualificationInvalid) as caught:
        add_qualifications([QualificationInput(member, f"救援{SURROGATE}", "2024-01-01")], TODAY)
    assert "skill" in caught.value.by_field()
    assert Qualification.select().count() == 1


def _case(**changes) -> CaseInput:
    values = {"kind": "人民调解", "category": "邻里", "source": "当事人申请",
              "received_at": datetime(2024, 5, 8, 9, 30), "summary": "邻里因排水沟发生纠纷"} | changes
    return CaseInput(**values)


def _parties() -> list[PartyInput]:
    return [PartyInput(role="申请人", name="艾力·买买提"), PartyInput(role="被申请人", name="王建国")]


def test_register_cases_cleans_the_facts_and_refuses_a_surrogate_in_a_status_note(office):
    [case_id] = register_cases([CaseRecord(_case(facts=f"双方{SOFT_BREAK}争执"), _parties(),
                                           steps=[StepInput("调解中", datetime(2024, 5, 9, 10, 0),
                                                            f"已约{SOFT_BREAK}双方")])], TODAY)
    assert Case.get_by_id(case_id).facts == "双方\n争执"
    assert CaseEvent.get(CaseEvent.case == case_id, CaseEvent.to_status == "调解中").note == "已约\n双方"

    cases_before = Case.select().count()
    with pytest.raises(CaseRefused) as caught:
        register_cases([CaseRecord(_case(), _parties()),
                        CaseRecord(_case(), _parties(), steps=[StepInput("调解中", datetime(2024, 5, 9, 10, 0),
                                                                         f"说明{SURROGATE}")])], TODAY)
    assert "第2项" in caught.value.message and "无法识别的字符" in caught.value.message
    with pytest.raises(CaseInvalid) as refused:
        register_cases([CaseRecord(_case(summary=f"纠纷{SURROGATE}"), _parties())], TODAY)
    assert refused.value.item == 0 and "summary" in refused.value.by_field()
    assert Case.select().count() == cases_before


def test_work_records_and_trainings_in_a_batch_clean_and_refuse_as_one_does(data_paths):
    team = Team.create(name="花城义警队").id
    [kept] = save_activities([ActivityInput(date="2024-05-25", kind="巡逻", team_id=team, place="中山路",
                                            description=f"巡逻{SOFT_BREAK}劝导")], TODAY)
    assert Activity.get_by_id(kept).description == "巡逻\n劝导"
    with pytest.raises(ActivityInvalid) as caught:
        save_activities([ActivityInput(date="2024-05-25", kind="巡逻", team_id=team),
                         ActivityInput(date="2024-05-26", kind="巡逻", team_id=team, place=f"路口{SURROGATE}")],
                        TODAY)
    assert caught.value.item == 1 and "place" in caught.value.by_field()
    assert Activity.select().count() == 1

    [training] = save_trainings([TrainingInput(title="急救培训", date="2024-05-20", hours=2,
                                               content=f"心肺复苏{SOFT_BREAK}止血包扎")], TODAY)
    assert Training.get_by_id(training).content == "心肺复苏\n止血包扎"
    with pytest.raises(TrainingInvalid) as refused:
        save_trainings([TrainingInput(title=f"培训{SURROGATE}", date="2024-05-20", hours=2)], TODAY)
    assert "title" in refused.value.by_field()
    assert Training.select().count() == 1


def test_assignment_batch_cleans_the_reason_and_refuses_a_surrogate(data_paths):
    member = Member.create(name="王建国", skills="巡逻", insurance_expires_on=date(2030, 1, 1),
                           join_date=date(2020, 1, 1)).id
    post = save_post(PostInput(name="中山路巡逻", kind="巡逻")).id
    monday = date(2024, 4, 15)
    shift = Shift.create(post=post, date=monday, start=time(19), end=time(22), headcount=2).id
    batch = AssignmentBatch(monday, monday)
    with pytest.raises(ScheduleError) as caught:
        batch.add(shift, member, reason=f"安排{SURROGATE}")
    assert "无法识别的字符" in caught.value.message
    batch.add(shift, member, reason=f"批量{SOFT_BREAK}安排")
    assert batch.save() == 1
    assert Assignment.get(Assignment.shift == shift).reason == "批量 安排"
