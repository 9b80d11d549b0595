from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum.cn import ric

from desktop_app.domain.errors import FieldError
from desktop_app.domain.id_numbers import (
    IdInfo,
    build_id_number,
    check_consistency,
    looks_like_excel_damage,
    normalize_id_number,
    parse_id_number,
)

TODAY = date(2024, 6, 1)
AREA_CODES = ["110105", "650102", "650402", "653129", "659001", "652201", "440305"]
birth_dates = st.dates(min_value=date(1900, 1, 1), max_value=TODAY)


def test_field_error_carries_field_and_message():
    error = FieldError("name", "请填写姓名")
    assert isinstance(error, ValueError)
    assert (error.field, error.message, str(error)) == ("name", "请填写姓名", "请填写姓名")


def test_must_pass_example_is_a_woman_born_1949_12_31():
    info = parse_id_number("11010519491231002X")
    assert info == IdInfo("11010519491231002X", date(1949, 12, 31), "女", "北京市朝阳区")


def test_gaochang_district_number_is_accepted_although_stdnum_rejects_it():
    number = build_id_number("650402", date(1990, 5, 6), 123)
    assert not ric.is_valid(number)
    info = parse_id_number(number)
    assert (info.birth_date, info.gender, info.birth_place) == (date(1990, 5, 6), "男", None)


def test_birth_place_names_province_prefecture_and_county():
    info = parse_id_number(build_id_number("653129", date(1985, 1, 2), 2))
    assert info.birth_place == "新疆维吾尔自治区喀什地区伽师县"
    assert info.gender == "女"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("11010519491231002x", "11010519491231002X"),
        ("１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X"),
        ("'110105 1949-1231 002ｘ", "11010519491231002X"),
        ("  110105194912310\u300002X ", "11010519491231002X"),
        ("", ""),
    ],
)
def test_normalize_id_number(raw, expected):
    assert normalize_id_number(raw) == expected


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "请填写身份证号码"),
        ("   ", "请填写身份证号码"),
        ("110105491231002", "15位旧身份证号码"),
        ("1101051949", "应为18位，现在是10位"),
        ("11010519491231002X1", "应为18位，现在是19位"),
        ("11010519491X31002X", "只能由数字组成"),
        ("1101051949123100AX", "只能由数字组成"),
        ("110105194913310021", "出生日期"),
        ("110105194902300021", "出生日期"),
        ("110105185001010011", "出生年份不合理"),
        ("110105194912310021", "校验位错误，请核对号码"),
    ],
)
def test_parse_id_number_errors(raw, message):
    with pytest.raises(FieldError) as caught:
        parse_id_number(raw, today=TODAY)
    assert caught.value.field == "id_number"
    assert message in caught.value.message


def test_check_digit_error_does_not_reveal_the_right_digit():
    with pytest.raises(FieldError) as caught:
        parse_id_number("110105194912310021")
    assert caught.value.message == "校验位错误，请核对号码"


def test_birth_date_in_the_future_is_rejected():
    number = build_id_number("650102", date(2024, 6, 2), 11)
    with pytest.raises(FieldError, match="晚于今天"):
        parse_id_number(number, today=TODAY)
    assert parse_id_number(number, today=date(2024, 6, 2)).birth_date == date(2024, 6, 2)


def test_check_consistency():
    info = parse_id_number("11010519491231002X")
    assert check_consistency(info, date(1949, 12, 31), "女") == []
    assert check_consistency(info, None, None) == []
    assert check_consistency(info, None, "女性") == []
    errors = check_consistency(info, date(1949, 12, 30), "男")
    assert [e.field for e in errors] == ["birth_date", "gender"]
    assert "1949年12月31日" in errors[0].message


def test_build_id_number_rejects_bad_input():
    with pytest.raises(ValueError):
        build_id_number("65010", date(1990, 1, 1), 1)
    with pytest.raises(ValueError):
        build_id_number("650102", date(1990, 1, 1), 1000)
    with pytest.raises(ValueError):
        build_id_number("650102", date(1990, 1, 1), -1)


@pytest.mark.parametrize(
    "raw",
    ["6.50102E+17", "6.50102e17", 6.501021990010112e17, "650102199001011234.0", "650102199001011000"],
)
def test_looks_like_excel_damage_detects(raw):
    message = looks_like_excel_damage(raw)
    assert message and "Excel" in message


@pytest.mark.parametrize("raw", ["11010519491231002X", "", None, "张三", "650102199001011"])
def test_looks_like_excel_damage_passes_ordinary_values(raw):
    assert looks_like_excel_damage(raw) is None


def test_looks_like_excel_damage_keeps_a_valid_number_ending_in_000():
    number = next(
        n
        for seq in range(0, 1000, 10)
        if (n := build_id_number("650102", date(1990, 1, 1), seq)).endswith("000")
    )
    assert looks_like_excel_damage(number) is None


@settings(max_examples=80, deadline=None)
@given(area=st.sampled_from(AREA_CODES), birth=birth_dates, sequence=st.integers(0, 999))
def test_built_numbers_parse_back(area, birth, sequence):
    info = parse_id_number(build_id_number(area, birth, sequence), today=TODAY)
    assert info.birth_date == birth
    assert info.gender == ("男" if sequence % 2 else "女")


@settings(max_examples=80, deadline=None)
@given(
    area=st.sampled_from(AREA_CODES),
    birth=birth_dates,
    sequence=st.integers(0, 999),
    position=st.integers(0, 17),
    digit=st.sampled_from("0123456789"),
)
def test_any_single_digit_change_is_rejected(area, birth, sequence, position, digit):
    number = build_id_number(area, birth, sequence)
    changed = number[:position] + digit + number[position + 1 :]
    if changed == number:
        return
    with pytest.raises(FieldError):
        parse_id_number(changed, today=TODAY)
