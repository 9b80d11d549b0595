"""Recorded service hours: attended duty + activities + trainings, per kind, in a period."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from desktop_app.db.models import (
    Activity,
    ActivityParticipant,
    Assignment,
    DutyPost,
    Shift,
    Team,
    Training,
    TrainingAttendee,
)
from desktop_app.services.records.service_hours import (
    SOURCE_ACTIVITY,
    SOURCE_DUTY,
    SOURCE_TRAINING,
    format_hours,
    hours_by_member,
    service_record,
)
from desktop_app.services.roster.members import MemberInput, save_member

TODAY = date(2024, 12, 31)


@pytest.fixture
def members(data_paths) -> tuple[int, int, int]:
    team = Team.create(name="夏普吐勒义警一中队")
    ids = [save_member(MemberInput(name=name, team_id=team.id), today=TODAY).id
           for name in ("努尔买买提·西热甫", "王小明", "李娜")]
    return ids[0], ids[1], ids[2]


def duty(member_id: int, day: date, status: str, hours: float, kind: str = "巡逻") -> None:
    post = DutyPost.get_or_none(DutyPost.kind == kind) or DutyPost.create(name=f"{kind}岗", kind=kind)
    shift = Shift.create(post=post, date=day, start=time(8), end=time(12))
    Assignment.create(shift=shift, member=member_id, status=status, hours=hours)


def activity(member_id: int, day: date, hours: float, kind: str = "送证上门", deleted: bool = False) -> None:
    record = Activity.create(date=day, kind=kind, deleted_at=datetime(2024, 5, 1) if deleted else None)
    ActivityParticipant.create(activity=record, member=member_id, hours=hours)


def training(member_id: int, day: date, hours: float, deleted: bool = False) -> None:
    record = Training.create(title="急救培训", date=day, hours=hours,
                             deleted_at=datetime(2024, 5, 1) if deleted else None)
    TrainingAttendee.create(training=record, member=member_id, hours=hours)


def test_hours_from_attendance_activities_and_trainings(members):
    nur, wang, _li = members
    duty(nur, date(2024, 3, 1), "已到", 4)
    duty(nur, date(2024, 3, 2), "迟到", 3.5)
    duty(nur, date(2024, 3, 3), "缺勤", 4)  # not attended: no hours
    duty(nur, date(2024, 3, 4), "请假", 4)
    duty(nur, date(2024, 3, 5), "已排", 4)
    duty(nur, date(2024, 4, 1), "已到", 1.5, kind="护学岗")
    activity(nur, date(2024, 5, 1), 2)
    activity(nur, date(2024, 5, 2), 3, deleted=True)  # a deleted activity does not count
    activity(nur, date(2024, 5, 3), 0, kind="隐患报告")
    training(nur, date(2024, 6, 1), 8)
    training(nur, date(2024, 6, 2), 5, deleted=True)
    duty(wang, date(2024, 3, 1), "已到", 10)  # someone else's

    record = service_record(nur, date(2024, 1, 1), TODAY)
    assert record.total_hours == 4 + 3.5 + 1.5 + 2 + 8
    assert (record.duty_hours, record.activity_hours, record.training_hours) == (9, 2, 8)
    assert [(i.source, i.kind, i.label, i.count, i.hours) for i in record.items] == [
        (SOURCE_DUTY, "巡逻", "巡逻执勤", 2, 7.5),
        (SOURCE_DUTY, "护学岗", "护学岗执勤", 1, 1.5),
        (SOURCE_ACTIVITY, "隐患报告", "隐患报告", 1, 0),
        (SOURCE_ACTIVITY, "送证上门", "送证上门", 1, 2),
        (SOURCE_TRAINING, "培训", "业务培训", 1, 8),
    ]
    assert record.content == "巡逻执勤7.5小时、护学岗执勤1.5小时、隐患报告1次、送证上门2小时、业务培训8小时"
    assert (record.first_date, record.last_date) == (date(2024, 3, 1), date(2024, 6, 1))


def test_period_bounds_are_inclusive(members):
    nur, _wang, _li = members
    duty(nur, date(2023, 12, 31), "已到", 4)
    duty(nur, date(2024, 1, 1), "已到", 2)
    activity(nur, date(2024, 12, 31), 3)
    training(nur, date(2025, 1, 1), 8)
    assert service_record(nur, date(2024, 1, 1), date(2024, 12, 31)).total_hours == 5
    assert service_record(nur).total_hours == 17
    assert service_record(nur, date(2024, 1, 2), date(2024, 12, 30)).items == ()
    assert service_record(nur, date(2024, 1, 2), date(2024, 12, 30)).content == ""
    with pytest.raises(ValueError):
        service_record(nur, date(2024, 2, 1), date(2024, 1, 1))


def test_hours_by_member_in_grouped_queries(members):
    nur, wang, li = members
    duty(nur, date(2024, 3, 1), "已到", 4)
    activity(nur, date(2024, 3, 2), 2)
    training(wang, date(2024, 3, 3), 8)
    duty(wang, date(2023, 3, 3), "已到", 100)
    duty(li, date(2024, 3, 3), "缺勤", 4)
    year = (date(2024, 1, 1), date(2024, 12, 31))
    assert hours_by_member([nur, wang, li], *year) == {nur: 6, wang: 8}
    assert hours_by_member([wang]) == {wang: 108}
    assert hours_by_member(None, *year) == {nur: 6, wang: 8}
    assert hours_by_member([], *year) == {}
    many = list(range(10_000, 11_200)) + [nur]  # more ids than one IN list holds
    assert hours_by_member(many, *year) == {nur: 6}


def test_hours_agree_with_the_record(members):
    nur, _wang, _li = members
    for day in range(1, 20):
        duty(nur, date(2024, 4, day), "已到", 0.75, kind="交通劝导")
    assert hours_by_member([nur])[nur] == service_record(nur).total_hours == 14.25


@pytest.mark.parametrize(("hours", "text"), [(120.0, "120"), (12.5, "12.5"), (0.67, "0.7"), (14.25, "14.3"),
                                             (0.04, "0"), (3.96, "4")])
def test_format_hours(hours, text):
    assert format_hours(hours) == text
