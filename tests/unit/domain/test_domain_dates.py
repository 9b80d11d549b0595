from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain.dates import (
    add_months,
    format_date,
    format_date_chinese_numerals,
    iso_week_dates,
    parse_iso_week,
    parse_loose_date,
)
from desktop_app.domain.errors import FieldError
from desktop_app.services.calendar.working_days import add_working_days, day_info, is_school_day, is_workday


def test_format_date():
    assert format_date(date(2024, 4, 13)) == "2024年4月13日"
    assert format_date(date(2024, 12, 1)) == "2024年12月1日"


@pytest.mark.parametrize(
    ("d", "text"),
    [
        (date(2024, 4, 13), "二〇二四年四月十三日"),
        (date(2000, 10, 10), "二〇〇〇年十月十日"),
        (date(2023, 11, 11), "二〇二三年十一月十一日"),
        (date(2023, 12, 20), "二〇二三年十二月二十日"),
        (date(2023, 1, 21), "二〇二三年一月二十一日"),
        (date(2023, 1, 30), "二〇二三年一月三十日"),
        (date(2023, 1, 31), "二〇二三年一月三十一日"),
        (date(2019, 9, 9), "二〇一九年九月九日"),
    ],
)
def test_format_date_chinese_numerals(d, text):
    assert format_date_chinese_numerals(d) == text


@settings(max_examples=100, deadline=None)
@given(st.dates())
def test_chinese_numeral_dates_use_only_numerals(d):
    assert set(format_date_chinese_numerals(d)) <= set("〇一二三四五六七八九十年月日")


@pytest.mark.parametrize(
    "value",
    [
        "2023.9.1",
        "2023/9/1",
        "2023年9月1日",
        "2023年9月1号",
        "2023-09-01",
        "20230901",
        "２０２３－０９－０１",
        "2023-09-01 00:00:00",
        " 2023 年 9 月 1 日 ",
        45170,
        45170.75,
        "45170",
        date(2023, 9, 1),
        datetime(2023, 9, 1, 8, 30),
    ],
)
def test_parse_loose_date(value):
    assert parse_loose_date(value) == date(2023, 9, 1)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "请填写日期"),
        (None, "请填写日期"),
        ("abc", "无法识别的日期"),
        ("2023年9月", "无法识别的日期"),
        ("9/1/2023", "无法识别的日期"),
        ("2023-02-30", "日期不存在：2023年2月30日"),
        ("20231301", "日期不存在"),
        ("1800-01-01", "超出范围"),
        (12, "无法识别的日期"),
        (90000, "无法识别的日期"),
        ("19999", "无法识别的日期"),
        (True, "无法识别的日期"),
    ],
)
def test_parse_loose_date_errors(value, message):
    with pytest.raises(FieldError) as caught:
        parse_loose_date(value)
    assert caught.value.field == "date"
    assert message in caught.value.message


def test_workdays_follow_the_statutory_calendar():
    assert is_workday(date(2024, 4, 12))  # Friday
    assert not is_workday(date(2024, 4, 13))  # Saturday
    assert not is_workday(date(2024, 10, 1))  # 国庆节
    assert is_workday(date(2024, 10, 12))  # Saturday, 调休 workday
    assert is_workday(date(2024, 2, 4))  # Sunday, 调休 workday


def test_workdays_outside_the_known_years_are_estimated_never_a_plain_weekday_rule():
    assert is_workday(date(2099, 1, 2))  # Friday
    assert not is_workday(date(2099, 1, 3))
    # Before chinese_calendar's data: 国庆节 by the 放假办法 (was a plain Friday workday before the holiday
    # table), and flagged as an estimate, as is every day of a year without an entered arrangement.
    assert not is_workday(date(1999, 10, 1))
    assert day_info(date(1999, 10, 1)).estimated and day_info(date(2099, 1, 2)).estimated
    assert not day_info(date(2024, 4, 12)).estimated


def test_school_days():
    assert is_school_day(date(2024, 4, 12))
    assert not is_school_day(date(2024, 10, 1))
    summer = [(date(2024, 7, 10), date(2024, 8, 31))]
    assert not is_school_day(date(2024, 7, 15), summer)
    assert is_school_day(date(2024, 9, 2), summer)


def test_add_working_days():
    assert add_working_days(date(2024, 4, 12), 0) == date(2024, 4, 12)
    assert add_working_days(date(2024, 4, 12), 1) == date(2024, 4, 15)
    assert add_working_days(date(2024, 9, 27), 3) == date(2024, 10, 8)
    assert add_working_days(date(2024, 9, 30), 1) == date(2024, 10, 8)
    assert add_working_days(date(2024, 10, 8), -1) == date(2024, 9, 30)
    assert add_working_days(date(2024, 9, 27), 10) == date(2024, 10, 16)


@pytest.mark.parametrize(
    ("d", "n", "expected"),
    [
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2024, 3, 15), -3, date(2023, 12, 15)),
        (date(2024, 11, 30), 3, date(2025, 2, 28)),
        (date(2024, 5, 31), 0, date(2024, 5, 31)),
        (date(2024, 5, 31), 12, date(2025, 5, 31)),
    ],
)
def test_add_months(d, n, expected):
    assert add_months(d, n) == expected


def test_iso_weeks():
    days = iso_week_dates(2024, 15)
    assert days[0] == date(2024, 4, 8)
    assert days[-1] == date(2024, 4, 14)
    assert [d.weekday() for d in days] == list(range(7))
    assert iso_week_dates(2020, 53)[0] == date(2020, 12, 28)
    assert parse_iso_week("2024-W15") == (2024, 15)
    assert parse_iso_week("2024w5") == (2024, 5)
    assert parse_iso_week("2020-W53") == (2020, 53)


@pytest.mark.parametrize("text", ["", "2024-15", "2024-W0", "2024-W53", "W15", "0000-W01"])
def test_parse_iso_week_errors(text):
    with pytest.raises(FieldError) as caught:
        parse_iso_week(text)
    assert caught.value.field == "week"
