"""Posts (岗位) and their recurring shift patterns: checks, saving, listing, deleting."""

from __future__ import annotations

from datetime import date, time

import pytest

from desktop_app.db.models import Assignment, AuditLog, DutyPost, Member, Shift, ShiftPattern
from desktop_app.domain.errors import FieldError
from desktop_app.domain.vocabulary import POST_KINDS as KINDS
from desktop_app.services.roster.teams import TeamInput, save_team
from desktop_app.services.schedule.posts import (
    PatternInput,
    PostInput,
    PostInvalid,
    delete_pattern,
    delete_post,
    format_time_range,
    format_weekdays,
    get_post,
    list_patterns,
    list_posts,
    parse_clock,
    parse_weekdays,
    post_input,
    restore_post,
    save_pattern,
    save_post,
)


def post_errors(data: PostInput, post_id: int | None = None) -> dict[str, str]:
    with pytest.raises(PostInvalid) as info:
        save_post(data, post_id)
    return info.value.by_field()


def pattern_errors(post_id: int, data: PatternInput) -> dict[str, str]:
    with pytest.raises(PostInvalid) as info:
        save_pattern(post_id, data)
    return info.value.by_field()


@pytest.mark.parametrize(("typed", "expected"), [
    ("7:30", time(7, 30)), ("07:30", time(7, 30)), ("0730", time(7, 30)), ("７：３０", time(7, 30)),
    ("19点", time(19, 0)), ("19点30分", time(19, 30)), ("22:00:00", time(22, 0)), ("24:00", time(0, 0)),
    (time(8, 10, 59), time(8, 10)),
])
def test_clock_times_as_typed(typed, expected):
    assert parse_clock(typed) == expected


@pytest.mark.parametrize("typed", ["", "25:00", "7:60", "早上", "7.30.1"])
def test_bad_clock_times(typed):
    with pytest.raises(FieldError):
        parse_clock(typed)


@pytest.mark.parametrize(("typed", "expected"), [
    ("1,2,3,4,5", (1, 2, 3, 4, 5)), ("1-5", (1, 2, 3, 4, 5)), ("5、6", (5, 6)), ("６，７", (6, 7)),
    ([7, 1, 1], (1, 7)), ("1-3 6", (1, 2, 3, 6)),
])
def test_weekdays_as_typed(typed, expected):
    assert parse_weekdays(typed) == expected


@pytest.mark.parametrize("typed", ["", "0", "8", "周一", "5-1", []])
def test_bad_weekdays(typed):
    with pytest.raises(FieldError):
        parse_weekdays(typed)


def test_texts():
    assert format_weekdays((1, 2, 3, 4, 5)) == "周一至周五"
    assert format_weekdays((5, 6)) == "周五、周六"
    assert format_weekdays(range(1, 8)) == "每天"
    assert format_time_range(time(7, 30), time(8, 10)) == "07:30–08:10"
    assert format_time_range(time(20, 0), time(8, 0)) == "20:00–次日08:00"


def test_the_two_example_posts_of_the_issue(data_paths):
    school_team = save_team(TeamInput(name="石榴大妈义警队"))
    red = save_team(TeamInput(name="红旗义警队"))
    school = save_post(PostInput(name="第一小学护学岗", kind="护学岗", place="第一小学校门口", team_id=school_team,
                                 default_start="07:30", default_end="08:10", headcount="3", school_days_only=True))
    save_pattern(school.id, PatternInput(weekdays="1-5", start="07:30", end="08:10", headcount=3))
    save_pattern(school.id, PatternInput(weekdays="1-5", start="17:30", end="18:10", headcount=3))
    patrol = save_post(PostInput(name="中山路商圈巡逻", kind="巡逻", place="中山路商圈", team_id=red,
                                 headcount=4, needs_leader=True))
    save_pattern(patrol.id, PatternInput(weekdays=[5, 6], start="19:00", end="22:00", headcount=4))

    row = get_post(school.id)
    assert (row.kind, row.team_name, row.school_days_only, row.default_times) == (
        "护学岗", "石榴大妈义警队", True, "07:30–08:10")
    assert row.pattern_summary == "周一至周五 07:30–08:10 3人；周一至周五 17:30–18:10 3人"
    assert get_post(patrol.id).pattern_summary == "周五、周六 19:00–22:00 4人"
    assert [p.name for p in list_posts()] == ["中山路商圈巡逻", "第一小学护学岗"]  # pinyin: 红旗 before 石榴
    assert [p.name for p in list_posts(team_id=red)] == ["中山路商圈巡逻"]
    assert ShiftPattern.get(ShiftPattern.post == patrol.id).weekdays == "5,6"
    assert AuditLog.select().where(AuditLog.table_name == "duty_post").count() == 2


