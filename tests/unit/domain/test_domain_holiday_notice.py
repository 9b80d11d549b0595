"""Reading the published notices: the 2026 notice equals chinesecalendar's 2026 data day for day, 2024 and 2025
agree on every working day, both wording styles and the 自治区's notice are read, and a text read only in part
names the sentence it could not read."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import chinese_calendar
import pytest

from desktop_app.domain.holiday_days import LOCAL, NATIONAL, REST, WORK, XINJIANG, HolidayRow
from desktop_app.domain.holiday_notice import days_for_layer, notice_year, parse_notice
from desktop_app.domain.work_calendar import HolidayCalendar

NOTICES = Path(__file__).parent / "holiday_notices"


def notice(name: str) -> str:
    return (NOTICES / name).read_text(encoding="utf-8")


def chinesecalendar_year(year: int) -> set[tuple[date, str, str]]:
    days = set()
    for kind, table in ((REST, chinese_calendar.holidays), (WORK, chinese_calendar.workdays)):
        for d, value in table.items():
            if d.year == year:
                days.add((d, kind, chinese_calendar.Holiday(value).chinese))
    return days


def test_the_2026_notice_is_chinesecalendars_2026_day_for_day():
    parsed = parse_notice(notice("gov-2026.txt"))
    assert parsed.complete and parsed.year == 2026
    assert {(d.date, d.kind, d.name) for d in parsed.days} == chinesecalendar_year(2026)
    assert [d.date for d in parsed.days] == sorted(d.date for d in parsed.days)
    assert parsed.lines()[:4] == ["2026-01-01 休 元旦", "2026-01-02 休 元旦", "2026-01-03 休 元旦",
                                  "2026-01-04 班 元旦"]


@pytest.mark.parametrize(("name", "year"), [("gov-2024.txt", 2024), ("gov-2025.txt", 2025)])
def test_earlier_notices_agree_with_chinesecalendar_on_every_day(name, year):
    parsed = parse_notice(notice(name))
    assert parsed.complete and parsed.year == year
    calendar = HolidayCalendar.from_rows(
        HolidayRow(d.date, d.kind, d.name, NATIONAL, year, "", True) for d in parsed.days)
    day = date(year, 1, 1)
    while day.year == year:
        assert calendar.is_workday(day) == chinese_calendar.is_workday(day), day
        day += timedelta(days=1)


def test_the_older_wording_joins_weekends_and_skips_advice():
    days = {d.date: d for d in parse_notice(notice("gov-2024.txt")).days}
    # "6月10日放假，与周末连休": Monday with the weekend before it
    assert [days[date(2024, 6, n)].kind for n in (8, 9, 10)] == [REST, REST, REST]
    assert days[date(2023, 12, 30)].name == "元旦"  # 元旦 2024 joined the weekend of the year before
    assert date(2024, 2, 9) not in days  # "鼓励……安排职工在除夕（2月9日）休息" is advice, not a day off
    assert days[date(2024, 2, 18)].kind == WORK


def test_half_width_punctuation_and_a_combined_holiday():
    parsed = parse_notice(notice("gov-2025.txt"))  # as some web pages give it: "(周三)", "一、元旦:"
    days = {d.date: d for d in parsed.days}
    assert days[date(2025, 10, 6)].name == "国庆节、中秋"
    assert days[date(2025, 1, 1)].kind == REST and date(2025, 1, 2) not in days  # "放假1天，不调休"
    assert days[date(2025, 5, 31)].kind == REST and days[date(2025, 6, 2)].kind == REST  # across a month end


def test_the_xinjiang_notice_gives_its_own_holidays_and_leaves_the_national_ones():
    parsed = parse_notice(notice("xinjiang-2025.txt"))
    assert parsed.complete and parsed.year == 2025
    kept, skipped = days_for_layer(parsed, XINJIANG)
    assert [d.line for d in kept] == [
        "2025-03-29 休 肉孜节", "2025-03-30 休 肉孜节", "2025-03-31 休 肉孜节",
        "2025-06-06 休 古尔邦节", "2025-06-07 休 古尔邦节", "2025-06-08 休 古尔邦节", "2025-06-09 休 古尔邦节",
        "2025-06-10 休 古尔邦节"]
    assert "春节" in skipped and "肉孜节" not in skipped
    national, _ = days_for_layer(parsed, NATIONAL)
    assert date(2025, 3, 31) not in {d.date for d in national}
    assert date(2025, 10, 11) in {d.date for d in national}
    assert days_for_layer(parsed, LOCAL)[0] == parsed.days
    # "（一）夏季作息时间：自2025年5月1日起……上班时间为……" is not a holiday section
    assert all(d.date != date(2025, 5, 1) or d.kind == REST for d in parsed.days)


def test_old_forms_补休_and_a_range_of_two_holidays():
    text = ("国务院办公厅关于2017年部分节假日安排的通知\n一、元旦：1月1日放假，1月2日（星期一）补休。\n"
            "三、清明节：4月2日至4日放假调休，共3天。4月1日（星期六）上班。\n"
            "六、中秋节、国庆节：10月1日至8日放假调休，共8天。9月30日（星期六）上班。\n国务院办公厅\n2016年12月1日\n")
    parsed = parse_notice(text)
    assert parsed.complete
    assert {d.line for d in parsed.days} >= {"2017-01-01 休 元旦", "2017-01-02 休 元旦", "2017-04-01 班 清明",
                                             "2017-10-08 休 中秋、国庆节", "2017-09-30 班 中秋、国庆节"}
    assert len(parsed.days) == 2 + 4 + 9


def test_a_notice_pasted_as_one_line_reads_the_same():
    text = notice("gov-2026.txt")
    assert parse_notice(text.replace("\n", "")).days == parse_notice(text).days


def test_a_sentence_it_cannot_read_is_named():
    text = notice("gov-2026.txt").replace("5月9日（周六）上班", "5月9日（周六）照常办公")
    parsed = parse_notice(text)
    assert not parsed.complete
    [problem] = parsed.problems
    assert "劳动节" in problem.sentence and "5月9日（周六）照常办公" in problem.text


def test_a_count_that_does_not_match_its_dates_is_a_problem():
    parsed = parse_notice(notice("gov-2026.txt").replace("放假调休，共9天", "放假调休，共8天"))
    assert not parsed.complete
    assert "共8天与所列日期（9天）不符" in parsed.problems[0].text


def test_a_working_weekday_or_a_day_both_off_and_worked_is_a_problem():
    parsed = parse_notice("关于2026年部分节假日安排的通知\n一、元旦：1月1日至3日放假，共3天。1月5日（周一）上班。")
    assert "1月5日本是工作日" in parsed.problems[0].text
    parsed = parse_notice("关于2026年部分节假日安排的通知\n一、元旦：1月1日至4日放假，共4天。1月4日（周日）上班。")
    assert "1月4日既放假又上班" in parsed.problems[0].text


def test_the_year_comes_from_the_title_or_the_caller():
    sections = "一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。"
    assert not parse_notice(sections).complete
    assert "无法确定" in parse_notice(sections).problems[0].text
    assert parse_notice(sections, default_year=2026).complete
    assert notice_year(notice("gov-2025.txt")) == 2025  # not 2024, the year of the 办法's revision
    assert notice_year(notice("xinjiang-2025.txt")) == 2025
    assert not parse_notice("随便一段文字。", default_year=2027).complete
