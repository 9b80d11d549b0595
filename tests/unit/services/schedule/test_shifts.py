"""Shifts: made from patterns (school days, 调休), the week grid and month overview, and the checks and
operations of manual staffing (assign, move, swap, leader, lock)."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from desktop_app.db.database import db
from desktop_app.db.models import Assignment, AuditLog, Leave, Member, Qualification, Shift, Swap, Team
from desktop_app.services.calendar import working_days
from desktop_app.services.office.settings import set_setting
from desktop_app.services.schedule.assignment_checks import candidates, check_assignment
from desktop_app.services.schedule.assignments import (
    assign,
    list_swaps,
    lock,
    move_assignment,
    refresh_leader,
    set_leader,
    substitute,
    swap_members,
    unassign,
)
from desktop_app.services.schedule.errors import AssignmentRefused, ScheduleError
from desktop_app.services.schedule.month_overview import month_overview
from desktop_app.services.schedule.posts import PatternInput, PostInput, save_pattern, save_post
from desktop_app.services.schedule.rules import (
    REFUSE,
    WARN,
)
from desktop_app.services.schedule.settings import MAX_SHIFTS_KEY, MIN_REST_KEY, set_school_vacations
from desktop_app.services.schedule.shift_generation import generate_shifts, plan_shifts
from desktop_app.services.schedule.shift_times import (
    days_touched,
    holiday_name,
    interval,
    is_night,
    shift_hours,
)
from desktop_app.services.schedule.week_grid import shift_detail, week_grid

MONDAY = date(2024, 4, 15)  # an ordinary week
INSURED = date(2030, 1, 1)


def member(name: str, team: int | None = None, skills: str = "巡逻", insurance: date | None = INSURED,
           status: str = "在队", join: date | None = date(2020, 1, 1), phone: str = "13912345678") -> int:
    return Member.create(name=name, team=team, skills=skills, insurance_expires_on=insurance, status=status,
                         join_date=join, phone=phone).id


def post(name: str = "中山路商圈巡逻", kind: str = "巡逻", team: int | None = None, **extra) -> int:
    return save_post(PostInput(name=name, kind=kind, team_id=team, **extra)).id


def shift(post_id: int, day: date = MONDAY, start: str = "19:00", end: str = "22:00", headcount: int = 2) -> int:
    h, m = map(int, start.split(":"))
    eh, em = map(int, end.split(":"))
    return Shift.create(post=post_id, date=day, start=time(h, m), end=time(eh, em), headcount=headcount).id


def codes(problems) -> list[tuple[str, str]]:
    return [(p.level, p.code) for p in problems]


# --- pure rules ----------------------------------------------------------------------------------


def test_time_rules():
    assert shift_hours(time(20), time(8)) == 12.0
    assert shift_hours(time(7, 30), time(8, 10)) == 0.7
    s, e = interval(date(2024, 4, 15), time(20), time(8))
    assert e - s == 12 * 60
    assert days_touched(date(2024, 4, 15), time(20), time(8)) == [date(2024, 4, 15), date(2024, 4, 16)]
    assert days_touched(date(2024, 4, 15), time(20), time(0)) == [date(2024, 4, 15)]
    assert is_night(time(20), time(8)) and is_night(time(21), time(23)) and is_night(time(5), time(7))
    assert not is_night(time(19), time(22)) and not is_night(time(6), time(9))


def test_holidays_are_statutory_days_off_only():
    assert holiday_name(date(2024, 10, 1)) == "国庆节"
    assert holiday_name(date(2024, 10, 12)) == ""  # 调休 working Saturday
    assert holiday_name(date(2024, 4, 20)) == ""  # ordinary Saturday


# --- shifts from patterns ------------------------------------------------------------------------


def test_school_post_skips_holidays_and_works_on_makeup_days(data_paths):
    school = post("第一小学护学岗", "护学岗", school_days_only=True)
    save_pattern(school, PatternInput(weekdays="1-5", start="07:30", end="08:10", headcount=3))
    save_pattern(school, PatternInput(weekdays="1-5", start="17:30", end="18:10", headcount=3))
    patrol = post("中山路商圈巡逻", needs_leader=True)
    save_pattern(patrol, PatternInput(weekdays="5,6", start="19:00", end="22:00", headcount=4))

    made = generate_shifts(date(2024, 9, 28), date(2024, 10, 13))
    school_days = sorted({s.date for s in Shift.select().where(Shift.post == school)})
    # 9-29 (Sunday) and 10-12 (Saturday) are 调休 school days; 10-1 … 10-7 are 国庆节
    assert school_days == [date(2024, 9, 29), date(2024, 9, 30), date(2024, 10, 8), date(2024, 10, 9),
                           date(2024, 10, 10), date(2024, 10, 11), date(2024, 10, 12)]
    assert Shift.select().where(Shift.post == school).count() == 14
    patrol_days = [s.date for s in Shift.select().where(Shift.post == patrol).order_by(Shift.date)]
    assert patrol_days == [date(2024, 9, 28), date(2024, 10, 4), date(2024, 10, 5), date(2024, 10, 11),
                           date(2024, 10, 12)]  # holidays do not stop an ordinary post
    assert made == 19
    morning = Shift.get(Shift.post == school, Shift.date == date(2024, 9, 30), Shift.start == time(7, 30))
    assert (morning.end, morning.headcount, morning.pattern_id is not None) == (time(8, 10), 3, True)
    assert generate_shifts(date(2024, 9, 28), date(2024, 10, 13)) == 0  # idempotent
    assert AuditLog.select().where(AuditLog.table_name == "shift").count() == 1


def test_an_existing_shift_at_the_same_start_is_not_duplicated(data_paths):
    patrol = post()
    save_pattern(patrol, PatternInput(weekdays="1-7", start="19:00", end="22:00", headcount=4))
    shift(patrol, MONDAY, "19:00", "21:00", headcount=1)  # made by hand, shorter
    assert generate_shifts(MONDAY, MONDAY + timedelta(days=1)) == 1
    assert Shift.select().where(Shift.date == MONDAY).count() == 1


def test_vacations_validity_and_inactive_posts(data_paths):
    school = post("第二小学护学岗", "护学岗", school_days_only=True)
    save_pattern(school, PatternInput(weekdays="1-5", start="07:30", end="08:10"))
    limited = post("临时巡逻")
    save_pattern(limited, PatternInput(weekdays="1-7", start="9:00", end="11:00", valid_from="2024-04-16",
                                       valid_to="2024-04-17"))
    resting = post("停用岗", active=False)
    save_pattern(resting, PatternInput(weekdays="1-7", start="9:00", end="11:00"))
    set_school_vacations([(date(2024, 4, 18), date(2024, 4, 30))])
    planned = plan_shifts(MONDAY, MONDAY + timedelta(days=6))
    assert [(p.post_id, p.date.day) for p in planned] == [
        (school, 15), (school, 16), (limited, 16), (school, 17), (limited, 17)]
    assert plan_shifts(MONDAY, MONDAY + timedelta(days=6), post_ids=[limited]) == planned[2:3] + planned[4:5]


def test_a_pattern_for_some_weekdays_skips_makeup_saturdays(data_paths):
    school = post("第三小学护学岗", "护学岗", school_days_only=True)
    save_pattern(school, PatternInput(weekdays="1,3", start="07:30", end="08:10"))
    assert plan_shifts(date(2024, 10, 12), date(2024, 10, 12)) == []


# --- week grid and month overview ----------------------------------------------------------------


@pytest.fixture
def crew(data_paths):
    team = Team.create(name="红旗义警队").id
    people = {name: member(name, team) for name in ("王建国", "努尔买买提·西热甫", "李秀英", "阿依古丽")}
    return team, people


def test_week_grid_in_three_queries(crew, monkeypatch):
    team, people = crew
    patrol = post("中山路商圈巡逻", team=team, needs_leader=True)
    station = post("警务站值守", "警务站值守")
    other_team = Team.create(name="花城义警队").id
    post("花城交通劝导", "交通劝导", team=other_team)
    friday = shift(patrol, MONDAY + timedelta(days=4), headcount=3)
    night = shift(station, MONDAY, "20:00", "08:00", headcount=1)
    assign(friday, people["王建国"])
    assign(friday, people["李秀英"], force_warnings=True)
    assign(night, people["阿依古丽"])
    Shift.create(post=patrol, date=MONDAY + timedelta(days=7), start=time(19), end=time(22))  # next week

    executed = []
    real = db.obj.execute_sql
    working_days.day_info(MONDAY)  # the holiday table is read once a year and kept: not the grid's own queries

    def counting(sql, params=None, *args, **kwargs):
        executed.append(sql)
        return real(sql, params, *args, **kwargs)

    monkeypatch.setattr(db.obj, "execute_sql", counting)
    grid = week_grid(MONDAY + timedelta(days=2))
    monkeypatch.undo()
    assert len(executed) == 3

    assert grid.monday == MONDAY and grid.week_label == "2024-W16"
    assert [d.weekday for d in grid.days] == ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]
    assert [p.name for p in grid.posts] == ["警务站值守", "中山路商圈巡逻", "花城交通劝导"]
    [cell] = grid.cell(patrol, MONDAY + timedelta(days=4))
    assert (cell.time_text, cell.filled, cell.headcount, cell.gap, cell.missing) == ("19:00–22:00", 2, 3, True, 1)
    assert cell.leader_name == "王建国" and cell.members[0].is_leader
    assert cell.names == ["王建国", "李秀英"]
    assert cell.members[0].phone_masked == "139****5678"
    [overnight] = grid.cell(station, MONDAY)
    assert (overnight.time_text, overnight.gap, overnight.night, overnight.leader_id) == (
        "20:00–次日08:00", False, True, None)
    assert grid.cell(patrol, MONDAY) == ()
    assert (grid.slots_needed, grid.slots_missing) == (4, 1)
    assert len(grid.shifts()) == 2

    team_grid = week_grid(MONDAY, team_id=team)
    assert [p.id for p in team_grid.posts] == [patrol]
    assert shift_detail(friday) == cell


def test_month_overview(crew):
    team, people = crew
    patrol = post(team=team)
    a = shift(patrol, date(2024, 4, 1), headcount=2)
    shift(patrol, date(2024, 4, 1), "09:00", "12:00", headcount=1)
    b = shift(patrol, date(2024, 4, 30), headcount=1)
    assign(a, people["王建国"])
    assign(b, people["李秀英"])
    Assignment.create(shift=a, member=people["阿依古丽"], status="请假")
    view = month_overview(2024, 4)
    assert len(view.days) == 30
    first = view.days[0]
    assert (first.shifts, first.needed, first.filled, first.gaps, first.shifts_with_gaps) == (2, 3, 1, 2, 2)
    assert (view.days[29].filled, view.days[29].gaps) == (1, 0)
    assert view.days[3].holiday == "清明" and not view.days[3].is_workday
    assert (view.shifts, view.needed, view.filled, view.gaps) == (3, 4, 2, 2)
    assert month_overview(2024, 4, team_id=team + 1).shifts == 0


# --- checks --------------------------------------------------------------------------------------


def test_a_fitting_member_has_no_problem(crew):
    team, people = crew
    assert check_assignment(shift(post(team=team)), people["王建国"]) == []


def test_status_deleted_join_and_duplicate(crew):
    team, people = crew
    s = shift(post(team=team))
    paused = member("暂停者", team, status="暂停")
    assert codes(check_assignment(s, paused)) == [(REFUSE, "status")]
    newcomer = member("新队员", team, join=MONDAY + timedelta(days=1))
    assert [p.message for p in check_assignment(s, newcomer)] == ["2024年4月16日才入队"]
    gone = member("已删除", team)
    Member.update(deleted_at=MONDAY).where(Member.id == gone).execute()
    assert (REFUSE, "deleted") in codes(check_assignment(s, gone))
    assign(s, people["王建国"])
    assert codes(check_assignment(s, people["王建国"])) == [(REFUSE, "duplicate")]
    with pytest.raises(ScheduleError):
        check_assignment(s, 9999)


def test_leave_on_any_day_the_shift_touches(crew):
    team, people = crew
    night = shift(post("警务站值守", "警务站值守", team=team), MONDAY, "20:00", "08:00")
    Leave.create(member=people["李秀英"], from_date=MONDAY + timedelta(days=1), to_date=MONDAY + timedelta(days=2),
                 reason="探亲")
    [problem] = check_assignment(night, people["李秀英"])
    assert problem.level == REFUSE and problem.message == "当日请假（2024年4月16日至2024年4月17日：探亲）"


def test_required_skill_and_its_qualifications(crew):
    team, people = crew
    rescue = shift(post("雪都救援待命", "救援待命", team=team, required_skill="救援"))
    listed = member("列有技能", team, skills="救援、驾驶")
    assert check_assignment(rescue, listed) == []  # listed in the record, no Qualification rows: no expiry
    expired = member("证书过期", team, skills="救援")
    Qualification.create(member=expired, skill="救援", granted_on=date(2021, 1, 1), expires_on=date(2024, 4, 14))
    assert [p.message for p in check_assignment(rescue, expired)] == ["“救援”资质已于2024年4月14日到期"]
    trained = member("培训合格", team, skills="")
    Qualification.create(member=trained, skill="救援", granted_on=date(2024, 1, 1), expires_on=date(2024, 4, 15))
    assert check_assignment(rescue, trained) == []  # valid through its last day
    assert [p.message for p in check_assignment(rescue, people["王建国"])] == ["不具备岗位所需的“救援”资质"]


def test_insurance_refused_for_risky_kinds_warned_for_others(crew):
    team, _ = crew
    lapsed = member("保险过期", team, insurance=MONDAY - timedelta(days=1))
    uninsured = member("未保险", team, insurance=None)
    patrol = shift(post(team=team))
    station = shift(post("警务站值守", "警务站值守", team=team), MONDAY, "08:00", "12:00")
    assert [(p.level, p.message) for p in check_assignment(patrol, lapsed)] == [
        (REFUSE, "意外保险已于2024年4月14日到期，不能参加巡逻勤务")]
    assert [(p.level, p.message) for p in check_assignment(station, uninsured)] == [
        (WARN, "未登记意外保险，请尽快续保")]
    ends_tonight = member("今日到期", team, insurance=MONDAY)
    overnight = shift(post("夜巡", team=team), MONDAY, "20:00", "02:00")
    assert codes(check_assignment(overnight, ends_tonight)) == [(REFUSE, "insurance")]  # runs into the 16th


def test_overlap_refused_rest_and_weekly_limit_warned(crew):
    team, people = crew
    patrol = post(team=team)
    station = post("警务站值守", "警务站值守", team=team)
    wang = people["王建国"]
    evening = shift(patrol, MONDAY, "19:00", "22:00", headcount=4)
    assign(evening, wang)
    clash = shift(station, MONDAY, "20:00", "08:00")
    [problem] = check_assignment(clash, wang)
    assert (problem.level, problem.message) == (REFUSE, "与已排的“中山路商圈巡逻 2024年4月15日 19:00–22:00”时间冲突")
    touching = shift(station, MONDAY, "22:00", "23:00")  # starts when the other ends: no overlap, little rest
    assert codes(check_assignment(touching, wang)) == [(WARN, "rest")]
    assert check_assignment(touching, wang)[0].message == (
        "与“中山路商圈巡逻 2024年4月15日 19:00–22:00”间隔仅 0.0 小时，少于最少休息 10 小时")
    set_setting(MIN_REST_KEY, 0)
    assert check_assignment(touching, wang) == []
    for k in (1, 2):
        assign(shift(patrol, MONDAY + timedelta(days=k), headcount=4), wang)
    thursday = shift(patrol, MONDAY + timedelta(days=3))
    assert [p.message for p in check_assignment(thursday, wang)] == ["本周已排 3 班，再排将超过每周上限 3 班"]
    set_setting(MAX_SHIFTS_KEY, 4)
    assert check_assignment(thursday, wang) == []
    next_monday = shift(patrol, MONDAY + timedelta(days=7))
    assert check_assignment(next_monday, wang) == []  # another ISO week


def test_full_shift_is_a_warning(crew):
    team, people = crew
    s = shift(post(team=team), headcount=1)
    assign(s, people["王建国"])
    assert [p.message for p in check_assignment(s, people["李秀英"])] == ["本班次已满员（1/1人）"]


def test_candidates_for_the_dialog(crew):
    team, people = crew
    s = shift(post(team=team, required_skill="救援"))
    rescuer = member("救援队员", team, skills="救援")
    outsider = member("外队救援", Team.create(name="雪都义警救援队").id, skills="救援")
    found = candidates(s)
    assert [c.member_id for c in found[:2]] == [rescuer, outsider]
    assert found[0].own_team and not found[0].refused and found[1].problems == ()
    assert all(c.refused for c in found[2:])
    assert [c.member_id for c in candidates(s, team_id=team)][0] == rescuer


# --- operations ----------------------------------------------------------------------------------


def test_assign_refuses_and_asks_to_confirm_warnings(crew):
    team, people = crew
    s = shift(post(team=team, needs_leader=True), headcount=1)
    lapsed = member("保险过期", team, insurance=date(2020, 1, 1))
    with pytest.raises(AssignmentRefused) as info:
        assign(s, lapsed, force_warnings=True)
    assert info.value.refused and "不能参加巡逻勤务" in str(info.value)
    first = assign(s, people["王建国"])
    assert (first.locked, first.status, first.reason) == (True, "已排", "手工安排")
    assert Shift.get_by_id(s).leader_id == people["王建国"]  # the post wants a leader: the first one leads
    with pytest.raises(AssignmentRefused) as info:
        assign(s, people["李秀英"])
    assert not info.value.refused and [p.code for p in info.value.problems] == ["full"]
    second = assign(s, people["李秀英"], locked=False, force_warnings=True)
    assert not second.locked
    assert AuditLog.select().where(AuditLog.action == "排班").count() == 2


def test_unassign_set_leader_and_lock(crew):
    team, people = crew
    s = shift(post(team=team, needs_leader=True), headcount=3)
    a = assign(s, people["王建国"])
    b = assign(s, people["李秀英"])
    set_leader(s, people["李秀英"])
    assert Shift.get_by_id(s).leader_id == people["李秀英"]
    with pytest.raises(ScheduleError, match="带班人员须是本班次的队员"):
        set_leader(s, people["阿依古丽"])
    unassign(b.id)
    assert Shift.get_by_id(s).leader_id == people["王建国"]  # the leader left: another member leads
    lock(a.id, False)
    assert not Assignment.get_by_id(a.id).locked
    Assignment.update(status="已到").where(Assignment.id == a.id).execute()
    with pytest.raises(ScheduleError, match="已登记考勤"):
        unassign(a.id)
    set_leader(s, None)
    assert Shift.get_by_id(s).leader_id is None


def test_move_for_drag_and_drop(crew):
    team, people = crew
    patrol = post(team=team, needs_leader=True)
    monday = shift(patrol, MONDAY)
    tuesday = shift(patrol, MONDAY + timedelta(days=1))
    a = assign(monday, people["王建国"], locked=False)
    moved = move_assignment(a.id, tuesday)
    assert (moved.shift_id, moved.locked) == (tuesday, True)
    assert Shift.get_by_id(monday).leader_id is None and Shift.get_by_id(tuesday).leader_id == people["王建国"]
    clash = shift(post("警务站值守", "警务站值守", team=team), MONDAY + timedelta(days=1), "18:00", "23:00")
    assign(clash, people["李秀英"])
    b = assign(monday, people["李秀英"], force_warnings=True)
    with pytest.raises(AssignmentRefused):
        move_assignment(b.id, tuesday)  # 李秀英 is on the station 18:00–23:00 that day
    assert move_assignment(a.id, tuesday).shift_id == tuesday  # same shift: nothing to do


def test_swap_records_both_sides(crew):
    team, people = crew
    patrol = post(team=team, needs_leader=True)
    s1 = shift(patrol, MONDAY)
    s2 = shift(patrol, MONDAY + timedelta(days=2))
    assign(s1, people["王建国"])
    assign(s2, people["李秀英"])
    swap = swap_members(s1, people["王建国"], s2, people["李秀英"], reason="家中有事")
    assert Assignment.get(Assignment.shift == s1).member_id == people["李秀英"]
    assert Assignment.get(Assignment.shift == s2).member_id == people["王建国"]
    assert Shift.get_by_id(s1).leader_id == people["李秀英"]  # the leader's role goes with the place
    assert [(r.shift_id, r.from_member_id, r.to_member_id, r.reason) for r in Swap.select().order_by(Swap.id)] == [
        (s1, people["王建国"], people["李秀英"], "家中有事"), (s2, people["李秀英"], people["王建国"], "家中有事")]
    assert swap.shift_id == s1
    rows = list_swaps(MONDAY, MONDAY + timedelta(days=6))
    assert {(r.from_member, r.to_member) for r in rows} == {("王建国", "李秀英"), ("李秀英", "王建国")}
    with pytest.raises(ScheduleError, match="不在这个班次上"):
        swap_members(s1, people["王建国"], s2, people["李秀英"])


def test_swap_is_checked_on_both_sides(crew):
    team, people = crew
    rescue = post("救援待命", "救援待命", team=team, required_skill="救援")
    patrol = post(team=team)
    rescuer = member("救援队员", team, skills="救援")
    s1 = shift(rescue, MONDAY, "08:00", "12:00")
    s2 = shift(patrol, MONDAY + timedelta(days=1))
    assign(s1, rescuer)
    assign(s2, people["王建国"])
    with pytest.raises(AssignmentRefused) as info:
        swap_members(s1, rescuer, s2, people["王建国"], reason="")
    assert [p.code for p in info.value.problems] == ["skill"]
    assert Swap.select().count() == 0


def test_substitute_is_a_one_sided_swap(crew):
    team, people = crew
    s = shift(post(team=team, needs_leader=True))
    a = assign(s, people["王建国"])
    substitute(a.id, people["阿依古丽"], reason="生病")
    assert Assignment.get_by_id(a.id).member_id == people["阿依古丽"]
    assert Shift.get_by_id(s).leader_id == people["阿依古丽"]
    assert Swap.get().reason == "生病"
    assert refresh_leader(s) == people["阿依古丽"]
