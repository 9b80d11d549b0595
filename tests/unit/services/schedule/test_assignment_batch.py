"""The batch entry points of the schedule: AssignmentBatch refuses what `assign` refuses (the same problems as
`check_assignment`, before and after saving), chooses 带班 leaders as `refresh_leader` does, records
attendance as `record_attendance` does; record_attendance_many and generate_shifts_in_bulk."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from desktop_app.db.models import Assignment, AuditLog, Leave, Member, Qualification, Shift, Team
from desktop_app.services.schedule.assignment_batch import AssignmentBatch
from desktop_app.services.schedule.assignment_checks import check_assignment
from desktop_app.services.schedule.assignments import assign
from desktop_app.services.schedule.attendance import (
    AttendanceEntry,
    AttendanceInvalid,
    record_attendance,
    record_attendance_many,
    shift_attendance,
)
from desktop_app.services.schedule.errors import AssignmentRefused, ScheduleError
from desktop_app.services.schedule.posts import PatternInput, PostInput, save_pattern, save_post
from desktop_app.services.schedule.shift_batch import generate_shifts_in_bulk
from desktop_app.services.schedule.shift_generation import generate_shifts

MONDAY = date(2024, 4, 15)
INSURED = date(2030, 1, 1)


def member(name: str, team: int | None = None, skills: str = "巡逻", insurance: date | None = INSURED,
           status: str = "在队", join: date | None = date(2020, 1, 1)) -> int:
    return Member.create(name=name, team=team, skills=skills, insurance_expires_on=insurance, status=status,
                         join_date=join).id


def post(name: str, kind: str = "巡逻", team: int | None = None, **extra) -> int:
    return save_post(PostInput(name=name, kind=kind, team_id=team, **extra)).id


def shift(post_id: int, day: date = MONDAY, start: time = time(19), end: time = time(22), headcount: int = 2) -> int:
    return Shift.create(post=post_id, date=day, start=start, end=end, headcount=headcount).id


def codes(problems) -> list[tuple[str, str]]:
    return [(p.level, p.code) for p in problems]


@pytest.fixture
def roster(data_paths):
    team = Team.create(name="红旗义警队").id
    people = {
        "ok": member("王建国", team),
        "late_joiner": member("李娜", team, join=MONDAY + timedelta(days=3)),
        "left": member("张伟", team, status="退出"),
        "uninsured": member("刘芳", team, insurance=None),
        "leave": member("赵敏", team),
        "rescuer": member("马强", team, skills="救援"),
        "expired": member("杨丽", team, skills="救援"),
        "busy": member("黄磊", team),
    }
    Leave.create(member=people["leave"], from_date=MONDAY, to_date=MONDAY, reason="探亲")
    Qualification.create(member=people["expired"], skill="救援", granted_on=date(2020, 1, 1),
                         expires_on=date(2023, 1, 1))
    patrol = post("中山路商圈巡逻", team=team, needs_leader=True)
    rescue = post("雪都救援待命", kind="救援待命", team=team, required_skill="救援")
    school = post("第一小学护学岗", kind="护学岗", team=team)
    shifts = {
        "patrol": shift(patrol),
        "patrol_overlap": shift(patrol, start=time(20), end=time(23)),
        "rescue": shift(rescue, start=time(9), end=time(21), headcount=3),
        "school": shift(school, day=MONDAY + timedelta(days=1), start=time(7, 30), end=time(8, 10), headcount=1),
        "next_day": shift(patrol, day=MONDAY + timedelta(days=1)),
    }
    assign(shifts["next_day"], people["busy"])
    return team, people, shifts


def test_the_batch_finds_the_same_problems_as_check_assignment(roster):
    _team, people, shifts = roster
    batch = AssignmentBatch(MONDAY, MONDAY + timedelta(days=6))
    for shift_id in shifts.values():
        for member_id in people.values():
            assert codes(batch.check(shift_id, member_id)) == codes(check_assignment(shift_id, member_id))
    refused = {name for name, m in people.items() if batch.check(shifts["patrol"], m)}
    assert refused == {"late_joiner", "left", "uninsured", "leave"}
    assert codes(batch.check(shifts["rescue"], people["expired"])) == [("refuse", "skill")]
    assert codes(batch.check(shifts["rescue"], people["rescuer"])) == []


def test_assignments_added_count_for_the_next_checks_as_saved_ones(roster):
    _team, people, shifts = roster
    batch = AssignmentBatch(MONDAY, MONDAY + timedelta(days=6))
    batch.add(shifts["patrol"], people["ok"])
    with pytest.raises(AssignmentRefused) as overlap:
        batch.add(shifts["patrol_overlap"], people["ok"])
    assert "overlap" in [p.code for p in overlap.value.problems]
    with pytest.raises(AssignmentRefused) as twice:
        batch.add(shifts["patrol"], people["ok"])
    assert twice.value.refused
    with pytest.raises(AssignmentRefused) as rest:  # only a warning, refused without force_warnings
        batch.add(shifts["school"], people["ok"])
    assert not rest.value.refused and [p.code for p in rest.value.problems] == ["rest"]
    batch.add(shifts["patrol"], people["busy"])
    with pytest.raises(AssignmentRefused) as full:
        batch.add(shifts["patrol"], people["rescuer"])
    assert [p.code for p in full.value.problems] == ["full"]
    expected = {(s, m): codes(batch.check(s, m)) for s in shifts.values() for m in people.values()}
    assert batch.save() == 2
    after = {(s, m): codes(check_assignment(s, m)) for s in shifts.values() for m in people.values()}
    assert after == expected


def test_warnings_pass_only_when_forced_and_nothing_is_written_before_save(roster):
    _team, people, shifts = roster
    batch = AssignmentBatch(MONDAY, MONDAY + timedelta(days=1), force_warnings=True)
    batch.add(shifts["school"], people["ok"])
    batch.add(shifts["patrol"], people["ok"])  # rest warning, confirmed
    with pytest.raises(AssignmentRefused):
        batch.add(shifts["patrol"], people["left"])  # a refusal is never forced
    assert Assignment.select().where(Assignment.member == people["ok"]).count() == 0
    assert batch.save() == 2
    assert Assignment.select().where(Assignment.member == people["ok"]).count() == 2
    outside = shift(Shift.get_by_id(shifts["patrol"]).post_id, day=MONDAY + timedelta(days=9))
    with pytest.raises(ScheduleError):
        batch.check(outside, people["ok"])  # outside the batch's days


def test_leaders_are_chosen_as_refresh_leader_does_and_one_audit_entry(roster):
    team, people, shifts = roster
    Team.update(leader=people["busy"]).where(Team.id == team).execute()
    before = AuditLog.select().count()
    batch = AssignmentBatch(MONDAY, MONDAY + timedelta(days=1))
    batch.add(shifts["patrol"], people["ok"])
    batch.add(shifts["patrol"], people["busy"])
    batch.add(shifts["school"], people["rescuer"])
    batch.save()
    assert Shift.get_by_id(shifts["patrol"]).leader_id == people["busy"]  # the team leader, on the shift
    assert Shift.get_by_id(shifts["school"]).leader_id is None  # this post wants no leader
    assert AuditLog.select().count() == before + 1


def test_attendance_in_the_batch_is_stored_as_record_attendance_stores_it(roster):
    _team, people, shifts = roster
    now = datetime.combine(MONDAY + timedelta(days=1), time(12))
    start = datetime.combine(MONDAY, time(19))
    batch = AssignmentBatch(MONDAY, MONDAY)
    batch.add(shifts["patrol"], people["ok"])
    batch.add(shifts["patrol"], people["rescuer"])
    with pytest.raises(AttendanceInvalid):
        batch.record_attendance(shifts["patrol"], {people["ok"]: "迟到"}, now=now)  # late needs the times
    batch.record_attendance(shifts["patrol"], {people["rescuer"]: "请假"},
                            {people["ok"]: (start, start + timedelta(hours=3, minutes=6))}, now=now)
    assert codes(batch.check(shifts["patrol_overlap"], people["rescuer"])) == []  # 请假 does not occupy
    with pytest.raises(AssignmentRefused) as again:
        batch.add(shifts["patrol"], people["rescuer"])  # but is still on the shift
    assert codes(again.value.problems) == [("refuse", "duplicate")]
    batch.save()
    rows = {r.member_id: r for r in shift_attendance(shifts["patrol"])}
    assert (rows[people["ok"]].status, rows[people["ok"]].hours) == ("已到", 3.1)
    assert (rows[people["rescuer"]].status, rows[people["rescuer"]].hours) == ("请假", 0.0)
    with pytest.raises(ScheduleError):  # the shift now has saved assignments
        batch.record_attendance(shifts["patrol"], now=now)


def test_record_attendance_many_checks_each_shift_like_record_attendance(roster):
    _team, people, shifts = roster
    now = datetime.combine(MONDAY + timedelta(days=3), time(12))
    assign(shifts["patrol"], people["ok"])
    assign(shifts["rescue"], people["rescuer"])
    start = datetime.combine(MONDAY, time(9))
    bad = [AttendanceEntry(shifts["patrol"]), AttendanceEntry(shifts["rescue"], {people["rescuer"]: "迟到"})]
    with pytest.raises(AttendanceInvalid) as refused:
        record_attendance_many(bad, now)
    assert refused.value.item == 1 and "迟到请填写实际到岗和离岗时间" in str(refused.value)
    assert Assignment.get(Assignment.member == people["ok"]).status == "已排"  # nothing stored
    good = [AttendanceEntry(shifts["patrol"]),
            AttendanceEntry(shifts["rescue"], {people["rescuer"]: "迟到"},
                            {people["rescuer"]: (start + timedelta(minutes=20), start + timedelta(hours=12))})]
    assert record_attendance_many(good, now) == 2
    many = [(r.status, r.hours, r.actual_start) for s in (shifts["patrol"], shifts["rescue"])
            for r in shift_attendance(s)]
    record_attendance(shifts["patrol"], now=now)
    record_attendance(shifts["rescue"], {people["rescuer"]: "迟到"},
                      {people["rescuer"]: (start + timedelta(minutes=20), start + timedelta(hours=12))}, now=now)
    single = [(r.status, r.hours, r.actual_start) for s in (shifts["patrol"], shifts["rescue"])
              for r in shift_attendance(s)]
    assert many == single == [("已到", 3.0, None), ("迟到", 11.7, start + timedelta(minutes=20))]


def test_shifts_in_bulk_are_the_shifts_generate_shifts_makes(data_paths):
    team = Team.create(name="花城义警队").id
    school = post("第一小学护学岗", kind="护学岗", team=team, school_days_only=True)
    station = post("警务站值守", kind="警务站值守", team=team)
    save_pattern(school, PatternInput(weekdays="1-5", start="07:30", end="08:10", headcount=3))
    save_pattern(station, PatternInput(weekdays="1-7", start="20:00", end="08:00", headcount=2))
    first, last = date(2024, 4, 1), date(2024, 5, 12)  # 清明, 劳动节 and their 调休 working days
    assert generate_shifts(first, last) > 0
    made = sorted(Shift.select(Shift.post, Shift.date, Shift.start, Shift.end, Shift.headcount, Shift.pattern)
                  .tuples())
    Shift.delete().execute()
    assert generate_shifts_in_bulk(first, last) == len(made)
    again = sorted(Shift.select(Shift.post, Shift.date, Shift.start, Shift.end, Shift.headcount, Shift.pattern)
                   .tuples())
    assert again == made
    assert generate_shifts_in_bulk(first, last) == 0  # idempotent


def test_fill_takes_the_first_candidates_add_would_take(roster):
    _team, people, shifts = roster
    batch = AssignmentBatch(MONDAY, MONDAY + timedelta(days=1))
    order = [people[name] for name in ("left", "leave", "ok", "uninsured", "rescuer", "busy")]
    assert batch.fill(shifts["patrol"], iter(order), 2) == [people["ok"], people["rescuer"]]
    assert batch.fill(shifts["patrol"], iter(order), 2) == []  # full now: only a warning, not taken
    assert batch.fill(shifts["rescue"], iter(order), 0) == []
    assert batch.save() == 2
    assert {a.member_id for a in Assignment.select().where(Assignment.shift == shifts["patrol"])} == {
        people["ok"], people["rescuer"]}
