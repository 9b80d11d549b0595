"""Work records and trainings: what they refuse (dates, kinds, figures, participants not on the roster that
day, hours), one and many saved alike, the qualifications a training grants, and their hours in the
member's service record."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.db.models import (
    Activity,
    ActivityParticipant,
    AuditLog,
    Qualification,
    Training,
    TrainingAttendee,
)
from desktop_app.services.records.activities import (
    ActivityInput,
    ActivityInvalid,
    ParticipantInput,
    save_activities,
    save_activity,
)
from desktop_app.services.records.service_hours import service_record
from desktop_app.services.records.trainings import (
    AttendeeInput,
    TrainingInput,
    TrainingInvalid,
    save_training,
    save_trainings,
)
from desktop_app.services.roster.members import MemberInput, save_member
from desktop_app.services.roster.teams import TeamInput, save_team

TODAY = date(2024, 6, 1)


@pytest.fixture
def people(data_paths):
    team = save_team(TeamInput(name="花城义警队"))
    return {
        "team": team,
        "a": save_member(MemberInput(name="王建国", team_id=team, join_date="2022-01-01"), today=TODAY).id,
        "b": save_member(MemberInput(name="李娜", team_id=team, join_date="2024-05-20"), today=TODAY).id,
        "gone": save_member(MemberInput(name="张伟", team_id=team, join_date="2020-01-01", leave_date="2023-12-31",
                                        status="退出"), today=TODAY).id,
    }


def patrol(people, **changes) -> ActivityInput:
    data = ActivityInput(date="2024-05-25", kind="交通劝导", team_id=people["team"], place="中山路路口",
                         description="劝导不戴头盔行为", people_persuaded=23,
                         participants=[ParticipantInput(people["a"], 2), ParticipantInput(people["b"], "1.5小时")])
    for key, value in changes.items():
        setattr(data, key, value)
    return data


def test_an_activity_with_its_participants_and_their_hours(people):
    activity_id = save_activity(patrol(people), TODAY)
    row = Activity.get_by_id(activity_id)
    assert (row.kind, row.people_persuaded, row.team_id) == ("交通劝导", 23, people["team"])
    hours = {p.member_id: p.hours for p in ActivityParticipant.select()}
    assert hours == {people["a"]: 2.0, people["b"]: 1.5}
    assert service_record(people["b"]).activity_hours == 1.5
    assert AuditLog.select().where(AuditLog.table_name == "activity", AuditLog.record_uuid == row.uuid).exists()


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"date": "2024-06-02"}, "date", "不能晚于今天"),
    ({"date": ""}, "date", "请填写日期"),
    ({"kind": "打扫卫生"}, "kind", "请选择工作类别"),
    ({"team_id": 999}, "team", "所选队伍不存在"),
    ({"people_persuaded": -1}, "people_persuaded", "应在0至"),
    ({"clues_reported": "两条"}, "clues_reported", "应为整数"),
    ({"date": "2024-05-10"}, "participants", "才入队"),
])
def test_what_an_activity_refuses_one_and_many_alike(people, changes, field, message):
    with pytest.raises(ActivityInvalid) as single:
        save_activity(patrol(people, **changes), TODAY)
    assert message in single.value.by_field()[field]
    with pytest.raises(ActivityInvalid) as many:
        save_activities([patrol(people), patrol(people, **changes)], TODAY)
    assert many.value.item == 1 and many.value.by_field() == single.value.by_field()
    assert Activity.select().count() == 0


def test_participants_must_be_on_the_roster_that_day_once_with_hours(people):
    cases = [
        ([ParticipantInput(people["gone"], 2)], "离队"),
        ([ParticipantInput(999, 2)], "队员不存在"),
        ([ParticipantInput(people["a"], 2), ParticipantInput(people["a"], 1)], "重复登记"),
        ([ParticipantInput(people["a"], 0)], "应大于0"),
        ([ParticipantInput(people["a"], 25)], "不超过24小时"),
        ([ParticipantInput(people["a"], "两小时")], "应为数字"),
    ]
    for participants, message in cases:
        with pytest.raises(ActivityInvalid) as refused:
            save_activity(patrol(people, participants=participants), TODAY)
        assert message in refused.value.by_field()["participants"]


def test_a_training_grants_its_skill_to_those_who_passed(people):
    data = TrainingInput("应急救护培训", "2024-05-28", 8, "伽师县红十字会", "心肺复苏", "急救", 24,
                         [AttendeeInput(people["a"]), AttendeeInput(people["b"], 6, passed=False)])
    training_id = save_training(data, TODAY)
    assert Training.get_by_id(training_id).title == "应急救护培训"
    hours = {a.member_id: (a.hours, a.passed) for a in TrainingAttendee.select()}
    assert hours == {people["a"]: (8.0, True), people["b"]: (6.0, False)}
    granted = [(q.member_id, q.skill, q.granted_on, q.expires_on, q.source, q.training_id)
               for q in Qualification.select()]
    assert granted == [(people["a"], "急救", date(2024, 5, 28), date(2026, 5, 28), "培训", training_id)]
    assert service_record(people["a"]).training_hours == 8.0


@pytest.mark.parametrize(("changes", "message"), [
    ({"title": ""}, "请填写培训名称"),
    ({"date": "2024-06-05"}, "不能晚于今天"),
    ({"hours": 0}, "应大于0"),
    ({"valid_months": 0}, "1至120个月"),
    ({"grants_skill": "", "valid_months": 12}, "不授予资质的培训不填写有效期"),
    ({"attendees": [AttendeeInput(1, 9)]}, "不能超过培训学时"),
    ({"date": "2024-05-01", "attendees": [AttendeeInput(2)]}, "才入队"),
])
def test_what_a_training_refuses_one_and_many_alike(people, changes, message):
    data = TrainingInput("人民调解业务培训", "2024-05-28", 6, "伽师县司法局", "", "调解", 36,
                         [AttendeeInput(people["a"])])
    for key, value in changes.items():
        setattr(data, key, value)
    with pytest.raises(TrainingInvalid) as single:
        save_training(data, TODAY)
    assert message in str(single.value)
    good = TrainingInput("岗前培训", "2024-05-28", 4, "夏普吐勒派出所", "", "", None, [AttendeeInput(people["a"])])
    with pytest.raises(TrainingInvalid) as many:
        save_trainings([good, data], TODAY)
    assert many.value.item == 1 and many.value.by_field() == single.value.by_field()
    assert Training.select().count() == 0 and Qualification.select().count() == 0


def test_the_qualification_a_training_grants_is_what_the_schedule_checks(people):
    from datetime import time

    from desktop_app.db.models import DutyPost, Shift
    from desktop_app.services.schedule.assignment_checks import check_assignment

    post = DutyPost.create(name="冬季道路救援点", kind="救援待命", required_skill="急救", headcount=2)
    shifts = {day: Shift.create(post=post, date=day, start=time(9), end=time(17), headcount=2).id
              for day in (date(2024, 5, 27), date(2024, 6, 3), date(2026, 5, 28), date(2026, 5, 29))}

    def skill_refused(day: date) -> bool:
        return any(p.code == "skill" for p in check_assignment(shifts[day], people["a"]))

    assert skill_refused(date(2024, 6, 3))  # no 急救 yet
    save_training(TrainingInput("应急救护培训", "2024-05-28", 8, "伽师县红十字会", "", "急救", 24,
                                [AttendeeInput(people["a"]), AttendeeInput(people["b"], passed=False)]), TODAY)
    assert skill_refused(date(2024, 5, 27))  # the day before the training
    assert not skill_refused(date(2024, 6, 3))
    assert not skill_refused(date(2026, 5, 28))  # the last day of the 24 months
    assert skill_refused(date(2026, 5, 29))
    assert any(p.code == "skill" for p in check_assignment(shifts[date(2024, 6, 3)], people["b"]))  # did not pass
