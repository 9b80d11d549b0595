"""The rules of who may serve on a shift (services/schedule/rules.py), as pure functions: each rule on its own,
with the messages the manual check shows. How they combine is tested in test_shifts (the manual check) and
test_scheduler (the auto-scheduler)."""

from __future__ import annotations

from datetime import date, time

from desktop_app.services.schedule.rules import (
    DUPLICATE,
    REFUSE,
    WARN,
    LeaderCandidate,
    choose_leader,
    full_problem,
    insurance_problem,
    insured_on,
    joined_by,
    joined_problem,
    leave_during,
    leave_problem,
    occupies,
    overlaps,
    places_left,
    qualification_problem,
    rest_between,
    rest_minutes,
    rest_problem,
    skill_periods,
    skill_problem,
    standing_problems,
    too_little_rest,
    valid_on,
    week_full,
    weekly_problem,
)
from desktop_app.services.schedule.shift_times import interval

MONDAY = date(2024, 4, 15)


def test_standing_joining_and_the_same_shift_twice():
    assert standing_problems("在队", deleted=False) == []
    assert [(p.level, p.code) for p in standing_problems("暂停", deleted=True)] == [
        (REFUSE, "deleted"), (REFUSE, "status")]
    assert standing_problems("退出", deleted=False)[0].message == "队员状态为“退出”，只有“在队”的队员可以排班"
    assert joined_by(None, MONDAY) and joined_by(MONDAY, MONDAY) and not joined_by(date(2024, 4, 16), MONDAY)
    assert joined_problem(MONDAY, MONDAY) is None
    assert joined_problem(date(2024, 4, 16), MONDAY).message == "2024年4月16日才入队"
    assert (DUPLICATE.level, DUPLICATE.message) == (REFUSE, "已安排在本班次")
    assert occupies("已排") and occupies("已到") and occupies("缺勤") and not occupies("请假")


def test_leave_touches_any_day_from_first_to_last():
    leaves = [(date(2024, 4, 10), date(2024, 4, 12), "探亲"), (date(2024, 4, 16), date(2024, 4, 17), "")]
    assert leave_during(leaves, MONDAY, MONDAY) is None
    assert leave_during(leaves, MONDAY, date(2024, 4, 16)) == leaves[1]  # an overnight shift into the 16th
    assert leave_during(leaves, date(2024, 4, 12), date(2024, 4, 12)) == leaves[0]  # the last day counts
    assert leave_during([(date(2024, 4, 13), date(2024, 4, 14))], MONDAY, MONDAY) is None
    assert leave_problem(leaves, MONDAY, MONDAY) is None
    assert leave_problem(leaves, date(2024, 4, 11), date(2024, 4, 11)).message == (
        "当日请假（2024年4月10日至2024年4月12日：探亲）")
    assert leave_problem(leaves, date(2024, 4, 17), date(2024, 4, 17)).message == (
        "当日请假（2024年4月16日至2024年4月17日）")


def test_qualification_as_a_problem():
    rows = ((date(2023, 1, 1), date(2024, 3, 31)),)
    assert qualification_problem("救援", rows, date(2024, 3, 31)) is None
    problem = qualification_problem("救援", rows, date(2024, 4, 1))
    assert (problem.level, problem.code, problem.message) == (REFUSE, "skill", "“救援”资质已于2024年3月31日到期")
    assert qualification_problem("救援", skill_periods([], listed_in_record=True), MONDAY) is None


def test_insurance_rule():
    assert insured_on(MONDAY, MONDAY) and not insured_on(date(2024, 4, 14), MONDAY) and not insured_on(None, MONDAY)
    assert insurance_problem(MONDAY, "巡逻", MONDAY) is None
    refused = insurance_problem(date(2024, 4, 14), "交通劝导", MONDAY)
    assert (refused.level, refused.message) == (REFUSE, "意外保险已于2024年4月14日到期，不能参加交通劝导勤务")
    warned = insurance_problem(None, "警务站值守", MONDAY)
    assert (warned.level, warned.message) == (WARN, "未登记意外保险，请尽快续保")


def test_overlap_and_rest():
    evening = interval(MONDAY, time(19), time(22))
    night = interval(MONDAY, time(20), time(8))
    late = interval(MONDAY, time(22), time(23))
    morning = interval(date(2024, 4, 16), time(7), time(9))
    assert overlaps(*evening, *night) and overlaps(*night, *evening) and overlaps(*night, *morning)
    assert not overlaps(*evening, *late) and not overlaps(*late, *evening)  # touching ends
    assert rest_between(*late, *evening) == 0 and rest_between(*evening, *late) == 0
    assert rest_between(*evening, *morning) == rest_between(*morning, *evening) == 9 * 60
    assert rest_minutes(10) == 600 and rest_minutes(0.75) == 45
    assert too_little_rest(*evening, *morning, 600) and not too_little_rest(*evening, *morning, 540)
    assert not too_little_rest(*evening, *night, 600)  # an overlap is its own rule
    assert not too_little_rest(*evening, *late, 0)
    assert rest_problem("中山路商圈巡逻 2024年4月15日 19:00–22:00", 0, 10).message == (
        "与“中山路商圈巡逻 2024年4月15日 19:00–22:00”间隔仅 0.0 小时，少于最少休息 10 小时")


def test_weekly_maximum_and_headcount():
    assert not week_full(2, 3) and week_full(3, 3) and week_full(0, 0)
    assert weekly_problem(2, 3) is None
    assert weekly_problem(3, 3).message == "本周已排 3 班，再排将超过每周上限 3 班"
    assert places_left(4, 1) == 3 and places_left(2, 2) == 0 and places_left(1, 3) == 0
    assert full_problem(2, 1) is None
    assert (full_problem(1, 1).level, full_problem(1, 1).message) == (WARN, "本班次已满员（1/1人）")


def test_qualification_rule():
    # Qualification rows decide when there are any; otherwise the skill listed in the record, no expiry
    assert skill_periods([], listed_in_record=True) == ((None, None),)
    assert skill_periods([], listed_in_record=False) == ()
    rows = [(date(2023, 1, 1), date(2024, 3, 31))]
    assert skill_periods(rows, listed_in_record=True) == tuple(rows)
    assert valid_on(rows, date(2024, 3, 31)) and not valid_on(rows, date(2024, 4, 1))
    assert skill_problem("救援", rows, date(2024, 4, 1)) == "“救援”资质已于2024年3月31日到期"
    assert skill_problem("救援", (), date(2024, 4, 1)) == "不具备岗位所需的“救援”资质"
    assert skill_problem("救援", [(date(2024, 5, 1), None)], date(2024, 4, 1)) == "“救援”资质自2024年5月1日起才生效"


def test_leader_rule():
    people = [LeaderCandidate(5, 1, date(2019, 3, 1)), LeaderCandidate(3, 2, date(2015, 1, 1)),
              LeaderCandidate(4, 1, None), LeaderCandidate(9, 1, date(2019, 3, 1))]
    assert choose_leader(people, post_team_id=1, team_leader_id=9) == (9, "本队队长")
    assert choose_leader(people, post_team_id=1, team_leader_id=None) == (5, "入队最早（2019年3月）")
    assert choose_leader(people, post_team_id=None, team_leader_id=None)[0] == 3
    assert choose_leader([], 1, None) == (None, "")
