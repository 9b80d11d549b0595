"""Attendance per shift: everyone present except …, actual times, hours into the service record."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from desktop_app.db.models import Assignment, AuditLog, Member, Shift
from desktop_app.services.roster.member_detail import member_sections
from desktop_app.services.schedule.attendance import (
    AttendanceInvalid,
    member_hours,
    record_attendance,
    shift_attendance,
    shifts_awaiting_attendance,
)
from desktop_app.services.schedule.errors import ScheduleError
from desktop_app.services.schedule.posts import PostInput, save_post

DAY = date(2024, 4, 15)
LATER = datetime(2024, 4, 20, 12, 0)


@pytest.fixture
def evening(data_paths):
    post = save_post(PostInput(name="中山路商圈巡逻")).id
    shift = Shift.create(post=post, date=DAY, start=time(19), end=time(22), headcount=4)
    people = [Member.create(name=name).id for name in ("王建国", "李秀英", "阿依古丽", "努尔买买提·西热甫")]
    for member_id in people:
        Assignment.create(shift=shift, member=member_id)
    return shift.id, people


def test_everyone_present_except(evening):
    shift, (wang, li, ayi, nur) = evening
    rows = record_attendance(
        shift, absent={li: "缺勤", ayi: "迟到", nur: "请假"},
        actual={ayi: (datetime(2024, 4, 15, 19, 40), datetime(2024, 4, 15, 22, 5))}, now=LATER)
    assert [(r.member_id, r.status, r.hours) for r in rows] == [
        (wang, "已到", 3.0), (li, "缺勤", 0.0), (ayi, "迟到", 2.4), (nur, "请假", 0.0)]
    assert rows[2].actual_start == datetime(2024, 4, 15, 19, 40)
    assert member_hours(ayi, DAY, DAY) == 2.4
    assert member_hours(li, DAY, DAY) == 0
    log = AuditLog.get(AuditLog.action == "考勤")
    assert log.summary == "登记考勤 2024-04-15 19:00–22:00：已到 1 人，缺勤 1 人，迟到 1 人，请假 1 人"


def test_recording_again_corrects_and_hours_reach_the_service_record(evening):
    shift, (wang, li, _, _) = evening
    record_attendance(shift, absent={wang: "缺勤"}, now=LATER)
    record_attendance(shift, actual={wang: (datetime(2024, 4, 15, 18, 55), datetime(2024, 4, 15, 22, 31))},
                      now=LATER)
    assert Assignment.get(Assignment.member == wang).hours == 3.6
    assert member_sections(wang).hours_total == 3.6
    assert member_sections(li).hours_total == 3.0
    assert [r.status for r in shift_attendance(shift)] == ["已到"] * 4


def test_overnight_shift_length(data_paths):
    post = save_post(PostInput(name="警务站值守", kind="警务站值守")).id
    shift = Shift.create(post=post, date=DAY, start=time(20), end=time(8, 30))
    member = Member.create(name="王建国").id
    Assignment.create(shift=shift, member=member)
    with pytest.raises(ScheduleError, match="班次尚未开始"):
        record_attendance(shift.id, now=datetime(2024, 4, 15, 19, 59))
    assert record_attendance(shift.id, now=datetime(2024, 4, 15, 20, 0))[0].hours == 12.5


def test_future_shift_is_refused(evening):
    shift, _ = evening
    with pytest.raises(ScheduleError, match="班次尚未开始，不能登记考勤"):
        record_attendance(shift, now=datetime(2024, 4, 14, 9, 0))
    assert Assignment.select().where(Assignment.status != "已排").count() == 0


def test_wrong_entries_are_all_reported_and_nothing_is_saved(evening):
    shift, (wang, li, ayi, nur) = evening
    stranger = Member.create(name="外人").id
    with pytest.raises(AttendanceInvalid) as info:
        record_attendance(
            shift, absent={li: "早退", ayi: "迟到", nur: "缺勤", stranger: "缺勤"},
            actual={wang: (datetime(2024, 4, 15, 22), datetime(2024, 4, 15, 19)),
                    nur: (datetime(2024, 4, 15, 19), datetime(2024, 4, 15, 22))},
            now=LATER)
    messages = [e.message for e in info.value.errors]
    assert messages == [
        "该队员不在本班次上",
        "考勤状态应为 已到 / 缺勤 / 迟到 / 请假",
        "王建国：实际离岗时间应晚于到岗时间",
        "阿依古丽：迟到请填写实际到岗和离岗时间",
        "努尔买买提·西热甫：缺勤的队员不填写实际时间",
    ]
    assert Assignment.select().where(Assignment.status != "已排").count() == 0


def test_actual_times_must_be_plausible(evening):
    shift, (wang, *_) = evening
    with pytest.raises(AttendanceInvalid, match="超过24小时"):
        record_attendance(shift, actual={wang: (datetime(2024, 4, 14, 19), datetime(2024, 4, 15, 22))}, now=LATER)
    with pytest.raises(AttendanceInvalid, match="晚于现在"):
        record_attendance(shift, actual={wang: (datetime(2024, 4, 15, 19), datetime(2024, 4, 15, 22))},
                          now=datetime(2024, 4, 15, 21))


def test_shifts_awaiting_attendance(evening):
    shift, _ = evening
    assert shifts_awaiting_attendance(date(2024, 4, 20)) == [shift]
    record_attendance(shift, now=LATER)
    assert shifts_awaiting_attendance(date(2024, 4, 20)) == []
