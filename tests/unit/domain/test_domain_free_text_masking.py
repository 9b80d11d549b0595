"""ID numbers and phones inside free text (备注, case facts), in every way people write them, are masked
by the one masking rule; other numbers stay as written."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain.id_numbers import build_id_number
from desktop_app.domain.masking import mask_free_text, redact_numbers

ID = build_id_number("653101", date(1988, 5, 17), 23)
ID_X = "11010519491231002X"


@pytest.mark.parametrize(("text", "expected"), [
    ("电话13812345678", "电话138****5678"),
    ("电话：138-1234-5678。", "电话：138****5678。"),
    ("138 1234 5678", "138****5678"),
    ("+86 138 1234 5678", "138****5678"),
    ("+86-138-1234-5678", "138****5678"),
    ("+8613812345678", "138****5678"),
    ("008613812345678", "138****5678"),
    ("手机１３８１２３４５６７８", "手机138****5678"),
    ("办公室 0998-6543210", "办公室 0998-****210"),
    (f"身份证{ID}，", f"身份证{ID[:6]}********{ID[-4:]}，"),
    (f"{ID[:6]} {ID[6:14]} {ID[14:]}", f"{ID[:6]}********{ID[-4:]}"),
    (f"{ID[:6]}-{ID[6:14]}-{ID[14:]}", f"{ID[:6]}********{ID[-4:]}"),
    (ID_X.lower(), "110105********002X"),
    ("旧证110105491231002", "旧证1101********002"),
])
def test_numbers_in_text_are_masked(text, expected):
    assert mask_free_text(text) == expected


@pytest.mark.parametrize("text", [
    "2024年4月13日 14:30 在人民路12号", "协议金额3500元，分3次付清", "案件（2024）夏派调字第012号",
    "共12345678901234567890位", "2024-04-13", "房屋面积 120.5 平方米", "",
])
def test_other_numbers_stay(text):
    assert mask_free_text(text) == text


def test_redaction_uses_the_same_patterns():
    text = f"队员 {ID} 电话 +86 138 1234 5678 座机 0998-6543210"
    assert redact_numbers(text, "[X]") == "队员 [X] 电话 [X] 座机 [X]"


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=99_999_999), st.sampled_from(["", " ", "-"]),
       st.text(alphabet="备注：的是和电话号", max_size=6))
def test_no_mobile_survives_masking(tail, separator, prefix):
    digits = f"139{tail:08d}"
    written = separator.join([digits[:3], digits[3:7], digits[7:]])
    masked = mask_free_text(prefix + written + "。")
    assert digits not in masked.replace(separator, "") if separator else digits not in masked
    assert "****" in masked
