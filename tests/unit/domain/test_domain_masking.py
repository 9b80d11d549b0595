import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain.masking import mask_address, mask_id, mask_phone


@pytest.mark.parametrize(
    ("number", "masked"),
    [
        ("650102199001011235", "650102********1235"),
        ("11010519491231002X", "110105********002X"),
        ("650102900101123", "6501********123"),
        ("12", "1*"),
        ("", ""),
    ],
)
def test_mask_id(number, masked):
    assert mask_id(number) == masked


@pytest.mark.parametrize("length", range(1, 30))
def test_mask_id_other_lengths_show_at_most_half(length):
    if length == 18:
        return
    masked = mask_id("7" * length)
    assert len(masked) == length
    assert masked.count("7") <= length // 2


@pytest.mark.parametrize(
    ("phone", "masked"),
    [
        ("13812345678", "138****5678"),
        ("138 1234 5678", "138****5678"),
        ("0998-1234567", "0998-****567"),
        ("010-12345678", "010-****5678"),
        ("12345", "1***5"),
        ("", ""),
    ],
)
def test_mask_phone(phone, masked):
    assert mask_phone(phone) == masked


@pytest.mark.parametrize(
    ("address", "masked"),
    [
        ("伽师县夏普吐勒镇团结路12号", "伽师县夏普吐勒镇****"),
        ("伽师县卧里托格拉克乡3村5组12号", "伽师县卧里托格拉克乡****"),
        ("喀什市东城街道人民东路8号", "喀什市东城街道****"),
        ("天山区燕儿窝社区南路3号", "天山区燕儿窝社区****"),
        ("夏普吐勒村", "夏普吐勒村****"),
        ("镇江市京口区中山东路1号", "镇江市京口区****"),
        ("人民路12号", "人民路****"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_mask_address(address, masked):
    assert mask_address(address) == masked


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="0123456789X", min_size=18, max_size=18))
def test_mask_id_never_reveals_more_than_ten_characters(number):
    masked = mask_id(number)
    assert len(masked) == 18
    assert sum(ch != "*" for ch in masked) <= 10
