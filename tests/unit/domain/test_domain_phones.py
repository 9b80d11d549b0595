import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain.errors import FieldError
from desktop_app.domain.phones import normalize_phone, validate_mobile, validate_phone


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("138 1234 5678", "13812345678"),
        ("138-1234-5678", "13812345678"),
        ("１３８１２３４５６７８", "13812345678"),
        ("+86 138 1234 5678", "13812345678"),
        ("8613812345678", "13812345678"),
        ("008613812345678", "13812345678"),
        ("0998-1234567", "09981234567"),
        ("", ""),
    ],
)
def test_normalize_phone(raw, expected):
    assert normalize_phone(raw) == expected


@pytest.mark.parametrize(
    "raw", ["13812345678", "+8613812345678", "199 9999 9999", "１５０－１２３４－５６７８"]
)
def test_validate_mobile_accepts(raw):
    assert len(validate_mobile(raw)) == 11


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "请填写手机号码"),
        ("12812345678", "1开头的11位数字"),
        ("1381234567", "1开头的11位数字"),
        ("138123456789", "1开头的11位数字"),
        ("1381234567a", "1开头的11位数字"),
        ("0998-1234567", "1开头的11位数字"),
    ],
)
def test_validate_mobile_errors(raw, message):
    with pytest.raises(FieldError) as caught:
        validate_mobile(raw)
    assert caught.value.field == "phone"
    assert message in caught.value.message


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("13812345678", "13812345678"),
        ("0998-1234567", "0998-1234567"),
        ("09981234567", "0998-1234567"),
        ("(010)12345678", "010-12345678"),
        ("010 1234 5678", "010-12345678"),
        ("021-87654321", "021-87654321"),
        ("０９９８－１２３４５６７", "0998-1234567"),
    ],
)
def test_validate_phone_accepts(raw, expected):
    assert validate_phone(raw) == expected


@pytest.mark.parametrize("raw", ["", "0998-123", "998-1234567", "0998-0234567", "12345", "电话"])
def test_validate_phone_errors(raw):
    with pytest.raises(FieldError) as caught:
        validate_phone(raw)
    assert caught.value.field == "phone"


FULL_WIDTH = {d: chr(ord(d) + 0xFEE0) for d in "0123456789"}


@st.composite
def typed_mobiles(draw):
    number = (
        "1" + draw(st.sampled_from("3456789")) + draw(st.text(alphabet="0123456789", min_size=9, max_size=9))
    )
    typed = draw(st.sampled_from(["", "+86", "+86 ", "86"]))
    for digit in number:
        typed += FULL_WIDTH[digit] if draw(st.booleans()) else digit
        typed += draw(st.sampled_from(["", "", " ", "-", "\u3000", "－"]))
    return number, typed


@settings(max_examples=100, deadline=None)
@given(typed_mobiles())
def test_validate_mobile_accepts_typed_variants(case):
    number, typed = case
    assert validate_mobile(typed) == number
    assert validate_phone(typed) == number
