"""The one hygiene step for typed and imported text, and the ranges of ids and numbers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.errors import FieldError
from desktop_app.domain.ranges import MAX_RECORD_ID, as_record_id, bounded_number
from desktop_app.domain.text_hygiene import clean_text, needs_cleaning, storable


def test_a_soft_line_break_becomes_a_line_break_or_a_space():
    assert clean_text("第一行\x0b第二行", "notes", "备注", multiline=True) == "第一行\n第二行"
    assert clean_text("幸福路\x0b3号", "address", "住址") == "幸福路 3号"
    assert clean_text("a\r\nb\rc\x0cd\u2028e", "notes", "备注", multiline=True) == "a\nb\nc\nd\ne"


def test_other_control_characters_are_removed_and_tab_kept_in_multi_line_text():
    assert clean_text("\x01王\x07建\x1b国\x7f\x9b", "x", "备注") == "王建国"
    assert clean_text("甲\t乙", "notes", "备注", multiline=True) == "甲\t乙"
    assert clean_text("甲\t乙", "place", "地点") == "甲 乙"


def test_nul_and_unpaired_surrogates_are_refused_at_the_field():
    with pytest.raises(FieldError) as caught:
        clean_text("王\x00建国", "notes", "备注")
    assert caught.value.field == "notes" and "空字符" in caught.value.message
    with pytest.raises(FieldError) as caught:
        clean_text("王\ud83d建国", "name", "姓名")
    assert caught.value.field == "name" and "无法识别的字符" in caught.value.message


def test_what_any_script_needs_is_kept():
    text = "努尔买买提·西热甫 \u200f\u0645\u0631\u062d\u0628\u0627 😀 \ue000 ' OR 1=1; --"
    assert clean_text(text, "notes", "备注") == text


def test_length_is_bounded():
    assert clean_text("字" * 200, "address", "住址", 200) == "字" * 200
    with pytest.raises(FieldError, match="住址不能超过200个字"):
        clean_text("字" * 201, "address", "住址", 200)


def test_storable_never_refuses():
    assert storable("a\x00b\ud800c\x0bd") == "ab\ufffdc\nd"
    assert needs_cleaning("a\x0bb") and not needs_cleaning("平常的文字\n第二行")


@given(st.text(alphabet=st.sampled_from("王 a\t\n\r\x0b\x00\x01\x7f\x85\x9f\u2028\u3000\ufffe\ud83d\U0001f600")),
       st.booleans())
def test_a_text_without_special_characters_is_only_trimmed_and_any_other_fully_cleaned(text, multiline):
    """The quick path for the usual text gives what the full steps give."""
    try:
        cleaned = clean_text(text, "notes", "备注", multiline=multiline)
    except FieldError:
        assert "\x00" in text or "\ud83d" in text
        return
    assert "\x00" not in text and "\ud83d" not in text
    assert cleaned == storable(text, multiline).strip()


def test_record_ids_outside_sqlite_range_find_nothing():
    assert as_record_id(5) == 5
    assert as_record_id(2**63) == 0 and as_record_id(-1) == 0 and as_record_id(True) == 0
    assert as_record_id("5") == 0 and as_record_id(MAX_RECORD_ID) == MAX_RECORD_ID


@pytest.mark.parametrize("raw", ["abc", "1e400", "nan", "inf", "9" * 50, "", True])
def test_numbers_that_are_not_numbers_are_refused(raw):
    with pytest.raises(FieldError):
        bounded_number(raw, "hours", "时长", 0, 24)


def test_numbers_are_range_checked():
    assert bounded_number("８", "hours", "时长", 0, 24) == 8
    with pytest.raises(FieldError, match="时长应在0–24小时之间"):
        bounded_number(25, "hours", "时长", 0, 24, unit="小时")
    with pytest.raises(FieldError, match="整数"):
        bounded_number("2.5", "n", "人数", 1, 10, integer=True)
