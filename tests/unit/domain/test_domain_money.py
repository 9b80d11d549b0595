from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain.money import amount_to_chinese_upper, format_amount


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (3500, "叁仟伍佰元整"),
        (Decimal("1005.5"), "壹仟零伍元伍角整"),
        ("0.05", "伍分"),
        ("0.5", "伍角整"),
        ("0.55", "伍角伍分"),
        (100000, "壹拾万元整"),
        (10_0000_0001, "壹拾亿零壹元整"),
        ("12.30", "壹拾贰元叁角整"),
        ("1005.05", "壹仟零伍元零伍分"),
        (0, "零元整"),
        (10, "壹拾元整"),
        (1010, "壹仟零壹拾元整"),
        (10_0100, "壹拾万零壹佰元整"),
        (1_0000_1000, "壹亿零壹仟元整"),
        (1_1000_1000, "壹亿壹仟万壹仟元整"),
        (1000_0100, "壹仟万零壹佰元整"),
        ("3,500", "叁仟伍佰元整"),
        (12.345, "壹拾贰元叁角伍分"),
        ("999999999999.99", "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
    ],
)
def test_amount_to_chinese_upper(amount, text):
    assert amount_to_chinese_upper(amount) == text


@pytest.mark.parametrize("amount", [-1, "-0.01", 10**12, "1000000000000", "abc", "", "NaN", "Infinity"])
def test_amount_to_chinese_upper_rejects(amount):
    with pytest.raises(ValueError):
        amount_to_chinese_upper(amount)


@pytest.mark.parametrize(
    ("amount", "text"),
    [(3500, "3,500.00"), ("1005.5", "1,005.50"), (0, "0.00"), (Decimal("1234567.891"), "1,234,567.89")],
)
def test_format_amount(amount, text):
    assert format_amount(amount) == text


@settings(max_examples=150, deadline=None)
@given(st.decimals(min_value=0, max_value=Decimal("999999999999.99"), places=2))
def test_upper_amount_is_never_empty_and_well_formed(amount):
    text = amount_to_chinese_upper(amount)
    assert text
    assert "零零" not in text
    assert text.endswith(("整", "分"))
    assert not text.endswith("分整")
    assert text == "零元整" or not text.startswith("零")
