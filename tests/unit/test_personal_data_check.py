"""The suite's own check for personal data in the files the program writes (tests/personal_data_check.py)
finds every way of writing an ID or mobile number in full, and nothing that is masked or merely long."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import Workbook
from personal_data_check import full_numbers, problems_in, valid_id

from desktop_app.domain.id_numbers import build_id_number
from desktop_app.domain.masking import mask_free_text

ID = build_id_number("650102", date(1990, 1, 1), 123)


@pytest.mark.parametrize("text", [
    ID, f"身份证号{ID}。", f"{ID[:6]} {ID[6:14]} {ID[14:]}", f"{ID[:6]}-{ID[6:14]}-{ID[14:]}", "11010519491231002x",
    "13812345678", "电话：138-1234-5678", "138 1234 5678", "+86 138 1234 5678", "+8613812345678",
    "008613812345678",
])
def test_full_numbers_are_found(text):
    assert len(full_numbers(text)) == 1


@pytest.mark.parametrize("text", [
    mask_free_text(f"{ID} 13812345678"), ID[:17] + ("0" if ID[17] != "0" else "1"), "共12345678901234567890位",
    "sha256 3f9a13812345678b0c", "（2024）夏派调字第012号", "2024-04-13 08:30", "",
])
def test_masked_invalid_or_other_numbers_are_not(text):
    assert full_numbers(text) == []


def test_the_check_digit_is_the_standards():
    assert valid_id("11010519491231002X") and valid_id(ID) and not valid_id("110105194912310021")


def test_files_are_read_back_by_their_kind(tmp_path):
    book = Workbook()
    book.active.append(["姓名", "身份证号"])
    book.active.append(["王建国", ID])
    book.save(tmp_path / "名册.xlsx")
    (tmp_path / "yijing.log").write_text("2026-01-01 INFO 已隐去 [已隐去]\n", encoding="utf-8")
    (tmp_path / "清单.txt").write_text("电话 139 1234 5678\n", encoding="utf-8")
    assert len(problems_in(tmp_path / "名册.xlsx")) == 1
    assert problems_in(tmp_path / "yijing.log") == []
    assert len(problems_in(tmp_path / "清单.txt")) == 1
