"""The calendar's rules without a database: estimates for a year not entered (flagged, statutory days with
their 补假, no 调休), 新疆's 肉孜节/古尔邦节 from the Islamic calendar, and the order of the layers."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from desktop_app.domain.dates import add_working_days, is_school_day, is_workday
from desktop_app.domain.holiday_days import LOCAL, NATIONAL, REST, WORK, XINJIANG, ArrangedDay, HolidayRow
from desktop_app.domain.holiday_estimates import islamic_holiday_dates, national_estimate, xinjiang_estimate
from desktop_app.domain.holiday_notice import days_for_layer, parse_notice
from desktop_app.domain.holiday_seed import seed_rows, seed_years
from desktop_app.domain.work_calendar import HolidayCalendar
from desktop_app.domain.xinjiang_places import is_in_xinjiang

SEED = seed_rows()


def test_the_date_rules_count_on_the_calendar_they_are_given():
    calendar = HolidayCalendar.from_rows(SEED)
    assert not is_workday(date(2024, 10, 1), calendar) and is_workday(date(2024, 10, 12), calendar)
    assert add_working_days(date(2024, 9, 30), 1, calendar) == date(2024, 10, 8)
    assert not is_school_day(date(2024, 7, 15), calendar, [(date(2024, 7, 10), date(2024, 8, 31))])
    every_day_off = HolidayCalendar.from_rows([HolidayRow(date(2024, 4, 15), REST, "测试", LOCAL, 2024, "", True)])
    assert add_working_days(date(2024, 4, 12), 1, every_day_off) == date(2024, 4, 16)


def test_a_year_not_entered_is_estimated_never_an_error():
    calendar = HolidayCalendar.from_rows(SEED)
    assert 2026 in seed_years() and 2027 not in seed_years()
    new_year = calendar.day_info(date(2027, 1, 1))
    assert (new_year.is_workday, new_year.kind, new_year.name, new_year.estimated) == (False, REST, "元旦", True)
    assert calendar.day_info(date(2027, 3, 2)).estimated  # an ordinary Tuesday of an unconfirmed year too
    assert not calendar.day_info(date(2026, 3, 3)).estimated
    assert calendar.year_status(2027).national is None and calendar.year_status(2026).national is True
    for year in (1960, 2003, 2027, 2040, 2099):
        assert len(calendar.year_days(year)) in (365, 366)


def test_the_national_estimate_follows_the_rules_without_tiaoxiu():
    days = {d.date: d for d in national_estimate(2027)}
    assert all(d.kind == REST for d in days.values())  # no 班 days: the State Council decides 调休
    assert [days[date(2027, 2, n)].name for n in range(5, 11)] == ["春节"] * 6  # 除夕 Friday … 补假 to Wednesday
    assert date(2027, 2, 11) not in days
    assert days[date(2027, 5, 3)].name == days[date(2027, 5, 4)].name == "劳动节"  # 5-1/5-2 on a weekend: 补假
    assert {days[date(2027, 4, n)].name for n in (3, 4, 5)} == {"清明"}  # Monday, with its weekend
    assert date(2027, 6, 9) in days and date(2027, 9, 15) in days  # 端午 and 中秋 by the lunar calendar


def test_the_xinjiang_estimate_matches_what_the_zizhiqu_gave_in_2025():
    text = (Path(__file__).parent / "holiday_notices" / "xinjiang-2025.txt").read_text(encoding="utf-8")
    entered, _ = days_for_layer(parse_notice(text), XINJIANG)
    calendar = HolidayCalendar.from_rows(SEED)
    estimate = xinjiang_estimate(2025, lambda d: not calendar.is_workday(d))
    assert estimate == entered


def test_xinjiang_days_move_past_weekends_and_national_holidays():
    assert [name for name, _ in islamic_holiday_dates(2027)] == ["肉孜节", "古尔邦节"]
    assert islamic_holiday_dates(2099) == []  # beyond the Umm al-Qura tables: no estimate, no error
    calendar = HolidayCalendar.from_rows(SEED)
    estimate = xinjiang_estimate(2022, lambda d: not calendar.is_workday(d))
    # 2022: 1 Shawwal fell inside 劳动节, so the day off moved to 5月5日 (as the 自治区 gave it)
    assert [d.date for d in estimate if d.name == "肉孜节"] == [date(2022, 5, 5)]
    assert [d.date for d in estimate if d.name == "古尔邦节"] == [date(2022, 7, 9) + timedelta(days=n)
                                                                  for n in range(5)]


def test_xinjiang_days_count_only_for_an_office_that_counts_them():
    plain = HolidayCalendar.from_rows(SEED)
    xinjiang = HolidayCalendar.from_rows(SEED, counts_xinjiang=True)
    eid = date(2026, 5, 27)  # 10 Dhu al-Hijjah 1447, a Wednesday
    assert plain.is_workday(eid) and not plain.day_info(eid).estimated
    info = xinjiang.day_info(eid)
    assert (info.is_workday, info.name, info.estimated) == (False, "古尔邦节", True)
    assert xinjiang.estimated_between(date(2026, 5, 26), date(2026, 6, 2))
    assert not xinjiang.estimated_between(date(2026, 6, 1), date(2026, 6, 5))


def test_local_days_come_first_then_xinjiang_then_national():
    rows = [*SEED,
            HolidayRow(date(2026, 5, 27), REST, "古尔邦节", XINJIANG, 2026, "自治区", True),
            HolidayRow(date(2026, 5, 30), WORK, "古尔邦节", XINJIANG, 2026, "自治区", True),
            HolidayRow(date(2026, 5, 30), REST, "本单位活动", LOCAL, 2026, "本单位", True)]
    calendar = HolidayCalendar.from_rows(rows, counts_xinjiang=True)
    assert calendar.day_info(date(2026, 5, 27)).estimated is False
    assert calendar.day_info(date(2026, 5, 30)).name == "本单位活动"
    assert calendar.estimated_xinjiang_days(2026) == []
    assert calendar.year_status(2026).xinjiang is True


def test_a_preview_shows_a_draft_without_touching_the_rows():
    calendar = HolidayCalendar.from_rows(SEED)
    draft = [ArrangedDay(date(2027, 1, 1), REST, "元旦"), ArrangedDay(date(2027, 2, 20), WORK, "春节")]
    preview = calendar.with_arrangement(NATIONAL, 2027, draft)
    assert preview.day_info(date(2027, 2, 20)).is_workday and not preview.day_info(date(2027, 2, 20)).estimated
    assert preview.is_workday(date(2027, 2, 9))  # no longer the estimate's 补假
    assert calendar.day_info(date(2027, 2, 9)).estimated and not calendar.is_workday(date(2027, 2, 9))
    unconfirmed = calendar.with_arrangement(NATIONAL, 2027, draft, confirmed=False)
    assert unconfirmed.day_info(date(2027, 3, 2)).estimated


def test_xinjiang_places():
    assert is_in_xinjiang("伽师县公安局夏普吐勒派出所")
    assert is_in_xinjiang("", "新疆维吾尔自治区喀什地区公安局")
    assert is_in_xinjiang("石河子市公安局")
    assert not is_in_xinjiang("北京市公安局朝阳分局", "北京市公安局")
    assert not is_in_xinjiang("")
