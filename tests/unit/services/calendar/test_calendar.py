"""The calendar service on a real data file: the seeded table, 2027 without its notice (estimated, flagged,
deadlines not on 元旦), entering notices (all or nothing), 新疆's 古尔邦节 stopping 护学岗 shifts and deadlines,
and open deadlines recomputed when the notice arrives."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop_app.db.models import AuditLog, Case, Holiday, Shift
from desktop_app.domain.holiday_days import LOCAL, NATIONAL, REST, WORK, XINJIANG, ArrangedDay
from desktop_app.services.calendar import working_days
from desktop_app.services.calendar.holiday_arrangements import (
    ArrangementRefused,
    apply_notice,
    arrangement,
    read_notice,
    save_arrangement,
)
from desktop_app.services.cases.case_form import CaseInput, register_case
from desktop_app.services.cases.workflow import compute_deadlines, deadline_is_estimate, deadline_text
from desktop_app.services.office.details import (
    OfficeInfo,
    counts_xinjiang_holidays,
    save_office,
    set_xinjiang_holidays,
    xinjiang_holidays_choice,
)
from desktop_app.services.schedule.posts import PatternInput, PostInput, save_pattern, save_post
from desktop_app.services.schedule.shift_generation import generate_shifts

NOTICES = Path(__file__).parents[2] / "domain" / "holiday_notices"
# Not a published notice: the 2027 notice could not be found; a made-up text in the published form.
TEST_2027 = """国务院办公厅关于2027年部分节假日安排的通知（测试用文本）
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月5日（农历除夕、周五）至12日（农历正月初七、周五）放假调休，共8天。2月20日（周六）上班。
七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。
"""
GUERBANG_2026 = [ArrangedDay(date(2026, 5, 27) + timedelta(days=n), REST, "古尔邦节") for n in range(5)]


def public_security_case(received: str) -> Case:
    return register_case(CaseInput(kind="治安调解", category="邻里", source="群众报警", received_at=received,
                                   summary="邻里因琐事发生口角"), today=date(2027, 12, 1))


def test_the_seeded_years_are_confirmed_and_2027_is_estimated(data_paths):
    assert Holiday.select().where(Holiday.year == 2026).count() == 39
    assert not working_days.is_workday(date(2026, 10, 1)) and working_days.is_workday(date(2026, 10, 10))
    info = working_days.day_info(date(2027, 1, 1))
    assert (info.is_workday, info.holiday_name, info.estimated) == (False, "元旦", True)
    assert working_days.year_status(2027).national is None
    days, estimated = arrangement(NATIONAL, 2027)
    assert estimated and days[0] == ArrangedDay(date(2027, 1, 1), REST, "元旦")


def test_a_case_received_2026_12_29_without_the_2027_notice_is_not_due_on_new_years_day(office):
    deadline, _ = compute_deadlines("治安调解", date(2026, 12, 29))
    assert deadline != date(2027, 1, 1)
    assert deadline == date(2027, 1, 4)  # 12-30, 12-31, then 元旦 and its weekend (estimated)
    assert deadline_is_estimate("治安调解", deadline)
    case = public_security_case("2026-12-29 10:00")
    assert case.deadline == date(2027, 1, 4)
    assert "按预估的放假安排计算" in deadline_text(case, date(2026, 12, 30))
    assert compute_deadlines("治安调解", date(2027, 9, 28))[0] == date(2027, 10, 6)  # not 10-01 (国庆节)
    assert not deadline_is_estimate("治安调解", compute_deadlines("治安调解", date(2026, 6, 1))[0])
    assert not deadline_is_estimate("人民调解", date(2027, 1, 29))


def test_entering_the_notice_confirms_the_year_and_moves_open_deadlines(office):
    moved_case = public_security_case("2027-09-28 09:00")
    assert moved_case.deadline == date(2027, 10, 6)
    result = apply_notice(TEST_2027)
    assert (result.year, result.deadlines_moved) == (2027, 1)
    assert Case.get_by_id(moved_case.id).deadline == date(2027, 10, 8)  # 9-29, 9-30, then 10-8
    assert working_days.year_status(2027).national is True
    assert working_days.is_workday(date(2027, 2, 20)) and not working_days.day_info(date(2027, 3, 2)).estimated
    assert AuditLog.select().where(AuditLog.table_name == "holiday").count() == 1
    again = apply_notice(TEST_2027)  # the same notice twice: replaced, not doubled
    assert again.deadlines_moved == 0
    assert Holiday.select().where(Holiday.year == 2027).count() == 3 + 8 + 1 + 7 + 2


def test_a_partly_unreadable_notice_changes_nothing(office):
    before = list(Holiday.select().order_by(Holiday.id).tuples())
    audit_before = AuditLog.select().count()
    broken = TEST_2027.replace("2月20日（周六）上班", "2月20日（周六）另行通知")
    reading = read_notice(broken)
    assert not reading.complete and "2月20日（周六）另行通知" in reading.problems[0]
    with pytest.raises(ArrangementRefused) as refused:
        apply_notice(broken)
    assert "春节" in refused.value.message
    assert list(Holiday.select().order_by(Holiday.id).tuples()) == before
    assert AuditLog.select().count() == audit_before
    assert working_days.day_info(date(2027, 1, 1)).estimated


def test_the_2026_notice_replaces_the_seed_with_the_same_days(office):
    seeded = {(d, k) for d, k in Holiday.select(Holiday.date, Holiday.kind).where(Holiday.year == 2026).tuples()}
    apply_notice((NOTICES / "gov-2026.txt").read_text(encoding="utf-8"))
    rows = list(Holiday.select().where(Holiday.year == 2026))
    assert {(r.date, r.kind) for r in rows} == seeded
    assert {r.source for r in rows} == {"国务院办公厅关于2026年部分节假日安排的通知"}


def test_an_office_in_xinjiang_counts_its_holidays_by_default_and_may_change_it(data_paths):
    save_office(OfficeInfo(unit_name="朝阳分局某派出所", parent_unit="北京市公安局", case_prefix="朝调"))
    assert not counts_xinjiang_holidays()
    save_office(OfficeInfo(unit_name="伽师县公安局夏普吐勒派出所", parent_unit="伽师县公安局", case_prefix="夏派调"))
    assert counts_xinjiang_holidays() and xinjiang_holidays_choice() is None
    assert working_days.holiday_name(date(2026, 5, 27)) == "古尔邦节"  # estimated for 2026
    set_xinjiang_holidays(False)
    assert not counts_xinjiang_holidays() and working_days.is_workday(date(2026, 5, 27))
    set_xinjiang_holidays(None)
    assert not working_days.is_workday(date(2026, 5, 27))


def test_with_guerbang_entered_no_school_shifts_and_deadlines_step_over_it(office):
    assert counts_xinjiang_holidays()  # 伽师县: in 新疆
    save_arrangement(XINJIANG, 2026, GUERBANG_2026)
    assert working_days.year_status(2026).xinjiang is True
    school = save_post(PostInput(name="夏普吐勒小学护学岗", kind="护学岗", school_days_only=True)).id
    save_pattern(school, PatternInput(weekdays="1-5", start="07:30", end="08:10", headcount=2))
    generate_shifts(date(2026, 5, 25), date(2026, 6, 5))
    days = sorted({s.date for s in Shift.select().where(Shift.post == school)})
    assert days == [date(2026, 5, 25), date(2026, 5, 26), date(2026, 6, 1), date(2026, 6, 2), date(2026, 6, 3),
                    date(2026, 6, 4), date(2026, 6, 5)]
    deadline, _ = compute_deadlines("治安调解", date(2026, 5, 26))
    assert deadline == date(2026, 6, 3)
    assert not deadline_is_estimate("治安调解", deadline)  # entered: no longer an estimate


def test_an_office_outside_xinjiang_keeps_its_school_days_on_guerbang(data_paths):
    save_office(OfficeInfo(unit_name="朝阳分局某派出所", parent_unit="北京市公安局", case_prefix="朝调"))
    save_arrangement(XINJIANG, 2026, GUERBANG_2026)
    school = save_post(PostInput(name="第一小学护学岗", kind="护学岗", school_days_only=True)).id
    save_pattern(school, PatternInput(weekdays="1-5", start="07:30", end="08:10", headcount=2))
    generate_shifts(date(2026, 5, 27), date(2026, 5, 27))
    assert Shift.select().where(Shift.post == school).count() == 1


def test_arrangements_are_checked_before_anything_is_stored(office):
    with pytest.raises(ArrangementRefused) as refused:
        save_arrangement(NATIONAL, 2027, [ArrangedDay(date(2027, 1, 1), REST, "元旦"),
                                          ArrangedDay(date(2027, 1, 4), WORK, "元旦")])
    assert "1月4日本是工作日" in refused.value.message
    with pytest.raises(ArrangementRefused):
        save_arrangement(NATIONAL, 2027, [])
    assert Holiday.select().where(Holiday.year == 2027).count() == 0
    save_arrangement(LOCAL, 2027, [ArrangedDay(date(2027, 3, 8), REST, "本单位活动")])
    assert working_days.day_info(date(2027, 3, 8)).name == "本单位活动"
    save_arrangement(LOCAL, 2027, [])  # the office's own days may be cleared
    assert working_days.day_info(date(2027, 3, 8)).kind == ""


def test_turning_the_xinjiang_switch_recomputes_open_deadlines(office):
    set_xinjiang_holidays(False)
    case = register_case(CaseInput(kind="治安调解", category="邻里", source="群众报警", received_at="2026-05-26 09:00",
                                   summary="邻里因琐事发生口角"), today=date(2026, 6, 1))
    assert case.deadline == date(2026, 5, 29)
    set_xinjiang_holidays(True)  # 古尔邦节 (estimated 5月27日起) now counts: the deadline moves past it
    assert Case.get_by_id(case.id).deadline == date(2026, 6, 3)
