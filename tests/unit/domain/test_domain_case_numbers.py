import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain.case_numbers import format_case_number, parse_case_number
from desktop_app.domain.errors import FieldError


@pytest.mark.parametrize(
    ("args", "text"),
    [
        ((2024, "夏派调", 12), "（2024）夏派调字第012号"),
        ((2024, "夏派调", 1), "（2024）夏派调字第001号"),
        ((2024, "夏派调", 999), "（2024）夏派调字第999号"),
        ((2024, "夏派调", 1234), "（2024）夏派调字第1234号"),
        ((2025, "夏派调字", 7), "（2025）夏派调字第007号"),
        ((2025, " 伽公治调 ", 7), "（2025）伽公治调字第007号"),
    ],
)
def test_format_case_number(args, text):
    assert format_case_number(*args) == text


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("（2024）夏派调字第012号", (2024, "夏派调", 12)),
        ("(2024)夏派调字第12号", (2024, "夏派调", 12)),
        ("〔2024〕夏派调字第1012号", (2024, "夏派调", 1012)),
        (" （２０２４） 夏派调字第 012 号 ", (2024, "夏派调", 12)),
    ],
)
def test_parse_case_number(text, parsed):
    assert parse_case_number(text) == parsed


@pytest.mark.parametrize(
    "text",
    [
        "",
        "2024夏派调字第012号",
        "（2024）夏派调第012号",
        "（2024）夏派调字第号",
        "（24）夏派调字第1号",
        "（2024）夏派调字第000号",
    ],
)
def test_parse_case_number_rejects_garbage(text):
    with pytest.raises(ValueError):
        parse_case_number(text)


@pytest.mark.parametrize(
    ("year", "prefix", "seq"),
    [(2024, "", 1), (2024, "字", 1), (2024, "夏派1", 1), (24, "夏派调", 1), (2024, "夏派调", 0)],
)
def test_format_case_number_rejects_bad_input(year, prefix, seq):
    with pytest.raises(ValueError):
        format_case_number(year, prefix, seq)


def test_bad_prefix_is_a_field_error():
    with pytest.raises(FieldError) as caught:
        format_case_number(2024, "夏(派)", 1)
    assert caught.value.field == "case_prefix"


prefixes = st.text(alphabet=st.sampled_from("夏派调伽公治民普吐勒喀什乡镇第号"), min_size=1, max_size=8)


@settings(max_examples=100, deadline=None)
@given(year=st.integers(1000, 9999), prefix=prefixes, seq=st.integers(1, 100_000))
def test_parse_inverts_format(year, prefix, seq):
    assert parse_case_number(format_case_number(year, prefix, seq)) == (year, prefix, seq)