def test_post_checks(data_paths):
    errors = post_errors(PostInput(name=" ", kind="站岗", headcount=0, default_start="7:30", team_id=999,
                                   required_skill="技" * 21, place="地" * 201))
    assert errors == {
        "name": "请填写岗位名称",
        "kind": "岗位类别应为 " + " / ".join(KINDS),
        "team": "所选队伍不存在",
        "default_end": "开始和结束时间应同时填写",
        "headcount": "人数应在 1–50 之间",
        "required_skill": "所需技能不能超过20个字",
        "place": "地点不能超过200个字",
    }
    assert post_errors(PostInput(name="岗", default_start="8:00", default_end="08:00"))["default_end"] == \
        "结束时间不能与开始时间相同"
    assert post_errors(PostInput(name="岗", headcount="三"))["headcount"] == "人数应为整数"
    assert post_errors(PostInput(name="岗", default_start="八点", default_end="9:00"))["default_start"].startswith(
        "开始时间“八点”无法识别")
    assert DutyPost.select().count() == 0


def test_names_are_unique_among_live_posts(data_paths):
    first = save_post(PostInput(name="中山路商圈巡逻"))
    assert post_errors(PostInput(name=" 中山路商圈巡逻 "))["name"] == "已有名为“中山路商圈巡逻”的岗位"
    assert save_post(PostInput(name="中山路商圈巡逻", place="中山路"), first.id).place == "中山路"
    delete_post(first.id, today=date(2024, 4, 1))
    assert save_post(PostInput(name="中山路商圈巡逻")).id != first.id


def test_overnight_default_times_and_form_round_trip(data_paths):
    post = save_post(PostInput(name="警务站夜间值守", kind="警务站值守", default_start="20:00", default_end="08:00",
                               needs_leader=True, notes=" 夜班 "))
    data = post_input(post.id)
    assert (data.default_start, data.default_end, data.needs_leader, data.notes) == ("20:00", "08:00", True, "夜班")
    assert get_post(post.id).default_times == "20:00–次日08:00"


def test_pattern_checks(data_paths):
    post = save_post(PostInput(name="巡逻岗"))
    assert pattern_errors(post.id, PatternInput(weekdays="", start="", end="9:00", headcount=99,
                                                valid_from="2024-05-01", valid_to="2024-04-01")) == {
        "weekdays": "请至少选择一天",
        "start": "请填写开始时间",
        "headcount": "人数应在 1–50 之间",
        "valid_to": "截止日期不能早于生效日期",
    }
    assert pattern_errors(post.id, PatternInput(start="9:00", end="9:00"))["end"] == "结束时间不能与开始时间相同"
    assert pattern_errors(post.id, PatternInput(start="9:00", end="10:00", valid_from="明天"))["valid_from"].startswith(
        "生效日期：")
    pattern = save_pattern(post.id, PatternInput(weekdays="6,7", start="20:00", end="02:00", headcount=2,
                                                 valid_from="2024-05-01"))
    [row] = list_patterns(post.id)
    assert row.text == "周六、周日 20:00–次日02:00 2人（2024-05-01起）"
    save_pattern(post.id, PatternInput(weekdays="1-7", start="9:00", end="12:00"), pattern.id)
    assert list_patterns(post.id)[0].text == "每天 09:00–12:00 1人"
    delete_pattern(pattern.id)
    assert list_patterns(post.id) == []


def test_delete_removes_future_unattended_shifts_and_keeps_history(data_paths):
    post = save_post(PostInput(name="巡逻岗"))
    member = Member.create(name="王建国")
    past = Shift.create(post=post.id, date=date(2024, 3, 30), start=time(9), end=time(12))
    Assignment.create(shift=past, member=member, status="已到", hours=3)
    future_planned = Shift.create(post=post.id, date=date(2024, 4, 2), start=time(9), end=time(12))
    Assignment.create(shift=future_planned, member=member)
    future_empty = Shift.create(post=post.id, date=date(2024, 4, 3), start=time(9), end=time(12))
    assert delete_post(post.id, today=date(2024, 4, 1)) == 2
    assert [s.id for s in Shift.select()] == [past.id]
    assert Shift.get_or_none(Shift.id == future_empty.id) is None
    assert list_posts() == [] and list_posts(include_deleted=True, include_inactive=True)[0].deleted
    restore_post(post.id)
    assert [p.name for p in list_posts()] == ["巡逻岗"]


def test_inactive_posts_are_listed_only_when_asked(data_paths):
    save_post(PostInput(name="停用岗", active=False))
    assert list_posts() == []
    assert [p.active for p in list_posts(include_inactive=True)] == [False]
